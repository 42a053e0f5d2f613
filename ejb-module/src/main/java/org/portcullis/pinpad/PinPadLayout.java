package org.portcullis.pinpad;

import java.util.ArrayList;
import java.util.List;

/**
 * The arrangements a PIN pad can take (SPEC §3.6). Each layout has exactly ten slots, listed in
 * location order: slot {@code i} is where location {@code i + 1} sits when the pad is not shuffled.
 * Immutable and thread-safe.
 */
public enum PinPadLayout {
  /** Telephone keypad: 1-2-3 / 4-5-6 / 7-8-9 / _ 10 _. */
  PHONE(4, 3, keypad(false)),
  /** Calculator keypad: 7-8-9 / 4-5-6 / 1-2-3 / _ 10 _. */
  CALCULATOR(4, 3, keypad(true)),
  /** Two rows of five: 1..5 above 6..10. */
  GRID_2X5(2, 5, grid(5)),
  /** Five rows of two: 1 2 / 3 4 / 5 6 / 7 8 / 9 10. */
  GRID_5X2(5, 2, grid(2));

  private final int rows;
  private final int cols;
  private final List<CellPosition> slots;

  PinPadLayout(int rows, int cols, List<CellPosition> slots) {
    this.rows = rows;
    this.cols = cols;
    this.slots = slots;
  }

  /** Number of rows the pad occupies. */
  public int rows() {
    return rows;
  }

  /** Number of columns the pad occupies. */
  public int cols() {
    return cols;
  }

  /** The ten slots in location order (index 0 holds location 1); unmodifiable. */
  public List<CellPosition> slots() {
    return slots;
  }

  private static List<CellPosition> keypad(boolean calculator) {
    List<CellPosition> slots = new ArrayList<>(PinPad.CELLS);
    for (int i = 0; i < 9; i++) {
      int row = calculator ? 2 - i / 3 : i / 3;
      slots.add(new CellPosition(row, i % 3));
    }
    slots.add(new CellPosition(3, 1));
    return List.copyOf(slots);
  }

  private static List<CellPosition> grid(int cols) {
    List<CellPosition> slots = new ArrayList<>(PinPad.CELLS);
    for (int i = 0; i < PinPad.CELLS; i++) {
      slots.add(new CellPosition(i / cols, i % cols));
    }
    return List.copyOf(slots);
  }
}
