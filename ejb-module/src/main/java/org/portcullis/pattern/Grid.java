package org.portcullis.pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A presented grid: one decimal digit per cell of a {@code rows × cols} table, row-major, so cell
 * {@code c} (1-based) holds {@code digits.charAt(c - 1)}. The customer reads their pattern's cells
 * from it; together with the typed answer it reveals the pattern, so it is kept only as long as the
 * pending verification. Immutable and thread-safe.
 *
 * @param rows at least 1
 * @param cols at least 1
 * @param digits exactly {@code rows · cols} characters {@code 0}-{@code 9}
 */
public record Grid(int rows, int cols, String digits) {

  public Grid {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("a grid has at least one row and one column");
    }
    Objects.requireNonNull(digits, "digits");
    if (digits.length() != rows * cols) {
      throw new IllegalArgumentException("a grid has one digit per cell");
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("a grid holds only the digits 0-9");
      }
    }
  }

  /**
   * A grid of independent, uniformly random digits. Pass {@code Randoms.secureRandom()} for a grid
   * shown to a customer; a predictable grid would let an observer plan which answers reveal most.
   */
  public static Grid random(int rows, int cols, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("a grid has at least one row and one column");
    }
    char[] digits = new char[rows * cols];
    for (int i = 0; i < digits.length; i++) {
      digits[i] = (char) ('0' + random.nextInt(10));
    }
    return new Grid(rows, cols, new String(digits));
  }

  /** The number of cells, {@code rows · cols}. */
  public int cells() {
    return rows * cols;
  }

  /**
   * The digit in {@code cell} (1-based, row-major).
   *
   * @throws IllegalArgumentException if {@code cell} is not a cell of this grid
   */
  public int digitAt(int cell) {
    if (cell < 1 || cell > digits.length()) {
      throw new IllegalArgumentException("not a cell of a " + rows + "x" + cols + " grid");
    }
    return digits.charAt(cell - 1) - '0';
  }

  /** The digits in cell order, as an unmodifiable list (e.g. for JSON). */
  public List<Integer> digitList() {
    List<Integer> list = new ArrayList<>(digits.length());
    for (int i = 0; i < digits.length(); i++) {
      list.add(digits.charAt(i) - '0');
    }
    return Collections.unmodifiableList(list);
  }
}
