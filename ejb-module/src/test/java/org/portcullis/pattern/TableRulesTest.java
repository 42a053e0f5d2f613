package org.portcullis.pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableRulesTest {

  private static final TableRules FOUR = TableRules.defaults4x4();

  private static List<Integer> cells(String text) {
    return Stream.of(text.split(" ")).map(Integer::valueOf).collect(Collectors.toList());
  }

  @Test
  void defaultTablesAreTheSpecOnes() {
    assertEquals(new TableRules(4, 4, 4, 2, true), TableRules.defaults4x4());
    assertEquals(new TableRules(4, 12, 6, 2, true), TableRules.defaults4x12());
    assertEquals(16, TableRules.defaults4x4().cells());
    assertEquals(48, TableRules.defaults4x12().cells());
  }

  @ParameterizedTest
  @CsvSource({
    "0, 4, 4, 2, bad-table, rows",
    "11, 4, 4, 2, bad-table, rows",
    "4, 0, 4, 2, bad-table, cols",
    "4, 13, 4, 2, bad-table, cols",
    "1, 1, 1, 1, bad-table, cols",
    "10, 12, 4, 2, bad-table, cols",
    "4, 4, 0, 2, bad-table, minLength",
    "4, 4, 17, 2, bad-table, minLength",
    "4, 4, 4, 0, bad-table, maxCellUses",
    "4, 4, 4, 5, bad-table, maxCellUses",
    "4, 4, 12, 2, weak-table, minLength",
    "3, 3, 4, 2, weak-table, minLength",
    "2, 5, 1, 2, weak-table, minLength",
    "1, 2, 1, 1, weak-table, minLength"
  })
  void refusesBadTables(
      int rows, int cols, int minLength, int maxCellUses, String rule, String field) {
    PatternRuleException e =
        assertThrows(
            PatternRuleException.class,
            () -> new TableRules(rows, cols, minLength, maxCellUses, true));

    assertEquals(rule, e.rule());
    assertEquals(field, e.field());
  }

  @ParameterizedTest
  @CsvSource({"10, 10, 16, 4", "1, 11, 1, 1", "2, 6, 4, 1", "4, 12, 16, 1", "4, 4, 11, 4"})
  void acceptsTablesAtTheLimits(int rows, int cols, int minLength, int maxCellUses) {
    assertDoesNotThrow(() -> new TableRules(rows, cols, minLength, maxCellUses, false));
  }

  @ParameterizedTest
  @CsvSource({
    "1, 1, true",
    "1, 2, true",
    "1, 5, true",
    "1, 6, true",
    "6, 1, true",
    "6, 11, true",
    "16, 11, true",
    "1, 3, false",
    "1, 9, false",
    "4, 5, false",
    "5, 4, false",
    "8, 9, false",
    "6, 16, false",
    "1, 16, false"
  })
  void adjacentMeansChebyshevDistanceAtMostOne(int a, int b, boolean adjacent) {
    assertEquals(adjacent, FOUR.adjacent(a, b));
    assertEquals(adjacent, FOUR.adjacent(b, a));
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "1, 17", "-1, 2"})
  void adjacentRefusesCellsOutsideTheTable(int a, int b) {
    assertThrows(IllegalArgumentException.class, () -> FOUR.adjacent(a, b));
  }

  @ParameterizedTest
  @CsvSource({
    "3 6 16 9",
    "3 0 6 16 9",
    "0 3 6 16 9 0",
    "1 3 1 3",
    "1 2 3 5",
    "16 1 16 1",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
    "1 0 0 0 0 0 0 0 0 0 0 0 3 0 1 3"
  })
  void acceptsPatternsThatKeepTheRules(String pattern) {
    assertDoesNotThrow(() -> FOUR.checkCells(cells(pattern)));
  }

  @ParameterizedTest
  @CsvSource({
    "3 6 16, too-short",
    "3 0 6 0 16, too-short",
    "0 0 0 0, too-short",
    "3 6 17 9, cell-out-of-range",
    "3 6 -1 9, cell-out-of-range",
    "3 6 99 9, cell-out-of-range",
    "1 3 1 3 1, cell-overused",
    "1 3 9 9 9, cell-overused",
    "1 2 3 4, all-adjacent",
    "1 6 11 16, all-adjacent",
    "1 0 2 3 0 4, all-adjacent",
    "1 1 2 2, all-adjacent",
    "16 11 6 1, all-adjacent",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 1, bad-positions",
    "0 0 0 0 0 0 0 0 0 0 0 0 0 1 3 5 7, bad-positions"
  })
  void refusesPatternsThatBreakARule(String pattern, String rule) {
    PatternRuleException e =
        assertThrows(PatternRuleException.class, () -> FOUR.checkCells(cells(pattern)));

    assertEquals(rule, e.rule());
    assertEquals("positions", e.field());
  }

  @Test
  void messagesDoNotNameThePatternsCells() {
    PatternRuleException outOfRange =
        assertThrows(PatternRuleException.class, () -> FOUR.checkCells(cells("3 6 77 9")));
    PatternRuleException overused =
        assertThrows(PatternRuleException.class, () -> FOUR.checkCells(cells("13 7 13 7 13")));

    assertFalse(outOfRange.getMessage().contains("77"), outOfRange.getMessage());
    assertFalse(overused.getMessage().contains("13"), overused.getMessage());
    assertFalse(overused.getMessage().contains("7"), overused.getMessage());
  }

  @Test
  void refusesMissingCellLists() {
    List<Integer> withNull = new ArrayList<>(Arrays.asList(3, 6, null, 9));

    assertEquals(
        "bad-positions",
        assertThrows(PatternRuleException.class, () -> FOUR.checkCells(null)).rule());
    assertEquals(
        "bad-positions",
        assertThrows(PatternRuleException.class, () -> FOUR.checkCells(withNull)).rule());
    assertEquals(
        "too-short",
        assertThrows(PatternRuleException.class, () -> FOUR.checkCells(Collections.emptyList()))
            .rule());
  }

  @Test
  void acceptsImmutableLists() {
    assertDoesNotThrow(() -> FOUR.checkCells(List.of(3, 6, 16, 9)));
  }

  @Test
  void aTableMayAllowAdjacentStrokes() {
    TableRules lenient = new TableRules(4, 4, 4, 2, false);

    assertDoesNotThrow(() -> lenient.checkCells(cells("1 2 3 4")));
  }

  @Test
  void aSingleCellIsNoStroke() {
    TableRules one = new TableRules(1, 11, 1, 1, true);

    assertDoesNotThrow(() -> one.checkCells(cells("5")));
    assertDoesNotThrow(() -> one.checkCells(cells("0 5 0")));
  }
}
