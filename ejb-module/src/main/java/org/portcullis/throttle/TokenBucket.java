package org.portcullis.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A token bucket: it holds up to {@link Rate#burst()} tokens, gains {@link Rate#perSecond()} tokens
 * a second, and every request takes one. A caller may therefore send a burst at once and then keep
 * to the rate.
 *
 * <p>Time is given, never read, so that the rules follow the server's movable clock. Time that
 * moves backwards mints no tokens: the bucket remembers the latest instant it has seen and refills
 * only from there, so the same span is never counted twice.
 *
 * <p>Thread-safe without locks: the whole state is one immutable value in an {@link
 * AtomicReference}, replaced by compare-and-set.
 */
public final class TokenBucket {

  /**
   * Rounding slack: a bucket that refilled for exactly the announced wait may hold 0.999…9 tokens
   * in binary floating point; that is one token.
   */
  private static final double EPSILON = 1e-9;

  /** The longest wait worth announcing; keeps the arithmetic far from overflow. */
  private static final Duration LONGEST_WAIT = Duration.ofDays(365);

  /**
   * How fast tokens come back and how many the bucket holds.
   *
   * @param perSecond tokens gained per second, a positive finite number (may be below 1)
   * @param burst the most tokens the bucket holds, at least 1
   */
  public record Rate(double perSecond, int burst) {
    public Rate {
      if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
        throw new IllegalArgumentException(
            "perSecond must be a positive finite number, not " + perSecond);
      }
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be at least 1, not " + burst);
      }
    }
  }

  /** The tokens held at {@code updated}, the latest instant the bucket has seen. */
  private record State(Rate rate, double tokens, Instant updated) {

    /** This state at {@code now}, refilled at its own rate, then switched to {@code next}. */
    State at(Instant now, Rate next) {
      double held = tokens;
      Instant latest = updated;
      if (now.isAfter(updated)) {
        Duration elapsed = Duration.between(updated, now);
        held =
            elapsed.compareTo(LONGEST_WAIT) > 0
                ? rate.burst()
                : Math.min(rate.burst(), held + seconds(elapsed) * rate.perSecond());
        latest = now;
      }
      // A smaller burst caps what is held; a larger one grants nothing until time passes.
      return new State(next, Math.min(held, next.burst()), latest);
    }

    boolean hasToken() {
      return tokens >= 1 - EPSILON;
    }

    /** How long from {@code now} until this state holds one token. */
    Duration waitFrom(Instant now) {
      // if time went back, nothing refills until it is past `updated` again
      Duration lag = now.isBefore(updated) ? Duration.between(now, updated) : Duration.ZERO;
      double seconds = (1 - tokens) / rate.perSecond();
      Duration refill =
          seconds >= LONGEST_WAIT.getSeconds()
              ? LONGEST_WAIT
              : Duration.ofNanos((long) Math.ceil(seconds * 1e9));
      Duration wait = lag.plus(refill);
      return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
  }

  private final AtomicReference<State> state;

  /** A full bucket. */
  public TokenBucket(Rate rate, Instant now) {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(now, "now");
    this.state = new AtomicReference<>(new State(rate, rate.burst(), now));
  }

  /** The rate the bucket follows now (the last one it was given). */
  public Rate rate() {
    return state.get().rate();
  }

  /**
   * Takes one token at the bucket's current rate.
   *
   * @return empty if the request may go ahead; else how long until a token will be there (nothing
   *     was taken)
   */
  public Optional<Duration> tryAcquire(Instant now) {
    return tryAcquire(now, null);
  }

  /**
   * Takes one token after switching to {@code rate}, if it differs: the time until now refills at
   * the old rate, the new burst caps what is held, and later time refills at the new rate.
   *
   * @param rate the rate to follow from now on; {@code null} keeps the current one
   * @return empty if the request may go ahead; else how long until a token will be there (nothing
   *     was taken)
   */
  public Optional<Duration> tryAcquire(Instant now, Rate rate) {
    Objects.requireNonNull(now, "now");
    while (true) {
      State current = state.get();
      State refilled = current.at(now, rate == null ? current.rate() : rate);
      boolean allowed = refilled.hasToken();
      // kept even when refused, so that a rate change counts from now
      State next =
          allowed
              ? new State(refilled.rate(), refilled.tokens() - 1, refilled.updated())
              : refilled;
      if (state.compareAndSet(current, next)) {
        return allowed ? Optional.empty() : Optional.of(refilled.waitFrom(now));
      }
    }
  }

  /**
   * How long until a token will be there, without taking one.
   *
   * @return empty if a token is there now
   */
  public Optional<Duration> waitTime(Instant now, Rate rate) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(rate, "rate");
    State refilled = state.get().at(now, rate);
    return refilled.hasToken() ? Optional.empty() : Optional.of(refilled.waitFrom(now));
  }

  /**
   * Takes one token for something that has already happened, even if there is none: the bucket goes
   * into debt (down to minus one burst), and the debt must be paid back by time before the next
   * token is there. Used to count refused authentications, which are refused anyway.
   */
  public void charge(Instant now, Rate rate) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(rate, "rate");
    while (true) {
      State current = state.get();
      State refilled = current.at(now, rate);
      double floor = -refilled.rate().burst();
      State charged =
          new State(refilled.rate(), Math.max(floor, refilled.tokens() - 1), refilled.updated());
      if (state.compareAndSet(current, charged)) {
        return;
      }
    }
  }

  /**
   * Whether the bucket is full at {@code now}: then it is exactly what a new bucket would be, and
   * dropping it forgives nothing.
   */
  public boolean isFull(Instant now) {
    Objects.requireNonNull(now, "now");
    State current = state.get();
    State refilled = current.at(now, current.rate());
    return refilled.tokens() >= refilled.rate().burst() - EPSILON;
  }

  /**
   * A wait as HTTP's {@code Retry-After} gives it (RFC 9110 §10.2.3, whole seconds): rounded up,
   * and at least one second, so that a client that waits as told finds a token.
   */
  public static Duration retryAfter(Duration wait) {
    Objects.requireNonNull(wait, "wait");
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Duration.ofSeconds(Math.max(1, seconds));
  }

  private static double seconds(Duration duration) {
    return duration.getSeconds() + duration.getNano() / 1e9;
  }
}
