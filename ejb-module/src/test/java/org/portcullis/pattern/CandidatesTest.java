package org.portcullis.pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CandidatesTest {

  private static final byte[] SEED = "portcullis-seed".getBytes(StandardCharsets.US_ASCII);

  @Test
  void theStreamIsHmacSha256OfNAndACounter() {
    // python3: hmac.new(b'portcullis-seed', struct.pack('>ii', 3, counter), sha256)
    byte[] expected =
        HexFormat.of()
            .parseHex(
                "3030c57f9813edd62dbc11f56e2f2803072030b21dbab3e0ebddbaaaf15aad31"
                    + "13ac71f5c9ad3de1baaac43cdaaead678b0c1026d5b32475cfda3b5868c34c13");
    Candidates.ByteStream stream = new Candidates.ByteStream(SEED, 3);
    byte[] actual = new byte[64];
    for (int i = 0; i < actual.length; i++) {
      actual[i] = (byte) stream.nextByte();
    }

    assertArrayEquals(expected, actual);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 10, 48, 100, 256})
  void drawsUniformlyBelowABound(int bound) {
    Candidates.ByteStream stream = new Candidates.ByteStream(SEED, 1);
    int[] counts = new int[bound];
    int draws = 2000 * bound;
    for (int i = 0; i < draws; i++) {
      counts[stream.below(bound)]++;
    }
    // 2,000 expected per value, standard deviation under 45: 300 is more than 6 of them
    for (int count : counts) {
      assertTrue(Math.abs(count - 2000) < 300, "count " + count);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 257})
  void refusesBoundsOutsideAByte(int bound) {
    assertThrows(
        IllegalArgumentException.class, () -> new Candidates.ByteStream(SEED, 1).below(bound));
  }

  @ParameterizedTest
  @CsvSource({
    "4, 4, 4, 2, 4",
    "4, 4, 4, 2, 0",
    "4, 4, 4, 2, 16",
    "4, 12, 6, 2, 6",
    "4, 12, 6, 2, 16",
    "10, 10, 8, 2, 8",
    "10, 10, 16, 1, 16",
    "2, 6, 4, 1, 4",
    "2, 6, 4, 1, 12",
    "3, 4, 4, 1, 12",
    "4, 3, 4, 2, 16",
    "6, 2, 4, 1, 12",
    "1, 11, 1, 1, 1",
    "1, 11, 1, 1, 11",
    "1, 12, 3, 2, 16",
    "4, 4, 11, 1, 16",
    "3, 5, 6, 1, 15"
  })
  void everyCandidateKeepsTheRulesAndHasNoAdjacentSteps(
      int rows, int cols, int minLength, int maxCellUses, int length) {
    TableRules table = new TableRules(rows, cols, minLength, maxCellUses, true);
    Random seeds = new Random(rows * 1000L + cols * 100L + length);
    int expectedLength = Math.max(length, minLength);
    for (int run = 0; run < 2000; run++) {
      byte[] seed = new byte[32];
      seeds.nextBytes(seed);
      int n = 1 + seeds.nextInt(20);

      List<Integer> candidate = Candidates.candidate(table, length, seed, n);

      assertEquals(expectedLength, candidate.size());
      table.checkCells(candidate);
      Map<Integer, Integer> uses = new HashMap<>();
      for (int i = 0; i < candidate.size(); i++) {
        int cell = candidate.get(i);
        assertTrue(cell >= 1 && cell <= table.cells(), "cell " + cell);
        if (i > 0) {
          assertFalse(table.adjacent(candidate.get(i - 1), cell), candidate.toString());
        }
        uses.merge(cell, 1, Integer::sum);
      }
      assertTrue(uses.values().stream().allMatch(count -> count <= maxCellUses));
    }
  }

  @Test
  void theSameSeedAndNumberGiveTheSameCandidate() {
    TableRules table = TableRules.defaults4x12();

    for (int n = 1; n <= 50; n++) {
      assertEquals(
          Candidates.candidate(table, 6, SEED.clone(), n),
          Candidates.candidate(table, 6, SEED.clone(), n));
    }
  }

  @Test
  void nextAndBackWalkThroughDifferentCandidates() {
    Set<List<Integer>> seen = new HashSet<>();
    for (int n = 1; n <= 200; n++) {
      seen.add(Candidates.candidate(TableRules.defaults4x4(), 4, SEED, n));
    }
    // about 10,000 such 4x4 patterns: 200 draws repeat one about twice
    assertTrue(seen.size() >= 190, "distinct " + seen.size());
  }

  @Test
  void differentSeedsGiveDifferentCandidates() {
    assertNotEquals(
        Candidates.candidate(TableRules.defaults4x12(), 8, new byte[] {1}, 1),
        Candidates.candidate(TableRules.defaults4x12(), 8, new byte[] {2}, 1));
  }

  @Test
  void everyCellIsSuggestedInEveryPosition() {
    TableRules table = TableRules.defaults4x4();
    int[][] counts = new int[4][17];
    Random seeds = new Random(5);
    for (int run = 0; run < 4000; run++) {
      byte[] seed = new byte[16];
      seeds.nextBytes(seed);
      List<Integer> candidate = Candidates.candidate(table, 4, seed, 1);
      for (int i = 0; i < 4; i++) {
        counts[i][candidate.get(i)]++;
      }
    }
    // a uniform first cell gives 250 each; later cells are uniform among the allowed ones
    for (int i = 0; i < 4; i++) {
      for (int cell = 1; cell <= 16; cell++) {
        assertTrue(counts[i][cell] > 100, "position " + i + " cell " + cell);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"2, 6, 4, 1, 13", "1, 11, 1, 1, 12", "1, 11, 1, 1, 16"})
  void aLengthTheTableCannotHoldIsAnIllegalState(
      int rows, int cols, int minLength, int maxCellUses, int length) {
    TableRules table = new TableRules(rows, cols, minLength, maxCellUses, true);

    assertThrows(IllegalStateException.class, () -> Candidates.candidate(table, length, SEED, 1));
  }

  @Test
  void refusesBadArguments() {
    TableRules table = TableRules.defaults4x4();

    assertThrows(IllegalArgumentException.class, () -> Candidates.candidate(table, 17, SEED, 1));
    assertThrows(IllegalArgumentException.class, () -> Candidates.candidate(table, 4, SEED, 0));
    assertThrows(
        IllegalArgumentException.class, () -> Candidates.candidate(table, 4, new byte[0], 1));
    assertThrows(NullPointerException.class, () -> Candidates.candidate(table, 4, null, 1));
    assertThrows(NullPointerException.class, () -> Candidates.candidate(null, 4, SEED, 1));
  }
}
