package org.portcullis.lockout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FactorLockTest {

  private static final LockoutPolicy POLICY = LockoutPolicy.defaults();
  private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

  private static FactorLock newLock() {
    return new FactorLock(7L, Factor.PINPAD);
  }

  /** Fails once the current lock (if any) has lapsed, as a caller that checks first would. */
  private static Instant failWhenFree(FactorLock lock, Instant now) {
    Instant at = lock.lockedUntil().filter(now::isBefore).orElse(now);
    lock.recordFailure(POLICY, at);
    return at;
  }

  @Test
  void fourFailuresDoNotLock() {
    FactorLock lock = newLock();

    for (int i = 0; i < 4; i++) {
      lock.recordFailure(POLICY, T0.plusSeconds(i));
    }

    assertEquals(4, lock.failures());
    assertFalse(lock.isLocked(T0.plusSeconds(4)));
    assertEquals(Optional.empty(), lock.lockedUntil());
  }

  @Test
  void theFifthFailureLocksForOneMinute() {
    FactorLock lock = newLock();
    for (int i = 0; i < 4; i++) {
      lock.recordFailure(POLICY, T0);
    }

    lock.recordFailure(POLICY, T0);

    assertTrue(lock.isLocked(T0));
    assertTrue(lock.isLocked(T0.plusSeconds(59)));
    assertFalse(lock.isLocked(T0.plusSeconds(60)), "the lock lapses exactly after one minute");
    assertEquals(Optional.of(T0.plusSeconds(60)), lock.lockedUntil());
    assertFalse(lock.hardLocked());
  }

  @Test
  void eachFurtherFailureAfterExpiryLocksTwiceAsLongUpToAnHour() {
    FactorLock lock = newLock();
    Instant now = T0;
    for (int i = 0; i < 5; i++) {
      now = failWhenFree(lock, now);
    }
    assertEquals(Optional.of(now.plus(Duration.ofMinutes(1))), lock.lockedUntil());

    // failures 6..19 each come just after the previous lock lapsed
    long[] expectedMinutes = {2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60, 60, 60, 60};
    for (int i = 0; i < expectedMinutes.length; i++) {
      Instant lapsed = lock.lockedUntil().orElseThrow();
      assertFalse(lock.isLocked(lapsed), "failure " + (i + 6) + " may be tried");
      lock.recordFailure(POLICY, lapsed);

      assertEquals(
          Optional.of(lapsed.plus(Duration.ofMinutes(expectedMinutes[i]))),
          lock.lockedUntil(),
          "lock after failure " + (i + 6));
      assertTrue(lock.isLocked(lapsed));
      assertFalse(lock.hardLocked());
    }
    assertEquals(19, lock.failures());
  }

  @Test
  void theTwentiethFailureLocksUntilStaffUnlock() {
    FactorLock lock = newLock();
    Instant now = T0;
    for (int i = 0; i < 19; i++) {
      now = failWhenFree(lock, now);
    }
    assertFalse(lock.hardLocked());
    Instant lapsed = lock.lockedUntil().orElseThrow();

    lock.recordFailure(POLICY, lapsed);

    assertTrue(lock.hardLocked());
    assertEquals(20, lock.failures());
    assertEquals(Optional.empty(), lock.lockedUntil(), "a hard lock has no end time");
    assertTrue(lock.isLocked(lapsed));
    assertTrue(lock.isLocked(lapsed.plus(Duration.ofDays(3650))), "a hard lock never lapses");
  }

  @Test
  void successResetsTheRunOfFailures() {
    FactorLock lock = newLock();
    Instant now = T0;
    for (int i = 0; i < 6; i++) {
      now = failWhenFree(lock, now);
    }
    Instant lapsed = lock.lockedUntil().orElseThrow();

    lock.recordSuccess();

    assertEquals(0, lock.failures());
    assertFalse(lock.isLocked(lapsed));
    assertEquals(Optional.empty(), lock.lockedUntil());
    // the count and the doubling start again from scratch
    for (int i = 0; i < 4; i++) {
      lock.recordFailure(POLICY, lapsed);
    }
    assertFalse(lock.isLocked(lapsed));
    lock.recordFailure(POLICY, lapsed);
    assertEquals(Optional.of(lapsed.plus(Duration.ofMinutes(1))), lock.lockedUntil());
  }

  @Test
  void staffUnlockLiftsAHardLock() {
    FactorLock lock = newLock();
    Instant now = T0;
    for (int i = 0; i < 20; i++) {
      now = failWhenFree(lock, now);
    }
    assertTrue(lock.hardLocked());

    lock.unlock();

    assertFalse(lock.hardLocked());
    assertFalse(lock.isLocked(now));
    assertEquals(0, lock.failures());
    lock.recordFailure(POLICY, now);
    assertFalse(lock.isLocked(now), "one failure after an unlock does not lock again");
  }

  @Test
  void staffUnlockLiftsATimedLock() {
    FactorLock lock = newLock();
    for (int i = 0; i < 5; i++) {
      lock.recordFailure(POLICY, T0);
    }
    assertTrue(lock.isLocked(T0));

    lock.unlock();

    assertFalse(lock.isLocked(T0));
    assertEquals(Optional.empty(), lock.lockedUntil());
  }

  @Test
  void followsAStricterPolicy() {
    LockoutPolicy strict = new LockoutPolicy(2, 4, Duration.ofSeconds(30), Duration.ofMinutes(1));
    FactorLock lock = new FactorLock(7L, Factor.OTP);

    lock.recordFailure(strict, T0);
    assertFalse(lock.isLocked(T0));
    lock.recordFailure(strict, T0);
    assertEquals(Optional.of(T0.plusSeconds(30)), lock.lockedUntil());
    lock.recordFailure(strict, T0.plusSeconds(30));
    assertEquals(Optional.of(T0.plusSeconds(90)), lock.lockedUntil());
    lock.recordFailure(strict, T0.plusSeconds(90));

    assertTrue(lock.hardLocked());
    assertEquals(Factor.OTP, lock.factor());
  }
}
