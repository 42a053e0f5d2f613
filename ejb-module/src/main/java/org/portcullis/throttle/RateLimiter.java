package org.portcullis.throttle;

import java.time.Duration;
import org.portcullis.error.DomainException;
import org.portcullis.throttle.TokenBucket.Rate;

/**
 * Rate limits per caller (SPEC §3.4: relying systems and handsets are rate-limited, HTTP 429 with
 * {@code Retry-After}), with one token bucket per key.
 *
 * <p>Limits are per node: each node keeps its buckets in its own memory and shares none, so a
 * caller whose requests are spread over N nodes gets up to N times the rate. SPEC §2 allows this:
 * no other node needs the buckets, and a bucket that is lost (a restart, an evicted idle key) only
 * forgives, it never refuses anyone.
 *
 * <p>The rate is given on every call, so that callers choose it per key (from a per-system setting,
 * say); a key's bucket follows the latest rate it was given. Keys are opaque, e.g. {@code
 * system:12345678}.
 */
public interface RateLimiter {

  /** The problem type of a refusal. */
  String THROTTLED = "rate-limited";

  /**
   * Takes one token from the key's bucket.
   *
   * @throws DomainException {@value #THROTTLED} (429) with the wait, in whole seconds, until a
   *     token is there; nothing was taken
   */
  void check(String key, Rate rate);

  /**
   * Refuses like {@link #check} when the key's bucket is empty, but takes no token: for gates whose
   * tokens are taken later, and only by some outcomes ({@link #charge}).
   *
   * @throws DomainException {@value #THROTTLED} (429) with the wait until a token is there
   */
  void checkNotExhausted(String key, Rate rate);

  /**
   * Counts something that has already happened against the key, even past its limit: the bucket
   * runs into debt that time must pay back before {@link #checkNotExhausted} lets the key through.
   */
  void charge(String key, Rate rate);

  /** The refusal for a bucket that will hold a token after {@code wait}. */
  static DomainException throttled(Duration wait) {
    Duration retryAfter = TokenBucket.retryAfter(wait);
    long seconds = retryAfter.getSeconds();
    return DomainException.throttled(
        THROTTLED,
        "Too many requests; try again in " + seconds + (seconds == 1 ? " second" : " seconds"),
        retryAfter);
  }
}
