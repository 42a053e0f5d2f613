package org.portcullis.pattern;

import java.math.BigInteger;

/**
 * The strength rule for pattern tables (SPEC §3.1): a table is only worth more than a PIN when the
 * number of ordered selections of J distinct cells from its K·L cells exceeds the number of J-digit
 * PINs, {@code K·L · (K·L−1) · … · (K·L−J+1) > 10^J}. Otherwise a guesser does no worse by treating
 * the pattern password as a PIN.
 *
 * <p>Stateless and thread-safe.
 */
public final class StrengthRule {

  private StrengthRule() {}

  /**
   * {@code cells · (cells−1) · … · (cells−length+1)}: the ways of choosing {@code length} distinct
   * cells in order; 0 when {@code length > cells}, 1 when {@code length == 0}.
   */
  public static BigInteger orderedSelections(int cells, int length) {
    if (cells < 0 || length < 0) {
      throw new IllegalArgumentException("cells and length must not be negative");
    }
    if (length > cells) {
      return BigInteger.ZERO;
    }
    BigInteger product = BigInteger.ONE;
    for (int factor = cells; factor > cells - length; factor--) {
      product = product.multiply(BigInteger.valueOf(factor));
    }
    return product;
  }

  /** {@code 10^length}: the number of PINs of {@code length} digits. */
  public static BigInteger pins(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative");
    }
    return BigInteger.TEN.pow(length);
  }

  /** Whether a table of {@code cells} cells with minimum length {@code length} is strong enough. */
  public static boolean holds(int cells, int length) {
    return orderedSelections(cells, length).compareTo(pins(length)) > 0;
  }

  /**
   * Refuses a weak table, naming both numbers so staff see how far off it is.
   *
   * @throws PatternRuleException {@code weak-table} on field {@code minLength}
   */
  public static void check(int cells, int length) {
    if (!holds(cells, length)) {
      throw weak("A table of " + cells + " cells", cells, length);
    }
  }

  /**
   * As {@link #check(int, int)}, with the table's shape in the message.
   *
   * @throws PatternRuleException {@code weak-table} on field {@code minLength}
   */
  public static void check(int rows, int cols, int length) {
    int cells = rows * cols;
    if (!holds(cells, length)) {
      throw weak("A " + rows + "\u00d7" + cols + " table", cells, length);
    }
  }

  private static PatternRuleException weak(String table, int cells, int length) {
    return new PatternRuleException(
        "weak-table",
        "minLength",
        table
            + " with minimum length "
            + length
            + " allows "
            + orderedSelections(cells, length)
            + " ordered selections of "
            + length
            + " distinct cells, not more than the "
            + pins(length)
            + " "
            + length
            + "-digit PINs");
  }
}
