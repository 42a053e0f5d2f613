package org.portcullis.pattern;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conversion applied to each digit read from the grid before it is typed (SPEC §3.1). Grammar
 * {@code OP (',' OP)*}, {@code OP = ('+'|'-'|'*'|'/') INTEGER} with INTEGER of 1 to 3 decimal
 * digits; spaces around tokens are ignored. One OP applies to every element of a pattern; a list
 * applies element by element, one OP per element including dummies (a dummy's OP is never applied).
 * Division is floor division so that negative intermediate values behave the same in every mode.
 *
 * <p>A rule is part of the customer's secret: {@link #toString()} gives its canonical form for
 * sealing and must not be logged. Immutable and thread-safe.
 */
public final class ConversionRule {

  private static final Pattern OP = Pattern.compile("\\s*([-+*/])\\s*([0-9]{1,3})\\s*");
  private static final String FIELD = "rule";

  /** One OP per position of the longest pattern, 16 entries. */
  private static final int MAX_OPS = 16;

  /** Longer text cannot be a rule of 16 OPs with reasonable spacing; refused before parsing. */
  private static final int MAX_TEXT = 256;

  /** One OP per element of a list; never longer than the longest pattern. */
  private final char[] operators;

  private final int[] operands;

  private ConversionRule(char[] operators, int[] operands) {
    this.operators = operators;
    this.operands = operands;
  }

  /**
   * Reads a rule as typed by the customer.
   *
   * @return empty for {@code null} or blank text: no conversion
   * @throws PatternRuleException {@code bad-rule} if the text does not follow the grammar or has
   *     more than 16 OPs; {@code division-by-zero} for {@code /0}; both on field {@code rule}
   */
  public static Optional<ConversionRule> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String[] parts = text.length() > MAX_TEXT ? null : text.split(",", -1);
    if (parts == null || parts.length > MAX_OPS) {
      throw new PatternRuleException(
          "bad-rule", FIELD, "A rule has at most " + MAX_OPS + " operations, one per position");
    }
    char[] operators = new char[parts.length];
    int[] operands = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Matcher op = OP.matcher(parts[i]);
      if (!op.matches()) {
        throw new PatternRuleException(
            "bad-rule",
            FIELD,
            "A rule is one or more operations separated by commas, each +, -, * or / followed by"
                + " a number of up to three digits, e.g. +2 or +2,-1,*3,/2");
      }
      operators[i] = op.group(1).charAt(0);
      operands[i] = Integer.parseInt(op.group(2));
      if (operators[i] == '/' && operands[i] == 0) {
        throw new PatternRuleException("division-by-zero", FIELD, "A rule cannot divide by zero");
      }
    }
    return Optional.of(new ConversionRule(operators, operands));
  }

  /** The number of OPs: 1 for a rule that applies to every element. */
  public int size() {
    return operators.length;
  }

  /** Whether one OP applies to every element. */
  public boolean isSingle() {
    return operators.length == 1;
  }

  /**
   * Converts the digit read for element {@code elementIndex} of a pattern.
   *
   * @param elementIndex 0-based index among all elements of the pattern, dummies included
   * @param digit the digit read from the grid, 0..9
   * @return the result, which may be negative or exceed 9; the pattern's mode decides how it is
   *     typed
   * @throws IllegalArgumentException if {@code digit} is not 0..9 or a list rule has no OP for
   *     {@code elementIndex}
   */
  public int apply(int elementIndex, int digit) {
    if (digit < 0 || digit > 9) {
      throw new IllegalArgumentException("a digit is 0..9");
    }
    int i = isSingle() ? 0 : elementIndex;
    if (i < 0 || i >= operators.length) {
      throw new IllegalArgumentException("the rule has no operation for that element");
    }
    int operand = operands[i];
    switch (operators[i]) {
      case '+':
        return digit + operand;
      case '-':
        return digit - operand;
      case '*':
        return digit * operand;
      case '/':
        return Math.floorDiv(digit, operand);
      default:
        throw new IllegalStateException("unknown operator");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConversionRule that
        && Arrays.equals(operators, that.operators)
        && Arrays.equals(operands, that.operands);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(operators) + Arrays.hashCode(operands);
  }

  /**
   * The canonical form, e.g. {@code +2} or {@code +2,-1,*3,/2}: what {@link #parse} reads back to
   * an equal rule. Secret, see the class comment.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < operators.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(operators[i]).append(operands[i]);
    }
    return text.toString();
  }
}
