package org.portcullis.sms.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

  private static final Duration MIN = Duration.ofMillis(1_000);
  private static final Duration MAX = Duration.ofMillis(60_000);

  @Test
  void withoutJitterDoublesFromMinToMax() {
    Backoff backoff = new Backoff(MIN, MAX, () -> 0.999_999);
    long[] expected = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000};
    for (long millis : expected) {
      assertEquals(millis, backoff.next().toMillis(), 1);
    }
  }

  @Test
  void smallestJitterHalvesTheDelayButNeverBelowMin() {
    Backoff backoff = new Backoff(MIN, MAX, () -> 0.0);
    long[] expected = {1_000, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
    for (long millis : expected) {
      assertEquals(millis, backoff.next().toMillis());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42, 2024})
  void randomDelaysStayWithinBounds(long seed) {
    Random random = new Random(seed);
    Backoff backoff = new Backoff(MIN, MAX, random::nextDouble);
    for (int attempt = 0; attempt < 200; attempt++) {
      Duration delay = backoff.next();
      assertTrue(delay.compareTo(MIN) >= 0 && delay.compareTo(MAX) <= 0, delay + " at " + attempt);
    }
  }

  @Test
  void resetStartsAgainFromMin() {
    Backoff backoff = new Backoff(MIN, MAX, () -> 0.999_999);
    for (int i = 0; i < 10; i++) {
      backoff.next();
    }
    backoff.reset();
    assertEquals(1_000, backoff.next().toMillis(), 1);
  }

  @Test
  void refusesInvertedBounds() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(MAX, MIN, () -> 0.5));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, MAX, () -> 0.5));
  }
}
