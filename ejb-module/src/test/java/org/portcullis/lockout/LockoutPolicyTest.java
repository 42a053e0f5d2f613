package org.portcullis.lockout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LockoutPolicyTest {

  @Test
  void defaultsAreTheSpecs() {
    LockoutPolicy policy = LockoutPolicy.defaults();

    assertEquals(5, policy.maxFailures());
    assertEquals(20, policy.hardLockFailures());
    assertEquals(Duration.ofMinutes(1), policy.firstDelay());
    assertEquals(Duration.ofHours(1), policy.maxDelay());
  }

  @ParameterizedTest
  @CsvSource({
    "1, PT1M",
    "2, PT2M",
    "3, PT4M",
    "4, PT8M",
    "5, PT16M",
    "6, PT32M",
    "7, PT1H",
    "8, PT1H",
    "15, PT1H",
    "100, PT1H",
    "2147483647, PT1H"
  })
  void delayDoublesFromOneMinuteUpToAnHour(int lock, Duration delay) {
    assertEquals(delay, LockoutPolicy.defaults().delayOfLock(lock));
  }

  @ParameterizedTest
  @CsvSource({
    "PT30S, PT5M, 1, PT30S",
    "PT30S, PT5M, 4, PT4M",
    "PT30S, PT5M, 5, PT5M",
    "PT1M, PT1M, 1, PT1M",
    "PT1M, PT1M, 9, PT1M",
    "PT10S, PT80S, 4, PT80S",
    "PT10S, PT80S, 5, PT80S"
  })
  void delayFollowsConfiguredBounds(Duration first, Duration max, int lock, Duration delay) {
    assertEquals(delay, new LockoutPolicy(3, 10, first, max).delayOfLock(lock));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void locksAreCountedFromOne(int lock) {
    assertThrows(IllegalArgumentException.class, () -> LockoutPolicy.defaults().delayOfLock(lock));
  }

  @ParameterizedTest
  @CsvSource({
    "5, 101", // SPEC §3.4: never above 100
    "5, 1000", "5, 5", // must be above maxFailures, or the timed lock would never happen
    "5, 4", "0, 20", // at least one failure before any lock
    "-1, 20"
  })
  void refusesFailureThresholdsOutsideTheSpec(int maxFailures, int hardLockFailures) {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LockoutPolicy(
                maxFailures, hardLockFailures, Duration.ofMinutes(1), Duration.ofHours(1)));
  }

  @Test
  void acceptsTheExtremesTheSpecAllows() {
    LockoutPolicy policy = new LockoutPolicy(99, 100, Duration.ofMinutes(1), Duration.ofHours(1));

    assertEquals(100, policy.hardLockFailures());
    assertEquals(LockoutPolicy.HARD_LOCK_CEILING, policy.hardLockFailures());
  }

  @ParameterizedTest
  @CsvSource({"PT0S, PT1H", "-PT1M, PT1H", "PT2M, PT1M"})
  void refusesDelaysThatAreNotPositiveOrOutOfOrder(Duration first, Duration max) {
    assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(5, 20, first, max));
  }
}
