package org.portcullis.pinpad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PinPadLayoutTest {

  @ParameterizedTest
  @EnumSource(PinPadLayout.class)
  void hasTenDistinctSlotsInsideItsGrid(PinPadLayout layout) {
    List<CellPosition> slots = layout.slots();

    assertEquals(10, slots.size());
    assertEquals(10, new HashSet<>(slots).size());
    for (CellPosition slot : slots) {
      assertTrue(slot.row() < layout.rows() && slot.col() < layout.cols(), slot::toString);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "PHONE, 1, 0, 0",
    "PHONE, 3, 0, 2",
    "PHONE, 7, 2, 0",
    "PHONE, 10, 3, 1",
    "CALCULATOR, 7, 0, 0",
    "CALCULATOR, 9, 0, 2",
    "CALCULATOR, 1, 2, 0",
    "CALCULATOR, 10, 3, 1",
    "GRID_2X5, 5, 0, 4",
    "GRID_2X5, 6, 1, 0",
    "GRID_2X5, 10, 1, 4",
    "GRID_5X2, 2, 0, 1",
    "GRID_5X2, 3, 1, 0",
    "GRID_5X2, 10, 4, 1"
  })
  void placesLocationsAsTheSpecDraws(PinPadLayout layout, int location, int row, int col) {
    assertEquals(new CellPosition(row, col), layout.slots().get(location - 1));
  }

  @Test
  void sizesMatchTheDrawings() {
    assertEquals(List.of(4, 3), List.of(PinPadLayout.PHONE.rows(), PinPadLayout.PHONE.cols()));
    assertEquals(
        List.of(4, 3), List.of(PinPadLayout.CALCULATOR.rows(), PinPadLayout.CALCULATOR.cols()));
    assertEquals(
        List.of(2, 5), List.of(PinPadLayout.GRID_2X5.rows(), PinPadLayout.GRID_2X5.cols()));
    assertEquals(
        List.of(5, 2), List.of(PinPadLayout.GRID_5X2.rows(), PinPadLayout.GRID_5X2.cols()));
  }

  @Test
  void slotsCannotBeChangedByCallers() {
    assertThrows(
        UnsupportedOperationException.class,
        () -> PinPadLayout.PHONE.slots().set(0, new CellPosition(3, 2)));
  }

  @Test
  void cellPositionRefusesNegativeCoordinates() {
    assertThrows(IllegalArgumentException.class, () -> new CellPosition(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new CellPosition(0, -1));
  }
}
