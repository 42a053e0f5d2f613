package org.portcullis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryScheduleTest {

  private static final RetrySchedule NO_JITTER =
      new RetrySchedule(8, Duration.ofSeconds(5), Duration.ofMinutes(10), 0);

  @Test
  void defaultsAreTheDocumentedOnes() {
    RetrySchedule defaults = RetrySchedule.defaults();

    assertEquals(8, defaults.maxAttempts());
    assertEquals(Duration.ofSeconds(5), defaults.initial());
    assertEquals(Duration.ofMinutes(10), defaults.max());
    assertEquals(0.2, defaults.jitter());
  }

  @ParameterizedTest(name = "after {0} failed attempts: {1}")
  @CsvSource({
    "1, PT5S",
    "2, PT10S",
    "3, PT20S",
    "4, PT40S",
    "5, PT80S",
    "6, PT160S",
    "7, PT320S",
    "8, PT10M",
    "9, PT10M",
    "60, PT10M",
    "2147483647, PT10M"
  })
  void baseDelayDoublesFromFiveSecondsUpToTenMinutes(int failedAttempts, Duration delay) {
    assertEquals(delay, NO_JITTER.baseDelay(failedAttempts));
  }

  @Test
  void withoutJitterTheDelayIsTheBase() {
    for (int attempt = 1; attempt < 8; attempt++) {
      assertEquals(
          Optional.of(NO_JITTER.baseDelay(attempt)), NO_JITTER.nextDelay(attempt, new Random(1)));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 9, 100})
  void givesUpOnceTheAttemptsAreUsed(int failedAttempts) {
    assertEquals(
        Optional.empty(), RetrySchedule.defaults().nextDelay(failedAttempts, new Random()));
  }

  @Test
  void oneAttemptMeansNoRetry() {
    RetrySchedule once = new RetrySchedule(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 0.2);

    assertEquals(Optional.empty(), once.nextDelay(1, new Random()));
  }

  @Test
  void jitterStaysWithinTheBaseAndAFifthBelowIt() {
    RetrySchedule schedule = RetrySchedule.defaults();
    SplittableRandom random = new SplittableRandom(42);
    for (int attempt = 1; attempt < schedule.maxAttempts(); attempt++) {
      long base = schedule.baseDelay(attempt).toMillis();
      long lowest = Long.MAX_VALUE;
      long highest = Long.MIN_VALUE;
      Set<Long> seen = new HashSet<>();
      for (int draw = 0; draw < 2000; draw++) {
        long delay = schedule.nextDelay(attempt, random).orElseThrow().toMillis();
        assertTrue(delay <= base, "never above the base (and so never above the cap)");
        assertTrue(delay >= base - base / 5, "never more than a fifth below the base");
        lowest = Math.min(lowest, delay);
        highest = Math.max(highest, delay);
        seen.add(delay);
      }
      // the draws really spread over the interval
      assertTrue(seen.size() > 100, "jitter varies");
      assertTrue(highest - lowest > base / 10, "jitter covers the interval");
    }
  }

  @Test
  void jitterNeverExceedsTheCap() {
    RetrySchedule schedule =
        new RetrySchedule(100, Duration.ofSeconds(5), Duration.ofMinutes(10), 0.5);
    Random random = new Random(7);
    for (int attempt = 1; attempt < 100; attempt++) {
      Duration delay = schedule.nextDelay(attempt, random).orElseThrow();
      assertTrue(delay.compareTo(Duration.ofMinutes(10)) <= 0);
      assertTrue(delay.compareTo(schedule.baseDelay(attempt).dividedBy(2)) >= 0);
    }
  }

  @Test
  void refusesBadSettings() {
    Duration second = Duration.ofSeconds(1);
    assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(0, second, second, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new RetrySchedule(1, Duration.ZERO, second, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new RetrySchedule(1, second.negated(), second, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetrySchedule(1, Duration.ofSeconds(2), second, 0));
    assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(1, second, second, 1));
    assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(1, second, second, -0.1));
    assertThrows(
        IllegalArgumentException.class, () -> new RetrySchedule(1, second, second, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> NO_JITTER.baseDelay(0));
  }
}
