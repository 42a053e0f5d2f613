package org.portcullis.sms.session;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Delays between attempts to bind: exponential from {@code min} up to {@code max}, with jitter.
 *
 * <p>Attempt n waits a random time in [base/2, base] where base = min·2ⁿ capped at max, then
 * clamped into [min, max]. The doubling keeps a dead gateway from being hammered; the jitter keeps
 * the nodes of a cluster, all cut off by the same gateway restart, from coming back in lockstep.
 * {@link #reset()} after a successful bind starts again from {@code min}.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class Backoff {

  private final long minMillis;
  private final long maxMillis;
  private final DoubleSupplier random;
  private int attempt; // guarded by this

  /**
   * @param min the first delay
   * @param max the longest delay
   * @param random values in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
   */
  public Backoff(Duration min, Duration max, DoubleSupplier random) {
    this.minMillis = min.toMillis();
    this.maxMillis = max.toMillis();
    if (minMillis < 1 || maxMillis < minMillis) {
      throw new IllegalArgumentException("need 1 ms <= min <= max, not " + min + ".." + max);
    }
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The delay before the next attempt; each call counts as one more failed attempt. */
  public synchronized Duration next() {
    double base = minMillis * Math.pow(2, Math.min(attempt, 62));
    base = Math.min(base, maxMillis);
    attempt++;
    double jittered = base * (0.5 + 0.5 * random.getAsDouble());
    long delay = Math.max(minMillis, Math.min(maxMillis, Math.round(jittered)));
    return Duration.ofMillis(delay);
  }

  /** Starts again from {@code min}, after a success. */
  public synchronized void reset() {
    attempt = 0;
  }
}
