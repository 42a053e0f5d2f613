package org.portcullis.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's derivation pattern (SPEC §3.1): the ordered cells whose digits, read from a
 * presented grid and converted by an optional {@link ConversionRule}, make the password; or the
 * choice of a fixed password ({@code F}), of which this object keeps only the length; the caller
 * hashes the password itself.
 *
 * <p>Cells are numbered 1..rows·cols row-major; {@link #DUMMY} marks a position where the customer
 * types any digit. In {@link Mode#FIXED} mode each result is reduced to its ones digit, so the
 * password has one digit per position; in {@link Mode#VARIABLE} mode each result is typed in full,
 * so the factories refuse rules that can give a negative number there.
 *
 * <p>A pattern is a secret: {@link #toString()} shows only its length and mode, and {@link
 * #encode()} is for sealing under the server's key, never for logs. Immutable and thread-safe.
 */
public final class DerivationPattern {

  /** A dummy position in a cell list; written {@code *} in text. Not a cell: cells start at 1. */
  public static final int DUMMY = 0;

  /** How each converted result is typed. */
  public enum Mode {
    /** Only the ones digit ({@code floorMod(r, 10)}): the password keeps the pattern's length. */
    FIXED,
    /** The result in full decimal: a 2 times 7 is typed {@code 14}. */
    VARIABLE
  }

  private static final Pattern NUMBER = Pattern.compile("[0-9]+");
  private static final int MAX_CELL_DIGITS = 9;
  private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,3}");

  /** Longer text cannot be 16 positions with reasonable spacing; refused before splitting. */
  private static final int MAX_TEXT = 256;

  private final List<Integer> cells;
  private final ConversionRule rule;
  private final Mode mode;
  private final int fixedLength;

  private DerivationPattern(List<Integer> cells, ConversionRule rule, Mode mode, int fixedLength) {
    this.cells = cells;
    this.rule = rule;
    this.mode = mode;
    this.fixedLength = fixedLength;
  }

  /**
   * Reads a pattern as entered on the registration form.
   *
   * @param positions cells separated by commas, {@code *} for a dummy, e.g. {@code 3,*,16,9}
   * @param rule the conversion rule text, or {@code null}/blank for none
   * @param mode {@code null} for the default, {@link Mode#FIXED}
   * @throws PatternRuleException {@code bad-positions} for text that is not a list of cells (and
   *     for {@code F}, which goes to {@link #fixedPassword}), {@code cell-out-of-range} for cell 0
   *     or a cell beyond the table, and everything {@link #of} refuses
   */
  public static DerivationPattern parse(
      String positions, String rule, Mode mode, TableRules table) {
    Objects.requireNonNull(table, "table");
    return of(
        parsePositions(positions, table), ConversionRule.parse(rule).orElse(null), mode, table);
  }

  /**
   * A pattern from a cell list, checked against the table's rules.
   *
   * @param cells 1..cells of the table, {@link #DUMMY} for dummies
   * @param rule {@code null} for no conversion
   * @param mode {@code null} for the default, {@link Mode#FIXED}
   * @throws PatternRuleException everything {@link TableRules#checkCells} refuses; {@code
   *     rule-length-mismatch} for a list rule without one OP per entry; {@code negative-result} for
   *     a {@link Mode#VARIABLE} rule that can give a negative number
   */
  public static DerivationPattern of(
      List<Integer> cells, ConversionRule rule, Mode mode, TableRules table) {
    Objects.requireNonNull(table, "table");
    table.checkCells(cells);
    Mode chosen = mode == null ? Mode.FIXED : mode;
    if (rule != null && !rule.isSingle() && rule.size() != cells.size()) {
      throw new PatternRuleException(
          "rule-length-mismatch",
          "rule",
          "A list rule needs one operation per position, dummies included");
    }
    if (rule != null && chosen == Mode.VARIABLE) {
      requireNonNegative(cells, rule);
    }
    return new DerivationPattern(List.copyOf(cells), rule, chosen, 0);
  }

  /**
   * The {@code F} choice: a plain numeric password. Only its length is kept here; the caller stores
   * a slow hash of {@code password} and never the password.
   *
   * @throws PatternRuleException {@code bad-fixed-password} on field {@code fixedPassword} unless
   *     the password is table.minLength to 16 decimal digits
   */
  public static DerivationPattern fixedPassword(String password, TableRules table) {
    Objects.requireNonNull(table, "table");
    if (password == null
        || password.length() < table.minLength()
        || password.length() > TableRules.MAX_LENGTH
        || !isDigits(password)) {
      throw new PatternRuleException(
          "bad-fixed-password",
          "fixedPassword",
          "A fixed password is "
              + table.minLength()
              + " to "
              + TableRules.MAX_LENGTH
              + " digits 0-9");
    }
    return new DerivationPattern(List.of(), null, Mode.FIXED, password.length());
  }

  /** The cells in order, {@link #DUMMY} for dummies; empty for a fixed password. */
  public List<Integer> cells() {
    return cells;
  }

  /** The conversion rule, if any. */
  public Optional<ConversionRule> rule() {
    return Optional.ofNullable(rule);
  }

  /** How results are typed; {@link Mode#FIXED} for a fixed password. */
  public Mode mode() {
    return mode;
  }

  /** Whether this is the {@code F} choice, verified against a stored hash instead of a grid. */
  public boolean isFixedPassword() {
    return fixedLength > 0;
  }

  /** The fixed password's length; 0 for a cell pattern. */
  public int fixedLength() {
    return fixedLength;
  }

  /**
   * The expected answer to {@code grid}: for each entry, a wildcard for a dummy, otherwise the
   * cell's digit converted by the rule and typed as the mode says.
   *
   * @throws IllegalStateException for a fixed password, which has no expected answer to a grid, or
   *     for a negative result in variable mode (refused at registration, so a corrupt pattern)
   * @throws IllegalArgumentException if a cell lies outside the grid
   */
  public Expected expected(Grid grid) {
    Objects.requireNonNull(grid, "grid");
    if (isFixedPassword()) {
      throw new IllegalStateException("a fixed password is checked against its hash, not a grid");
    }
    StringBuilder digits = new StringBuilder();
    List<Boolean> wildcards = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      int cell = cells.get(i);
      if (cell == DUMMY) {
        digits.append('0');
        wildcards.add(true);
        continue;
      }
      int result = grid.digitAt(cell);
      if (rule != null) {
        result = rule.apply(i, result);
      }
      String typed;
      if (mode == Mode.FIXED) {
        typed = Integer.toString(Math.floorMod(result, 10));
      } else if (result >= 0) {
        typed = Integer.toString(result);
      } else {
        throw new IllegalStateException("a variable-length pattern gave a negative result");
      }
      digits.append(typed);
      for (int k = 0; k < typed.length(); k++) {
        wildcards.add(false);
      }
    }
    boolean[] wildcard = new boolean[wildcards.size()];
    for (int k = 0; k < wildcard.length; k++) {
      wildcard[k] = wildcards.get(k);
    }
    return new Expected(digits.toString(), wildcard);
  }

  /**
   * A compact lossless text form for sealing: {@code C;cells;rule;mode} with 0 for dummies, e.g.
   * {@code C;3,6,0,16,9;+2;FIXED} (empty rule field for no rule), or {@code F;length}. Secret: seal
   * it, never log it.
   */
  public String encode() {
    if (isFixedPassword()) {
      return "F;" + fixedLength;
    }
    StringBuilder text = new StringBuilder("C;");
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(cells.get(i));
    }
    return text.append(';')
        .append(rule == null ? "" : rule.toString())
        .append(';')
        .append(mode.name())
        .toString();
  }

  /**
   * Reads what {@link #encode()} wrote. Table rules are not checked again, because staff may change
   * a table after patterns were registered on it; only the form is.
   *
   * @throws IllegalArgumentException for text {@link #encode()} cannot have written
   */
  public static DerivationPattern decode(String encoded) {
    if (encoded == null) {
      throw new IllegalArgumentException("no encoded pattern");
    }
    String[] parts = encoded.split(";", -1);
    if (parts.length == 2 && parts[0].equals("F") && SMALL_NUMBER.matcher(parts[1]).matches()) {
      int length = Integer.parseInt(parts[1]);
      if (length < 1 || length > TableRules.MAX_LENGTH) {
        throw new IllegalArgumentException("not an encoded pattern: bad fixed length");
      }
      return new DerivationPattern(List.of(), null, Mode.FIXED, length);
    }
    if (parts.length != 4 || !parts[0].equals("C")) {
      throw new IllegalArgumentException("not an encoded pattern");
    }
    List<Integer> cells = decodeCells(parts[1]);
    ConversionRule rule;
    try {
      rule = ConversionRule.parse(parts[2]).orElse(null);
    } catch (PatternRuleException e) {
      throw new IllegalArgumentException("not an encoded pattern: bad rule", e);
    }
    if (rule != null && (!rule.toString().equals(parts[2]))) {
      throw new IllegalArgumentException("not an encoded pattern: rule not in canonical form");
    }
    if (rule != null && !rule.isSingle() && rule.size() != cells.size()) {
      throw new IllegalArgumentException("not an encoded pattern: rule length");
    }
    Mode mode;
    try {
      mode = Mode.valueOf(parts[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an encoded pattern: bad mode", e);
    }
    return new DerivationPattern(cells, rule, mode, 0);
  }

  private static List<Integer> decodeCells(String text) {
    String[] tokens = text.split(",", -1);
    if (tokens.length > TableRules.MAX_LENGTH) {
      throw new IllegalArgumentException("not an encoded pattern: too many cells");
    }
    List<Integer> cells = new ArrayList<>(tokens.length);
    boolean anyCell = false;
    for (String token : tokens) {
      if (!SMALL_NUMBER.matcher(token).matches()) {
        throw new IllegalArgumentException("not an encoded pattern: bad cell");
      }
      int cell = Integer.parseInt(token);
      if (cell > TableRules.MAX_CELLS) {
        throw new IllegalArgumentException("not an encoded pattern: bad cell");
      }
      anyCell |= cell != DUMMY;
      cells.add(cell);
    }
    if (!anyCell) {
      throw new IllegalArgumentException("not an encoded pattern: no cell");
    }
    return List.copyOf(cells);
  }

  private static List<Integer> parsePositions(String text, TableRules table) {
    if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
      throw new PatternRuleException(
          "bad-positions",
          "positions",
          "Enter up to " + TableRules.MAX_LENGTH + " cells separated by commas, * for a dummy");
    }
    String[] tokens = text.split(",", -1);
    if (tokens.length > TableRules.MAX_LENGTH) {
      throw new PatternRuleException(
          "bad-positions",
          "positions",
          "A pattern has at most " + TableRules.MAX_LENGTH + " positions, dummies included");
    }
    List<Integer> cells = new ArrayList<>(tokens.length);
    for (String raw : tokens) {
      String token = raw.strip();
      if (token.equals("*")) {
        cells.add(DUMMY);
      } else if (token.equalsIgnoreCase("F")) {
        throw new PatternRuleException(
            "bad-positions",
            "positions",
            "F is not a cell: to choose a fixed password, use the fixedPassword field");
      } else if (NUMBER.matcher(token).matches()) {
        int cell = token.length() <= MAX_CELL_DIGITS ? Integer.parseInt(token) : -1;
        if (cell < 1) {
          // 0 would read as a dummy; a number too long to parse is no cell either
          throw new PatternRuleException(
              "cell-out-of-range",
              "positions",
              "Every position must be a cell from 1 to " + table.cells());
        }
        cells.add(cell);
      } else {
        throw new PatternRuleException(
            "bad-positions",
            "positions",
            "Enter cells as numbers separated by commas, * for a dummy");
      }
    }
    return cells;
  }

  /** Tries all ten digits per element, because rules like {@code -5} go negative only for some. */
  private static void requireNonNegative(List<Integer> cells, ConversionRule rule) {
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i) == DUMMY) {
        continue;
      }
      for (int digit = 0; digit <= 9; digit++) {
        if (rule.apply(i, digit) < 0) {
          throw new PatternRuleException(
              "negative-result",
              "rule",
              "In variable-length mode a rule must never give a negative number for any digit");
        }
      }
    }
  }

  static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DerivationPattern that
        && cells.equals(that.cells)
        && Objects.equals(rule, that.rule)
        && mode == that.mode
        && fixedLength == that.fixedLength;
  }

  @Override
  public int hashCode() {
    return Objects.hash(cells, rule, mode, fixedLength);
  }

  /** Length and mode only: the cells and rule are the customer's secret. */
  @Override
  public String toString() {
    return isFixedPassword()
        ? "DerivationPattern[fixedPassword, length=" + fixedLength + "]"
        : "DerivationPattern[length=" + cells.size() + ", mode=" + mode + "]";
  }

  /**
   * The answer a pattern expects to one grid: one character per typed digit, with wildcards where a
   * dummy lets the customer type anything. Secret while the grid is live: {@link #toString()} shows
   * only the length. Immutable and thread-safe (the array is copied in and out).
   *
   * @param digits the expected digits, {@code 0} at wildcard positions
   * @param wildcard {@code true} where any digit is accepted; as long as {@code digits}
   */
  public record Expected(String digits, boolean[] wildcard) {

    public Expected {
      Objects.requireNonNull(digits, "digits");
      Objects.requireNonNull(wildcard, "wildcard");
      if (digits.length() != wildcard.length || !isDigits(digits)) {
        throw new IllegalArgumentException("one expected digit per wildcard flag");
      }
      for (int i = 0; i < wildcard.length; i++) {
        if (wildcard[i] && digits.charAt(i) != '0') {
          throw new IllegalArgumentException("a wildcard position holds 0");
        }
      }
      wildcard = wildcard.clone();
    }

    /** A copy: the record stays immutable. */
    @Override
    public boolean[] wildcard() {
      return wildcard.clone();
    }

    /** The number of digits to type. */
    public int length() {
      return digits.length();
    }

    /**
     * Whether {@code typed} is the expected answer: digits only, the right length, and equal at
     * every position that is not a wildcard.
     *
     * <p>Every position is compared and the differences OR-ed together, without an early exit, so
     * the time taken does not tell an attacker how many leading digits were right. Branching on the
     * wildcard flags is harmless: they are the same for every answer to this pattern and the
     * attacker cannot change them.
     */
    public boolean matches(String typed) {
      if (typed == null || typed.length() != digits.length()) {
        return false;
      }
      int difference = 0;
      for (int i = 0; i < digits.length(); i++) {
        int c = typed.charAt(i);
        // the sign bit is set exactly when c is below '0' or above '9'
        int notDigit = ((c - '0') | ('9' - c)) >>> 31;
        int mask = wildcard[i] ? 0 : 0xFFFF;
        difference |= ((c ^ digits.charAt(i)) & mask) | notDigit;
      }
      return difference == 0;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Expected that
          && digits.equals(that.digits)
          && Arrays.equals(wildcard, that.wildcard);
    }

    @Override
    public int hashCode() {
      return 31 * digits.hashCode() + Arrays.hashCode(wildcard);
    }

    /** The length only: the digits are the password. */
    @Override
    public String toString() {
      return "Expected[length=" + digits.length() + "]";
    }
  }
}
