package org.portcullis.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GridTest {

  private static final Grid SPEC = new Grid(4, 4, "5082741936052847");

  @ParameterizedTest
  @CsvSource({"1, 5", "3, 8", "6, 4", "9, 3", "16, 7", "13, 2"})
  void readsCellsRowMajorFromOne(int cell, int digit) {
    assertEquals(digit, SPEC.digitAt(cell));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 17})
  void refusesCellsOutsideTheGrid(int cell) {
    assertThrows(IllegalArgumentException.class, () -> SPEC.digitAt(cell));
  }

  @Test
  void listsDigitsInCellOrderUnmodifiably() {
    List<Integer> digits = new Grid(2, 3, "907142").digitList();

    assertEquals(List.of(9, 0, 7, 1, 4, 2), digits);
    assertThrows(UnsupportedOperationException.class, () -> digits.set(0, 1));
  }

  @ParameterizedTest
  @CsvSource({
    "2, 2, 123",
    "2, 2, 12345",
    "2, 2, 12a4",
    "2, 2, '12 4'",
    "0, 4, ''",
    "4, 0, ''",
    "1, 2, '\u0661\u0662'"
  })
  void refusesAnythingButOneDecimalDigitPerCell(int rows, int cols, String digits) {
    assertThrows(IllegalArgumentException.class, () -> new Grid(rows, cols, digits));
  }

  @Test
  void refusesMissingDigits() {
    assertThrows(NullPointerException.class, () -> new Grid(2, 2, null));
  }

  @Test
  void randomGridsAreReproducibleFromASeedAndUseEveryDigit() {
    Grid a = Grid.random(4, 12, new Random(7));
    Grid b = Grid.random(4, 12, new Random(7));

    assertEquals(a, b);
    assertEquals(48, a.digits().length());
    int[] counts = new int[10];
    Random random = new Random(11);
    for (int i = 0; i < 1000; i++) {
      for (int digit : Grid.random(10, 10, random).digitList()) {
        counts[digit]++;
      }
    }
    // 100,000 uniform digits: each count is 10,000 ± about 95 (one standard deviation)
    for (int count : counts) {
      assertTrue(count > 9500 && count < 10500, "count " + count);
    }
  }
}
