package org.portcullis.pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrengthRuleTest {

  @ParameterizedTest
  @CsvSource({
    "16, 4, 43680",
    "48, 6, 8835488640",
    "4, 4, 24",
    "4, 5, 0",
    "9, 0, 1",
    "100, 16, 28159159160078012637630259200000",
    "0, 0, 1"
  })
  void countsOrderedSelectionsOfDistinctCells(int cells, int length, String expected) {
    assertEquals(new BigInteger(expected), StrengthRule.orderedSelections(cells, length));
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "4, 10000", "16, 10000000000000000"})
  void countsPins(int length, String expected) {
    assertEquals(new BigInteger(expected), StrengthRule.pins(length));
  }

  @ParameterizedTest
  @CsvSource({
    "16, 4, true",
    "48, 6, true",
    "100, 16, true",
    "12, 4, true",
    "11, 1, true",
    "12, 5, false",
    "10, 1, false",
    "9, 4, false",
    "4, 4, false",
    "16, 11, true",
    "16, 12, false"
  })
  void holdsOnlyWhenSelectionsExceedPins(int cells, int length, boolean holds) {
    assertEquals(holds, StrengthRule.holds(cells, length));
  }

  @Test
  void noTableOfTenOrFewerCellsIsEverStrong() {
    // Each factor of the product is at most 10, so it never exceeds 10^J: such tables are PINs.
    for (int cells = 0; cells <= 10; cells++) {
      for (int length = 0; length <= 16; length++) {
        assertTrue(!StrengthRule.holds(cells, length), cells + " cells, length " + length);
      }
    }
  }

  @Test
  void refusesAWeakTableNamingBothNumbers() {
    PatternRuleException e =
        assertThrows(PatternRuleException.class, () -> StrengthRule.check(2, 2, 4));

    assertEquals("weak-table", e.rule());
    assertEquals("minLength", e.field());
    assertTrue(e.getMessage().contains("2\u00d72"), e.getMessage());
    assertTrue(e.getMessage().contains(" 24 "), e.getMessage());
    assertTrue(e.getMessage().contains(" 10000 "), e.getMessage());
  }

  @Test
  void refusesAWeakTableByCellCountNamingBothNumbers() {
    PatternRuleException e =
        assertThrows(PatternRuleException.class, () -> StrengthRule.check(12, 5));

    assertEquals("weak-table", e.rule());
    assertTrue(e.getMessage().contains(" 95040 "), e.getMessage());
    assertTrue(e.getMessage().contains(" 100000 "), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"4, 4, 4", "4, 12, 6", "10, 10, 16", "2, 6, 4"})
  void acceptsStrongTables(int rows, int cols, int length) {
    assertDoesNotThrow(() -> StrengthRule.check(rows, cols, length));
    assertDoesNotThrow(() -> StrengthRule.check(rows * cols, length));
  }

  @ParameterizedTest
  @CsvSource({"-1, 2", "2, -1"})
  void refusesNegativeCounts(int cells, int length) {
    assertThrows(
        IllegalArgumentException.class, () -> StrengthRule.orderedSelections(cells, length));
  }
}
