package org.portcullis.pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A relying system's function codes (SPEC §3.3): the positions of the typed password that carry a
 * code, counted from the right (1 = rightmost), and what each code means. A customer under duress
 * types their password with the duress code added and looks like any other customer logging in.
 *
 * <p>An empty {@code positions} list means the system uses no function codes. Codes are strings of
 * exactly {@code positions.size()} digits; names are {@code [A-Z][A-Z0-9_]{0,31}}, the standard
 * ones below or custom ones, but never {@link #NONE}, which is what a plain success reports.
 *
 * <p>Immutable and thread-safe: the constructor copies both collections, and {@link #codes()}
 * iterates in code order.
 *
 * @param positions 0 to 4 distinct positions 1..16, counted from the right of the typed password,
 *     in the order their characters make the code
 * @param codes at most 100 codes and their function names
 */
public record FunctionCodeTable(List<Integer> positions, Map<String, String> codes) {

  /** What a plain success (no function code) reports. */
  public static final String NONE = "NONE";

  /** The customer is practising: the relying system should not act on the login. */
  public static final String PRACTICE = "PRACTICE";

  /** The session may look but not change anything. */
  public static final String READ_ONLY = "READ_ONLY";

  /** The customer is coerced: raise an alert, behave normally towards the customer. */
  public static final String DURESS = "DURESS";

  /** A plain success, typed to hide whether the customer uses function codes at all. */
  public static final String DUMMY = "DUMMY";

  /** Most designated positions: more would make the password too long to type. */
  public static final int MAX_POSITIONS = 4;

  /** Most codes in one table. */
  public static final int MAX_CODES = 100;

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
  private static final Pattern ENCODED_POSITIONS = Pattern.compile("|[0-9]{1,2}(,[0-9]{1,2}){0,3}");
  private static final Pattern ENCODED_CODE = Pattern.compile("([0-9]{1,4})=([A-Z][A-Z0-9_]*)");

  public FunctionCodeTable {
    positions = checkPositions(positions);
    codes = checkCodes(positions.size(), codes);
  }

  /** The default table: the rightmost position; 0 practice, 1 read-only, 2 duress, 9 dummy. */
  public static FunctionCodeTable defaults() {
    return new FunctionCodeTable(
        List.of(1), Map.of("0", PRACTICE, "1", READ_ONLY, "2", DURESS, "9", DUMMY));
  }

  /** A table for a system that uses no function codes. */
  public static FunctionCodeTable none() {
    return new FunctionCodeTable(List.of(), Map.of());
  }

  /**
   * Splits a typed password that is longer than the expected one by exactly the number of
   * designated positions into the rest and the code.
   *
   * @param typed what the customer typed
   * @param expectedLength the length of the expected password
   * @return the characters left after removing the designated positions (counted from the right of
   *     {@code typed}) and the removed characters in the order of {@link #positions()}; empty if
   *     the system has no function codes or the length does not fit
   */
  public Optional<Split> split(String typed, int expectedLength) {
    if (positions.isEmpty()
        || typed == null
        || expectedLength < 0
        || typed.length() != expectedLength + positions.size()) {
      return Optional.empty();
    }
    int length = typed.length();
    boolean[] removed = new boolean[length];
    StringBuilder code = new StringBuilder(positions.size());
    for (int position : positions) {
      int index = length - position;
      if (index < 0) {
        return Optional.empty();
      }
      removed[index] = true;
      code.append(typed.charAt(index));
    }
    StringBuilder rest = new StringBuilder(expectedLength);
    for (int i = 0; i < length; i++) {
      if (!removed[i]) {
        rest.append(typed.charAt(i));
      }
    }
    return Optional.of(new Split(rest.toString(), code.toString()));
  }

  /** The function of {@code code}, if the table has it. */
  public Optional<String> functionOf(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(codes.get(code));
  }

  /**
   * A lossless text form for a database column: positions, a bar, then code=NAME pairs, e.g. {@code
   * 1|0=PRACTICE,1=READ_ONLY,2=DURESS,9=DUMMY}; {@code |} for no function codes.
   */
  public String encode() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < positions.size(); i++) {
      text.append(i > 0 ? "," : "").append(positions.get(i));
    }
    text.append('|');
    boolean first = true;
    for (Map.Entry<String, String> code : codes.entrySet()) {
      text.append(first ? "" : ",").append(code.getKey()).append('=').append(code.getValue());
      first = false;
    }
    return text.toString();
  }

  /**
   * Reads what {@link #encode()} wrote.
   *
   * @throws IllegalArgumentException for text {@link #encode()} cannot have written, or a table the
   *     constructor refuses
   */
  public static FunctionCodeTable decode(String encoded) {
    if (encoded == null) {
      throw new IllegalArgumentException("no encoded function-code table");
    }
    String[] parts = encoded.split("\\|", -1);
    if (parts.length != 2 || !ENCODED_POSITIONS.matcher(parts[0]).matches()) {
      throw new IllegalArgumentException("not an encoded function-code table");
    }
    List<Integer> positions = new ArrayList<>();
    if (!parts[0].isEmpty()) {
      for (String position : parts[0].split(",")) {
        positions.add(Integer.parseInt(position));
      }
    }
    Map<String, String> codes = new TreeMap<>();
    if (!parts[1].isEmpty()) {
      String[] entries = parts[1].split(",", -1);
      if (entries.length > MAX_CODES) {
        throw new IllegalArgumentException("not an encoded function-code table: too many codes");
      }
      for (String entry : entries) {
        var code = ENCODED_CODE.matcher(entry);
        if (!code.matches() || codes.put(code.group(1), code.group(2)) != null) {
          throw new IllegalArgumentException("not an encoded function-code table: bad code");
        }
      }
    }
    try {
      return new FunctionCodeTable(positions, codes);
    } catch (PatternRuleException e) {
      throw new IllegalArgumentException("not a valid function-code table: " + e.getMessage(), e);
    }
  }

  private static List<Integer> checkPositions(List<Integer> positions) {
    if (positions == null || positions.stream().anyMatch(Objects::isNull)) {
      throw refused("positions", "The function-code positions are missing");
    }
    if (positions.size() > MAX_POSITIONS) {
      throw refused(
          "positions", "A system designates at most " + MAX_POSITIONS + " function-code positions");
    }
    Set<Integer> seen = new HashSet<>();
    for (int position : positions) {
      if (position < 1 || position > TableRules.MAX_LENGTH) {
        throw refused(
            "positions",
            "Function-code positions count from 1 (rightmost) to " + TableRules.MAX_LENGTH);
      }
      if (!seen.add(position)) {
        throw refused("positions", "Function-code positions must be distinct");
      }
    }
    return List.copyOf(positions);
  }

  private static Map<String, String> checkCodes(int width, Map<String, String> codes) {
    if (codes == null) {
      throw refused("codes", "The function codes are missing");
    }
    if (width == 0 && !codes.isEmpty()) {
      throw refused("codes", "Function codes need at least one designated position");
    }
    if (codes.size() > MAX_CODES) {
      throw refused("codes", "A system has at most " + MAX_CODES + " function codes");
    }
    Map<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> entry : codes.entrySet()) {
      String code = entry.getKey();
      String name = entry.getValue();
      if (code == null || code.length() != width || !DerivationPattern.isDigits(code)) {
        throw refused("codes", "Each function code is " + width + " digit(s) 0-9");
      }
      if (name == null || !NAME.matcher(name).matches()) {
        throw refused(
            "codes",
            "A function name is an upper-case letter followed by up to 31 upper-case letters,"
                + " digits or underscores");
      }
      if (name.equals(NONE)) {
        throw refused("codes", "NONE is reserved for a success without a function code");
      }
      sorted.put(code, name);
    }
    return Collections.unmodifiableMap(sorted);
  }

  private static PatternRuleException refused(String field, String message) {
    return new PatternRuleException("bad-function-codes", field, message);
  }

  /**
   * A typed password split into the part compared with the expected password and the function code.
   * {@link #toString()} hides the rest, which is the password.
   *
   * @param rest the typed characters outside the designated positions
   * @param code the characters at the designated positions, in their listed order
   */
  public record Split(String rest, String code) {

    public Split {
      Objects.requireNonNull(rest, "rest");
      Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
      return "Split[length=" + rest.length() + "]";
    }
  }
}
