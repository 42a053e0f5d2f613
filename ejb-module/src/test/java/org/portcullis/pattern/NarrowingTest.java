package org.portcullis.pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NarrowingTest {

  private static Set<Integer> cells(Integer... cells) {
    return Set.of(cells);
  }

  /** What the customer types: the digit under each cell of their pattern (any digit if hidden). */
  private static String answer(List<Integer> pattern, int[] shown, Random random) {
    StringBuilder typed = new StringBuilder();
    for (int cell : pattern) {
      int digit = shown[cell - 1];
      typed.append(digit == Narrowing.HIDDEN ? random.nextInt(10) : digit);
    }
    return typed.toString();
  }

  @Test
  void startsWithEveryCellPossibleEverywhere() {
    List<Set<Integer>> start = Narrowing.start(16, 4);

    assertEquals(4, start.size());
    Set<Integer> all = IntStream.rangeClosed(1, 16).boxed().collect(Collectors.toSet());
    start.forEach(set -> assertEquals(all, set));
    assertThrows(UnsupportedOperationException.class, () -> start.get(0).remove(1));
    assertThrows(UnsupportedOperationException.class, () -> start.set(0, Set.of(1)));
  }

  @ParameterizedTest
  @CsvSource({"0, 4", "101, 4", "16, 0", "16, 17"})
  void refusesImpossibleStarts(int cells, int length) {
    assertThrows(IllegalArgumentException.class, () -> Narrowing.start(cells, length));
  }

  @Test
  void theFirstRoundShowsEveryCellWithBalancedDigits() {
    Random random = new Random(1);
    for (int cells = 1; cells <= 100; cells++) {
      for (int run = 0; run < 20; run++) {
        int[] shown = Narrowing.firstRound(cells, random);

        assertEquals(cells, shown.length);
        int[] counts = new int[10];
        for (int digit : shown) {
          counts[digit]++;
        }
        int ceiling = (cells + 9) / 10;
        int min = IntStream.of(counts).min().orElseThrow();
        int max = IntStream.of(counts).max().orElseThrow();
        assertTrue(max <= ceiling, cells + " cells: " + max + " uses");
        assertTrue(max - min <= 1, cells + " cells: unbalanced");
      }
    }
  }

  @Test
  void theFirstRoundPlacesDigitsAtRandom() {
    Random random = new Random(2);
    Set<Integer> firstCell = new HashSet<>();
    Set<Integer> extraDigits = new HashSet<>();
    for (int run = 0; run < 500; run++) {
      int[] shown = Narrowing.firstRound(11, random);
      firstCell.add(shown[0]);
      int[] counts = new int[10];
      for (int digit : shown) {
        counts[digit]++;
      }
      extraDigits.add(IntStream.range(0, 10).filter(d -> counts[d] == 2).findFirst().orElseThrow());
    }

    assertEquals(10, firstCell.size());
    assertEquals(10, extraDigits.size());
    assertArrayEquals(
        Narrowing.firstRound(48, new Random(3)), Narrowing.firstRound(48, new Random(3)));
  }

  @Test
  void twoAnswersPinEveryPositionOnEveryTable() {
    Random random = new Random(4);
    for (int trial = 0; trial < 5000; trial++) {
      int rows = 1 + random.nextInt(10);
      int cols = 1 + random.nextInt(Math.min(12, 100 / rows));
      int cells = rows * cols;
      List<Integer> pattern = new ArrayList<>();
      int length = 1 + random.nextInt(16);
      for (int i = 0; i < length; i++) {
        pattern.add(1 + random.nextInt(cells));
      }

      int[] first = Narrowing.firstRound(cells, random);
      List<Set<Integer>> candidates =
          Narrowing.keep(Narrowing.start(cells, length), first, answer(pattern, first, random));
      for (int i = 0; i < length; i++) {
        assertTrue(candidates.get(i).contains(pattern.get(i)));
        assertTrue(candidates.get(i).size() <= 10);
      }
      if (cells <= 10) {
        assertEquals(Optional.of(pattern), Narrowing.resolved(candidates), "one answer suffices");
        continue;
      }
      if (Narrowing.resolved(candidates).isPresent()) {
        assertEquals(Optional.of(pattern), Narrowing.resolved(candidates));
        continue;
      }

      int[] second = Narrowing.nextRound(candidates, cells, random);
      candidates = Narrowing.keep(candidates, second, answer(pattern, second, random));

      assertEquals(Optional.of(pattern), Narrowing.resolved(candidates), rows + "x" + cols);
    }
  }

  @Test
  void theSecondRoundShowsOnlyOpenCandidatesWithDistinctDigits() {
    Random random = new Random(5);
    for (int trial = 0; trial < 2000; trial++) {
      int cells = 11 + random.nextInt(90);
      List<Integer> pattern = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(16); i++) {
        pattern.add(1 + random.nextInt(cells));
      }
      int[] first = Narrowing.firstRound(cells, random);
      List<Set<Integer>> candidates =
          Narrowing.keep(
              Narrowing.start(cells, pattern.size()), first, answer(pattern, first, random));
      if (Narrowing.resolved(candidates).isPresent()) {
        continue;
      }

      int[] second = Narrowing.nextRound(candidates, cells, random);

      Set<Integer> open = new HashSet<>();
      for (Set<Integer> set : candidates) {
        if (set.size() > 1) {
          open.addAll(set);
          assertEquals(set.size(), set.stream().map(c -> second[c - 1]).distinct().count());
        }
      }
      for (int cell = 1; cell <= cells; cell++) {
        assertEquals(open.contains(cell), second[cell - 1] != Narrowing.HIDDEN, "cell " + cell);
      }
    }
  }

  @Test
  void coloursOverlappingSetsSoEachHasDistinctDigits() {
    List<Set<Integer>> candidates =
        List.of(cells(1, 2, 3), cells(3, 4, 5), cells(5, 6, 1), cells(8), cells(2, 4, 6, 8));
    Random random = new Random(6);
    for (int run = 0; run < 500; run++) {
      int[] shown = Narrowing.nextRound(candidates, 9, random);

      for (Set<Integer> set : candidates) {
        if (set.size() > 1) {
          assertEquals(set.size(), set.stream().map(c -> shown[c - 1]).distinct().count());
        }
      }
      assertEquals(Narrowing.HIDDEN, shown[6]);
      assertEquals(Narrowing.HIDDEN, shown[8]);
    }
  }

  @Test
  void aPinnedPositionWhoseCellIsHiddenKeepsItsCell() {
    List<Set<Integer>> candidates = List.of(cells(7), cells(1, 2));
    int[] shown = {4, 5, Narrowing.HIDDEN, -1, -1, -1, -1};

    List<Set<Integer>> kept = Narrowing.keep(candidates, shown, "95");

    assertEquals(Optional.of(List.of(7, 2)), Narrowing.resolved(kept));
  }

  @Test
  void keepLeavesItsArgumentsAlone() {
    List<Set<Integer>> candidates = Narrowing.start(11, 2);
    int[] shown = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0};

    List<Set<Integer>> kept = Narrowing.keep(candidates, shown, "09");

    assertEquals(11, candidates.get(0).size());
    assertEquals(List.of(cells(1, 11), cells(10)), kept);
    assertThrows(UnsupportedOperationException.class, () -> kept.get(0).clear());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"012", "01234", "01a3", "0 23", "\u0660123"})
  void refusesAnAnswerThatIsNotOneDigitPerPosition(String typed) {
    int[] shown = Narrowing.firstRound(16, new Random(7));

    PatternRuleException e =
        assertThrows(
            PatternRuleException.class, () -> Narrowing.keep(Narrowing.start(16, 4), shown, typed));

    assertEquals("narrowing-mismatch", e.rule());
    assertEquals("digits", e.field());
  }

  @Test
  void refusesADigitNoCandidateShowed() {
    int[] first = {1, 2, 3, 4, 5};

    PatternRuleException e =
        assertThrows(
            PatternRuleException.class, () -> Narrowing.keep(Narrowing.start(5, 2), first, "19"));

    assertEquals("narrowing-mismatch", e.rule());
    assertEquals("digits", e.field());
  }

  @Test
  void refusesAWrongSecondAnswer() {
    Random random = new Random(8);
    int cells = 50;
    List<Integer> pattern = List.of(3, 17, 42, 3);
    int[] first = Narrowing.firstRound(cells, random);
    List<Set<Integer>> candidates =
        Narrowing.keep(Narrowing.start(cells, 4), first, answer(pattern, first, random));
    int[] second = Narrowing.nextRound(candidates, cells, random);
    // 50 cells: each set has 5 cells, so 5 digits show none of them
    Set<Integer> shownForFirst =
        candidates.get(0).stream().map(c -> second[c - 1]).collect(Collectors.toSet());
    int absent =
        IntStream.range(0, 10).filter(d -> !shownForFirst.contains(d)).findFirst().orElseThrow();
    String typed = absent + answer(pattern, second, random).substring(1);

    PatternRuleException e =
        assertThrows(PatternRuleException.class, () -> Narrowing.keep(candidates, second, typed));

    assertEquals("narrowing-mismatch", e.rule());
  }

  @Test
  void nextRoundRefusesStatesItCannotNarrow() {
    Random random = new Random(9);
    Set<Integer> eleven = IntStream.rangeClosed(1, 11).boxed().collect(Collectors.toSet());
    Set<Integer> low = IntStream.rangeClosed(1, 10).boxed().collect(Collectors.toSet());
    Set<Integer> high = IntStream.rangeClosed(2, 11).boxed().collect(Collectors.toSet());

    assertThrows(
        IllegalStateException.class, () -> Narrowing.nextRound(List.of(eleven), 11, random));
    assertThrows(
        IllegalStateException.class,
        () -> Narrowing.nextRound(List.of(cells(1), cells(2)), 11, random));
    // every pair of the eleven cells shares a set: eleven digits would be needed
    assertThrows(
        IllegalStateException.class,
        () -> Narrowing.nextRound(List.of(low, high, cells(1, 11)), 11, random));
  }

  @Test
  void refusesMalformedStates() {
    int[] shown = new int[4];

    assertThrows(
        IllegalArgumentException.class, () -> Narrowing.keep(List.of(cells(5)), shown, "0"));
    assertThrows(
        IllegalArgumentException.class, () -> Narrowing.keep(List.of(cells()), shown, "0"));
    assertThrows(IllegalArgumentException.class, () -> Narrowing.keep(List.of(), shown, ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> Narrowing.keep(List.of(cells(1)), new int[] {10, 0, 0, 0}, "0"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Narrowing.nextRound(List.of(cells(1, 12)), 11, new Random(10)));
  }

  @Test
  void resolvesOnlyWhenEveryPositionHasOneCell() {
    assertEquals(Optional.of(List.of(3, 1)), Narrowing.resolved(List.of(cells(3), cells(1))));
    assertEquals(Optional.empty(), Narrowing.resolved(List.of(cells(3), cells(1, 2))));
    assertEquals(Optional.empty(), Narrowing.resolved(List.of()));
  }
}
