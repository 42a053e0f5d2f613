package org.portcullis.lockout;

import java.time.Duration;

/**
 * The lockout rule of SPEC §3.4: after {@code maxFailures} consecutive failures a factor locks;
 * each further failure locks it again for twice as long (from {@code firstDelay} up to {@code
 * maxDelay}); at {@code hardLockFailures} it stays locked until staff unlock it. Immutable.
 */
public record LockoutPolicy(
    int maxFailures, int hardLockFailures, Duration firstDelay, Duration maxDelay) {

  /** SPEC §3.4: the hard-lock threshold is never above 100. */
  public static final int HARD_LOCK_CEILING = 100;

  public LockoutPolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    if (hardLockFailures <= maxFailures || hardLockFailures > HARD_LOCK_CEILING) {
      throw new IllegalArgumentException(
          "hardLockFailures must be above maxFailures and at most " + HARD_LOCK_CEILING);
    }
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("delays must be positive and maxDelay >= firstDelay");
    }
  }

  public static LockoutPolicy defaults() {
    return new LockoutPolicy(5, 20, Duration.ofMinutes(1), Duration.ofHours(1));
  }

  /** How long the {@code n}-th lock (1-based) lasts: firstDelay·2^(n−1), capped at maxDelay. */
  public Duration delayOfLock(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("locks are counted from 1");
    }
    Duration delay = firstDelay;
    for (int i = 1; i < n && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
