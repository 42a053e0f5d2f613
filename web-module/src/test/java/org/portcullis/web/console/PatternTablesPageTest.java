package org.portcullis.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The live strength rule of the pattern table dialog: StrengthRule's numbers, as staff read them.
 */
class PatternTablesPageTest {

  private static PatternTablesPage.Strength strength(Integer rows, Integer cols, Integer length) {
    PatternTablesPage page = new PatternTablesPage();
    page.setGridRows(rows);
    page.setGridCols(cols);
    page.setMinLength(length);
    return page.getStrength();
  }

  @ParameterizedTest(name = "{0}x{1}, length {2}: {3} vs {4}")
  @CsvSource(
      delimiter = ';',
      value = {
        "2; 2; 4; 24; 10,000; false; 4 · 3 · 2 · 1",
        "4; 4; 4; 43,680; 10,000; true; 16 · 15 · 14 · 13",
        "5; 5; 5; 6,375,600; 100,000; true; 25 · 24 · 23 · 22 · 21",
        "4; 12; 6; 8,835,488,640; 1,000,000; true; 48 · 47 · 46 · 45 · 44 · 43",
        "2; 3; 7; 0; 10,000,000; false; fewer than 7 cells",
        "10; 10; 16; 28,159,159,160,078,012,637,630,259,200,000;"
            + " 10,000,000,000,000,000; true; 100 · 99 · 98 · … · 85"
      })
  void showsBothNumbersWithThousandsSeparators(
      int rows,
      int cols,
      int length,
      String selections,
      String pins,
      boolean holds,
      String factors) {
    PatternTablesPage.Strength strength = strength(rows, cols, length);
    assertTrue(strength.complete());
    assertEquals(selections, strength.selections());
    assertEquals(pins, strength.pins());
    assertEquals(holds, strength.holds());
    assertEquals(factors, strength.factors());
    assertEquals(rows * cols, strength.cells());
  }

  @ParameterizedTest(name = "{0}x{1}, length {2}: {3}")
  @CsvSource(
      delimiter = ';',
      nullValues = "-",
      value = {
        "-; 4; 4; Enter rows, columns and the minimum length.",
        "0; 4; 4; A table has 1 to 10 rows.",
        "11; 4; 4; A table has 1 to 10 rows.",
        "4; 13; 4; A table has 1 to 12 columns.",
        "4; 4; 0; The minimum length is 1 to 16.",
        "4; 4; 999; The minimum length is 1 to 16."
      })
  void saysWhatIsMissingInsteadOfANumber(
      Integer rows, Integer cols, Integer length, String problem) {
    PatternTablesPage.Strength strength = strength(rows, cols, length);
    assertFalse(strength.complete());
    assertEquals(problem, strength.problem());
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "999, 999", "1000, '1,000'", "1234567, '1,234,567'"})
  void groupsThousands(long number, String grouped) {
    assertEquals(grouped, PatternTablesPage.grouped(BigInteger.valueOf(number)));
  }
}
