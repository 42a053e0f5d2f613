package org.portcullis.pattern;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pattern table's shape and registration rules (SPEC §3.1): {@code rows × cols} cells numbered
 * 1..rows·cols row-major, the minimum pattern length, the most uses of one cell, and whether
 * patterns whose every consecutive pair of cells is adjacent are refused (they are too easy to
 * guess: a stroke across the grid).
 *
 * <p>The constructor refuses a table that breaks the limits or the {@link StrengthRule}, so a
 * {@code TableRules} in hand is always usable. Immutable and thread-safe.
 *
 * @param rows 1..10
 * @param cols 1..12, with 2..100 cells in all
 * @param minLength 1..16 cells (dummies not counted)
 * @param maxCellUses 1..4 uses of one cell in a pattern
 * @param rejectAdjacent refuse patterns whose every consecutive pair of cells is adjacent
 */
public record TableRules(
    int rows, int cols, int minLength, int maxCellUses, boolean rejectAdjacent) {

  /** Most rows of a table. */
  public static final int MAX_ROWS = 10;

  /** Most columns of a table. */
  public static final int MAX_COLS = 12;

  /**
   * Most cells of a table; also why two narrowing rounds always suffice (each digit shows at most
   * ⌈100/10⌉ = 10 cells in the first round).
   */
  public static final int MAX_CELLS = 100;

  /** Most entries of a pattern, dummies included; also the most digits of a fixed password. */
  public static final int MAX_LENGTH = 16;

  /** Most uses of one cell a table may allow. */
  public static final int MAX_CELL_USES = 4;

  private static final String FIELD = "positions";

  /**
   * @throws PatternRuleException {@code bad-table} on field {@code rows}, {@code cols} (also for a
   *     cell count outside 2..100), {@code minLength} or {@code maxCellUses}; {@code weak-table} on
   *     field {@code minLength} if the table fails the {@link StrengthRule}
   */
  public TableRules {
    if (rows < 1 || rows > MAX_ROWS) {
      throw new PatternRuleException(
          "bad-table", "rows", "A table has 1 to " + MAX_ROWS + " rows, not " + rows);
    }
    if (cols < 1 || cols > MAX_COLS) {
      throw new PatternRuleException(
          "bad-table", "cols", "A table has 1 to " + MAX_COLS + " columns, not " + cols);
    }
    if (rows * cols < 2 || rows * cols > MAX_CELLS) {
      throw new PatternRuleException(
          "bad-table",
          "cols",
          "A table has 2 to " + MAX_CELLS + " cells, not " + rows * cols + " cells");
    }
    if (minLength < 1 || minLength > MAX_LENGTH) {
      throw new PatternRuleException(
          "bad-table",
          "minLength",
          "The minimum length is 1 to " + MAX_LENGTH + ", not " + minLength);
    }
    if (maxCellUses < 1 || maxCellUses > MAX_CELL_USES) {
      throw new PatternRuleException(
          "bad-table",
          "maxCellUses",
          "A cell may be allowed 1 to " + MAX_CELL_USES + " uses, not " + maxCellUses);
    }
    StrengthRule.check(rows, cols, minLength);
  }

  /** The default 4×4 table: minimum length 4, at most 2 uses per cell, adjacent strokes refused. */
  public static TableRules defaults4x4() {
    return new TableRules(4, 4, 4, 2, true);
  }

  /**
   * The default 4×12 table: minimum length 6, at most 2 uses per cell, adjacent strokes refused.
   */
  public static TableRules defaults4x12() {
    return new TableRules(4, 12, 6, 2, true);
  }

  /** The number of cells, {@code rows · cols}. */
  public int cells() {
    return rows * cols;
  }

  /**
   * Whether cells {@code a} and {@code b} touch horizontally, vertically or diagonally, or are the
   * same cell (Chebyshev distance ≤ 1): a stroke from one to the other needs no jump.
   *
   * @throws IllegalArgumentException if either is not a cell of this table
   */
  public boolean adjacent(int a, int b) {
    requireCell(a);
    requireCell(b);
    int rowDistance = Math.abs((a - 1) / cols - (b - 1) / cols);
    int colDistance = Math.abs((a - 1) % cols - (b - 1) % cols);
    return rowDistance <= 1 && colDistance <= 1;
  }

  /**
   * Checks a pattern's cell list against this table's rules; {@link DerivationPattern#DUMMY}
   * entries are allowed and count only towards the total of {@value #MAX_LENGTH} entries. The
   * messages never name the pattern's cells.
   *
   * @throws PatternRuleException on field {@code positions}: {@code bad-positions} (null, null
   *     entries, more than {@value #MAX_LENGTH} entries), {@code cell-out-of-range}, {@code
   *     too-short}, {@code cell-overused}, {@code all-adjacent}
   */
  public void checkCells(List<Integer> cells) {
    // not cells.contains(null): List.of(...) throws on that instead of answering
    if (cells == null || cells.stream().anyMatch(Objects::isNull)) {
      throw new PatternRuleException("bad-positions", FIELD, "The positions are missing");
    }
    if (cells.size() > MAX_LENGTH) {
      throw new PatternRuleException(
          "bad-positions",
          FIELD,
          "A pattern has at most " + MAX_LENGTH + " positions, dummies included");
    }
    int real = 0;
    Map<Integer, Integer> uses = new HashMap<>();
    for (int cell : cells) {
      if (cell == DerivationPattern.DUMMY) {
        continue;
      }
      if (cell < 1 || cell > cells()) {
        throw new PatternRuleException(
            "cell-out-of-range", FIELD, "Every position must be a cell from 1 to " + cells());
      }
      real++;
      uses.merge(cell, 1, Integer::sum);
    }
    if (real < minLength) {
      throw new PatternRuleException(
          "too-short",
          FIELD,
          "A pattern needs at least " + minLength + " cells, not counting dummies");
    }
    if (uses.values().stream().anyMatch(count -> count > maxCellUses)) {
      throw new PatternRuleException(
          "cell-overused",
          FIELD,
          "A pattern may use one cell at most "
              + maxCellUses
              + (maxCellUses == 1 ? " time" : " times"));
    }
    if (rejectAdjacent && real >= 2 && everyStepAdjacent(cells)) {
      throw new PatternRuleException(
          "all-adjacent",
          FIELD,
          "A pattern whose every next cell touches the one before is too easy to guess");
    }
  }

  private boolean everyStepAdjacent(List<Integer> cells) {
    int previous = DerivationPattern.DUMMY;
    for (int cell : cells) {
      if (cell == DerivationPattern.DUMMY) {
        continue;
      }
      if (previous != DerivationPattern.DUMMY && !adjacent(previous, cell)) {
        return false;
      }
      previous = cell;
    }
    return true;
  }

  private void requireCell(int cell) {
    if (cell < 1 || cell > cells()) {
      throw new IllegalArgumentException("not a cell of a " + rows + "x" + cols + " table");
    }
  }
}
