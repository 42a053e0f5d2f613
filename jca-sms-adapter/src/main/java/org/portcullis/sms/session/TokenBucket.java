package org.portcullis.sms.session;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket that paces submissions to the gateway: tokens accrue at {@code permitsPerSecond}
 * up to {@code capacity}; each submit_sm takes one, and a sender finding none waits until its token
 * is due.
 *
 * <p>Gateways count submissions per second and answer ESME_RTHROTTLED (or drop the session) above
 * the contracted rate, so the adapter keeps under it instead of finding out. Waits are reserved
 * under the lock and slept outside it: concurrent senders queue in arrival order, each for its own
 * slot, and a slow sleeper never blocks the others' reservations. With capacity 1 the bucket is a
 * strict pacer: no one-second window ever holds more than {@code permitsPerSecond} submissions.
 *
 * <p>Time comes from an injected nanosecond ticker and waiting goes through an injected sleeper, so
 * that tests check the arithmetic without sleeping.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class TokenBucket {

  /** Waits for a number of nanoseconds; {@link TimeUnit#sleep} in production. */
  @FunctionalInterface
  public interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private final double intervalNanos;
  private final double capacity;
  private final LongSupplier ticker;
  private final Sleeper sleeper;

  // guarded by this: tokens in the bucket, negative when reserved ahead (the queue's debt)
  private double tokens;
  private long lastRefillNanos;

  /**
   * @param permitsPerSecond tokens per second; 0 means unlimited
   * @param capacity the most tokens that can accumulate (the largest burst), at least 1
   * @param ticker a monotonic nanosecond clock ({@code System::nanoTime})
   * @param sleeper how to wait
   */
  public TokenBucket(double permitsPerSecond, int capacity, LongSupplier ticker, Sleeper sleeper) {
    if (permitsPerSecond < 0 || Double.isNaN(permitsPerSecond)) {
      throw new IllegalArgumentException("permitsPerSecond must be >= 0");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.intervalNanos = permitsPerSecond == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / permitsPerSecond;
    this.capacity = capacity;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.tokens = capacity;
    this.lastRefillNanos = ticker.getAsLong();
  }

  /** A strict pacer at {@code permitsPerSecond} (0: unlimited) on the system clock. */
  public static TokenBucket pacer(int permitsPerSecond) {
    return new TokenBucket(permitsPerSecond, 1, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  /** Whether this bucket never makes anyone wait. */
  public boolean unlimited() {
    return intervalNanos == 0;
  }

  /**
   * Takes a token, returning how many nanoseconds the caller must wait before using it (0 when one
   * was available).
   */
  public synchronized long reserve() {
    if (unlimited()) {
      return 0;
    }
    long now = ticker.getAsLong();
    if (now > lastRefillNanos) {
      tokens = Math.min(capacity, tokens + (now - lastRefillNanos) / intervalNanos);
      lastRefillNanos = now;
    }
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * intervalNanos);
  }

  /**
   * Takes a token, waiting until it is due.
   *
   * @throws InterruptedException if interrupted while waiting (the token is then lost, which only
   *     makes the bucket more conservative)
   */
  public void acquire() throws InterruptedException {
    long wait = reserve();
    if (wait > 0) {
      sleeper.sleepNanos(wait);
    }
  }
}
