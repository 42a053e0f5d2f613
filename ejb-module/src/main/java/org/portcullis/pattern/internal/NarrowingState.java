package org.portcullis.pattern.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a narrowing registration stands: the round, each position's candidate cells and the grid
 * last shown. Stored sealed on the registration, as text: {@code round;1.5.9|2.7;3,-1,0,...}.
 */
record NarrowingState(int round, List<Set<Integer>> candidates, int[] shown) {

  String encode() {
    String sets =
        candidates.stream()
            .map(set -> set.stream().map(String::valueOf).collect(Collectors.joining(".")))
            .collect(Collectors.joining("|"));
    String grid = Arrays.stream(shown).mapToObj(String::valueOf).collect(Collectors.joining(","));
    return round + ";" + sets + ";" + grid;
  }

  static NarrowingState decode(String text) {
    String[] parts = text.split(";", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("Malformed narrowing state");
    }
    List<Set<Integer>> sets = new ArrayList<>();
    for (String set : parts[1].split("\\|")) {
      Set<Integer> cells = new LinkedHashSet<>();
      for (String cell : set.split("\\.")) {
        cells.add(Integer.parseInt(cell));
      }
      sets.add(cells);
    }
    int[] grid = Arrays.stream(parts[2].split(",")).mapToInt(Integer::parseInt).toArray();
    return new NarrowingState(Integer.parseInt(parts[0]), sets, grid);
  }
}
