package org.portcullis.pinpad;

/**
 * Where a cell sits on the pad: 0-based row and column, row 0 at the top, column 0 at the left.
 * Immutable and thread-safe.
 *
 * @param row 0-based row, never negative
 * @param col 0-based column, never negative
 */
public record CellPosition(int row, int col) {

  /** Refuses negative coordinates, which no layout has. */
  public CellPosition {
    if (row < 0 || col < 0) {
      throw new IllegalArgumentException("row and col must not be negative: " + row + "," + col);
    }
  }
}
