package org.portcullis.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Narrowing registration (SPEC §3.1 item 3), for screens too small for clickable cells: the
 * customer types the digits shown under the cells they have in mind, and the server keeps, for each
 * position of the pattern, the cells that showed the typed digit.
 *
 * <p>The first round shows every cell and uses each digit at most ⌈cells/10⌉ times, so each
 * position is left with at most 10 cells (100 cells at most). Two positions then have the same set
 * (same digit typed) or disjoint sets, and the second round gives the cells of each set distinct
 * digits, which pins every position to one cell: two answers always suffice, and one when the table
 * has at most 10 cells.
 *
 * <p>A round's grid is an {@code int[]} indexed by cell − 1 holding 0..9, or {@link #HIDDEN} for a
 * cell not shown. The candidate state is one set of cells per position; the methods return
 * unmodifiable sorted copies and never change their arguments. Stateless and thread-safe, given a
 * thread-safe or thread-confined {@link RandomGenerator}.
 */
public final class Narrowing {

  /** The value of a cell not shown in a round. */
  public static final int HIDDEN = -1;

  private static final int DIGITS = 10;

  /**
   * Tries of the randomised colouring in {@link #nextRound}; the sets that one first round leaves
   * are coloured at the first try, other overlaps may need more.
   */
  private static final int COLOURING_TRIES = 1000;

  private static final String FIELD = "digits";

  private Narrowing() {}

  /**
   * The state before the first answer: every position may be any cell.
   *
   * @param cells 1..100
   * @param length the pattern's number of positions, 1..16
   */
  public static List<Set<Integer>> start(int cells, int length) {
    requireCells(cells);
    if (length < 1 || length > TableRules.MAX_LENGTH) {
      throw new IllegalArgumentException("a pattern has 1 to 16 positions");
    }
    SortedSet<Integer> all = new TreeSet<>();
    for (int cell = 1; cell <= cells; cell++) {
      all.add(cell);
    }
    Set<Integer> any = Collections.unmodifiableSortedSet(all);
    return Collections.nCopies(length, any);
  }

  /**
   * The first grid: every cell shown, the digits as balanced as possible (counts differ by at most
   * one, so none is used more than ⌈cells/10⌉ times), which digits get the extra use and where each
   * digit goes both random.
   *
   * @param cells 1..100
   */
  public static int[] firstRound(int cells, RandomGenerator random) {
    requireCells(cells);
    Objects.requireNonNull(random, "random");
    int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    shuffle(order, random);
    int[] shown = new int[cells];
    for (int i = 0; i < cells; i++) {
      shown[i] = order[i % DIGITS];
    }
    shuffle(shown, random);
    return shown;
  }

