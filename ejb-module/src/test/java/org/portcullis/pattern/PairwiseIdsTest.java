package org.portcullis.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PairwiseIdsTest {

  private static byte[] key(int first) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (first + i);
    }
    return key;
  }

  @ParameterizedTest
  @CsvSource({
    // python3: int.from_bytes(hmac.new(bytes(range(32)), struct.pack('>qi', id, counter),
    // sha256).digest(), 'big') % 10**length, zero-padded
    "42, 8, 0, 00745983",
    "42, 8, 1, 55155540",
    "1, 6, 0, 074018",
    "-1, 32, 0, 62440862156284842704089229761936",
    "9223372036854775807, 12, 7, 351467734127"
  })
  void derivesTheReferenceValues(long customerId, int length, int counter, String expected) {
    assertEquals(expected, PairwiseIds.derive(key(0), customerId, length, counter));
  }

  @Test
  void isStableForTheSameInputs() {
    assertEquals(PairwiseIds.derive(key(7), 1234, 8, 0), PairwiseIds.derive(key(7), 1234, 8, 0));
  }

  @Test
  void differsPerSystemAndPerCounter() {
    int sameAcrossSystems = 0;
    int sameAcrossCounters = 0;
    for (long customer = 1; customer <= 1000; customer++) {
      String id = PairwiseIds.derive(key(0), customer, 8, 0);
      sameAcrossSystems += id.equals(PairwiseIds.derive(key(1), customer, 8, 0)) ? 1 : 0;
      sameAcrossCounters += id.equals(PairwiseIds.derive(key(0), customer, 8, 1)) ? 1 : 0;
    }
    // 1,000 pairs of independent 8-digit values: a single equality has p = 1e-5
    assertEquals(0, sameAcrossSystems);
    assertEquals(0, sameAcrossCounters);
    assertNotEquals(PairwiseIds.derive(key(0), 5, 8, 0), PairwiseIds.derive(key(0), 6, 8, 0));
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 7, 8, 16, 31, 32})
  void hasTheRequestedNumberOfDigits(int length) {
    for (long customer = 0; customer < 200; customer++) {
      String id = PairwiseIds.derive(key(3), customer, length, 0);
      assertEquals(length, id.length());
      assertTrue(id.chars().allMatch(c -> c >= '0' && c <= '9'), id);
    }
  }

  @Test
  void digitsAreEvenlySpreadAndCollisionsRare() {
    int[] leading = new int[10];
    Set<String> ids = new HashSet<>();
    for (long customer = 0; customer < 10_000; customer++) {
      String id = PairwiseIds.derive(key(9), customer, 12, 0);
      leading[id.charAt(0) - '0']++;
      ids.add(id);
    }
    // 1,000 expected per leading digit, standard deviation 30
    for (int count : leading) {
      assertTrue(Math.abs(count - 1000) < 150, "count " + count);
    }
    // 10,000 values among 10^12: a collision has p = 5e-5
    assertEquals(10_000, ids.size());
  }

  @ParameterizedTest
  @CsvSource({"16, 5, 0", "16, 33, 0", "16, 8, -1", "15, 8, 0", "0, 8, 0"})
  void refusesBadArguments(int keyLength, int length, int counter) {
    byte[] key = new byte[keyLength];

    assertThrows(IllegalArgumentException.class, () -> PairwiseIds.derive(key, 1, length, counter));
  }

  @Test
  void refusesAMissingKey() {
    assertThrows(NullPointerException.class, () -> PairwiseIds.derive(null, 1, 8, 0));
  }
}
