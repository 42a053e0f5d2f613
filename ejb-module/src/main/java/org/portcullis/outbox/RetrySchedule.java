package org.portcullis.outbox;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a message again after a failed attempt: exponential backoff from {@code initial},
 * doubling per failed attempt up to {@code max}, with jitter so that messages that failed together
 * (a gateway outage) do not all come back at the same instant; and when to give up.
 *
 * <p>After the {@code n}-th failed attempt the base delay is {@code initial·2^(n−1)}, capped at
 * {@code max}; the actual delay is drawn uniformly from {@code [base·(1−jitter), base]}, so it
 * never exceeds the cap. Once {@code maxAttempts} attempts have failed there is no next attempt.
 * Immutable and thread-safe.
 *
 * @param maxAttempts attempts before giving up, at least 1
 * @param initial delay after the first failed attempt, positive
 * @param max the cap, at least {@code initial}
 * @param jitter the fraction of the base delay that may be taken off at random, in [0, 1)
 */
public record RetrySchedule(int maxAttempts, Duration initial, Duration max, double jitter) {

  /**
   * A fifth of the delay is random: enough to spread a burst, little enough to stay predictable.
   */
  public static final double DEFAULT_JITTER = 0.2;

  public RetrySchedule {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initial == null || initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("the initial delay must be positive");
    }
    if (max == null || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("the maximum delay must be at least the initial delay");
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
  }

  /** SPEC defaults: 8 attempts, PT5S doubling up to PT10M, 20 % jitter. */
  public static RetrySchedule defaults() {
    return new RetrySchedule(8, Duration.ofSeconds(5), Duration.ofMinutes(10), DEFAULT_JITTER);
  }

  /** The delay before the next attempt after {@code failedAttempts} failures, before jitter. */
  public Duration baseDelay(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failed attempts are counted from 1");
    }
    Duration delay = initial;
    for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /**
   * The delay before the next attempt after {@code failedAttempts} failures, or empty when the
   * message has used up its attempts.
   */
  public Optional<Duration> nextDelay(int failedAttempts, RandomGenerator random) {
    if (failedAttempts >= maxAttempts) {
      return Optional.empty();
    }
    long base = baseDelay(failedAttempts).toMillis();
    long spread = (long) Math.floor(base * jitter);
    long taken = spread == 0 ? 0 : random.nextLong(spread + 1);
    return Optional.of(Duration.ofMillis(base - taken));
  }
}