  /**
   * Keeps, for each position, the candidate cells that showed the digit typed for it. A position
   * none of whose candidates was shown (one already pinned down, hidden in a later round) keeps its
   * candidates, whatever digit was typed for it.
   *
   * @param shown the grid the customer answered
   * @param typed one digit per position
   * @throws PatternRuleException {@code narrowing-mismatch} on field {@code digits} if {@code
   *     typed} is not one digit per position, or a position is left without a cell (a typing
   *     mistake: the customer starts again)
   */
  public static List<Set<Integer>> keep(List<Set<Integer>> candidates, int[] shown, String typed) {
    requireState(candidates, shown);
    if (typed == null
        || typed.length() != candidates.size()
        || !DerivationPattern.isDigits(typed)) {
      throw new PatternRuleException(
          "narrowing-mismatch",
          FIELD,
          "Type exactly one digit for each of the " + candidates.size() + " positions");
    }
    List<Set<Integer>> kept = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      Set<Integer> before = candidates.get(i);
      if (before.stream().allMatch(cell -> shown[cell - 1] == HIDDEN)) {
        kept.add(sorted(before));
        continue;
      }
      int digit = typed.charAt(i) - '0';
      SortedSet<Integer> after = new TreeSet<>();
      for (int cell : before) {
        if (shown[cell - 1] == digit) {
          after.add(cell);
        }
      }
      if (after.isEmpty()) {
        throw new PatternRuleException(
            "narrowing-mismatch",
            FIELD,
            "No cell that could be in your pattern showed one of the digits typed; start again");
      }
      kept.add(Collections.unmodifiableSortedSet(after));
    }
    return Collections.unmodifiableList(kept);
  }

  /**
   * The next grid: shows only the candidate cells of positions not yet pinned down, and gives the
   * candidates of each such position distinct digits, so the next answer pins every position. Cells
   * that are candidates of several positions get one digit distinct from all of theirs: a graph
   * colouring, done greedily in a random order and retried.
   *
   * @param cells the table's number of cells, 1..100
   * @throws IllegalStateException if every position is already pinned down, a position has more
   *     than 10 candidates (ten digits cannot tell them apart), or no colouring was found
   */
  public static int[] nextRound(List<Set<Integer>> candidates, int cells, RandomGenerator random) {
    requireCells(cells);
    Objects.requireNonNull(random, "random");
    requireState(candidates, new int[cells]);
    List<Set<Integer>> open = new ArrayList<>();
    for (Set<Integer> set : candidates) {
      if (set.size() > DIGITS) {
        throw new IllegalStateException("ten digits cannot tell more than ten cells apart");
      }
      if (set.size() > 1) {
        open.add(set);
      }
    }
    if (open.isEmpty()) {
      throw new IllegalStateException("every position is already pinned down");
    }
    // conflicts[c] = the cells that share an open set with c and so need another digit
    List<SortedSet<Integer>> conflicts = new ArrayList<>(cells + 1);
    for (int cell = 0; cell <= cells; cell++) {
      conflicts.add(new TreeSet<>());
    }
    SortedSet<Integer> toShow = new TreeSet<>();
    for (Set<Integer> set : open) {
      toShow.addAll(set);
      for (int cell : set) {
        conflicts.get(cell).addAll(set);
      }
    }
    int[] order = toShow.stream().mapToInt(Integer::intValue).toArray();
    for (int attempt = 0; attempt < COLOURING_TRIES; attempt++) {
      int[] shown = colour(order, conflicts, cells, random);
      if (shown != null && distinctWithin(open, shown)) {
        return shown;
      }
    }
    throw new IllegalStateException("no grid tells the candidate cells apart");
  }

  /** The pattern, once every position has exactly one cell left. */
  public static Optional<List<Integer>> resolved(List<Set<Integer>> candidates) {
    Objects.requireNonNull(candidates, "candidates");
    List<Integer> cells = new ArrayList<>(candidates.size());
    for (Set<Integer> set : candidates) {
      if (set == null || set.size() != 1) {
        return Optional.empty();
      }
      cells.add(set.iterator().next());
    }
    return cells.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(cells));
  }

  /** One greedy colouring in a random order; {@code null} if some cell had no digit left. */
  private static int[] colour(
      int[] cellsToShow, List<SortedSet<Integer>> conflicts, int cells, RandomGenerator random) {
    int[] order = cellsToShow.clone();
    shuffle(order, random);
    int[] shown = new int[cells];
    Arrays.fill(shown, HIDDEN);
    for (int cell : order) {
      boolean[] taken = new boolean[DIGITS];
      for (int other : conflicts.get(cell)) {
        if (shown[other - 1] != HIDDEN) {
          taken[shown[other - 1]] = true;
        }
      }
      int free = 0;
      for (boolean t : taken) {
        free += t ? 0 : 1;
      }
      if (free == 0) {
        return null;
      }
      int pick = random.nextInt(free);
      for (int digit = 0; digit < DIGITS; digit++) {
        if (!taken[digit] && pick-- == 0) {
          shown[cell - 1] = digit;
          break;
        }
      }
    }
    return shown;
  }

  /** The check the answer depends on, made on the result rather than trusted from the greedy. */
  private static boolean distinctWithin(List<Set<Integer>> open, int[] shown) {
    for (Set<Integer> set : open) {
      boolean[] seen = new boolean[DIGITS];
      for (int cell : set) {
        int digit = shown[cell - 1];
        if (digit == HIDDEN || seen[digit]) {
          return false;
        }
        seen[digit] = true;
      }
    }
    return true;
  }

  private static void requireState(List<Set<Integer>> candidates, int[] shown) {
    Objects.requireNonNull(candidates, "candidates");
    Objects.requireNonNull(shown, "shown");
    if (candidates.isEmpty() || candidates.size() > TableRules.MAX_LENGTH) {
      throw new IllegalArgumentException("a pattern has 1 to 16 positions");
    }
    for (Set<Integer> set : candidates) {
      if (set == null || set.isEmpty()) {
        throw new IllegalArgumentException("every position has at least one candidate cell");
      }
      for (Integer cell : set) {
        if (cell == null || cell < 1 || cell > shown.length) {
          throw new IllegalArgumentException("a candidate is not a cell of the table");
        }
      }
    }
    for (int digit : shown) {
      if (digit < HIDDEN || digit > 9) {
        throw new IllegalArgumentException("a grid shows 0..9 or nothing in each cell");
      }
    }
  }

  private static void requireCells(int cells) {
    if (cells < 1 || cells > TableRules.MAX_CELLS) {
      throw new IllegalArgumentException("a table has 1 to 100 cells");
    }
  }

  private static Set<Integer> sorted(Set<Integer> cells) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(cells));
  }

  /** Fisher–Yates: every order equally likely. */
  private static void shuffle(int[] values, RandomGenerator random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
