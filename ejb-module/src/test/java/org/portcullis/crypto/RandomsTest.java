package org.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RandomsTest {

  @ParameterizedTest
  @CsvSource({"32, 43", "16, 22", "24, 32", "1, 2"})
  void urlTokenIsUnpaddedBase64UrlOfTheRequestedEntropy(int bytes, int length) {
    String token = Randoms.urlToken(bytes);

    assertEquals(length, token.length(), token);
    assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
  }

  @Test
  void urlTokensDoNotRepeat() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      tokens.add(Randoms.urlToken(32));
    }

    assertEquals(1000, tokens.size());
  }

  @Test
  void bytesHaveTheRequestedLengthAndDiffer() {
    byte[] first = Randoms.bytes(16);
    byte[] second = Randoms.bytes(16);

    assertEquals(16, first.length);
    assertNotEquals(Arrays.toString(first), Arrays.toString(second));
    assertEquals(0, Randoms.bytes(0).length);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 6, 8, 20})
  void digitsAreOnlyDecimalDigitsOfTheRequestedLength(int count) {
    String digits = Randoms.digits(count);

    assertEquals(count, digits.length());
    assertTrue(digits.chars().allMatch(c -> c >= '0' && c <= '9'), digits);
  }

  @Test
  void digitsAreRoughlyUniform() {
    int draws = 10_000;
    int[] counts = new int[10];
    for (char c : Randoms.digits(draws).toCharArray()) {
      counts[c - '0']++;
    }

    double expected = draws / 10.0;
    double chiSquare =
        Arrays.stream(counts).mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
    // 9 degrees of freedom: P(chi² > 45) is about 1e-6, so a fair source practically never fails
    // while a digit that never comes up (or comes up twice as often) lands far above it
    assertTrue(chiSquare < 45, () -> "chi² = " + chiSquare + " for " + Arrays.toString(counts));
  }
}
