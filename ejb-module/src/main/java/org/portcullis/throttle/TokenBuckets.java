package org.portcullis.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.portcullis.throttle.TokenBucket.Rate;

/**
 * One {@link TokenBucket} per key, with a bound on how many are kept in memory.
 *
 * <p>A full bucket is exactly what a new one would be, so {@link #evictFull} drops full buckets
 * without forgiving anything; what stays are the keys that used their bucket within the time it
 * takes to refill. If the table is still at its bound when a new key comes, after dropping the full
 * buckets, that key is not tracked and its request goes ahead: the bound protects memory, and
 * refusing every newcomer would let whoever fills the table lock everyone else out. {@link
 * #untracked()} counts those requests so that the owner can log them.
 *
 * <p>Thread-safe: a {@link ConcurrentHashMap} of thread-safe buckets. A request that races the
 * eviction of its key's bucket may take its token from the bucket just dropped; that forgives one
 * request and never refuses one. The bound is kept to within the number of concurrent callers.
 */
public final class TokenBuckets {

  /** A table at its bound looks for full buckets at most this often, not on every request. */
  private static final Duration INLINE_EVICTION_EVERY = Duration.ofSeconds(1);

  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final int maxBuckets;
  private final AtomicReference<Instant> lastInlineEviction = new AtomicReference<>(Instant.EPOCH);
  private final LongAdder untracked = new LongAdder();

  public TokenBuckets(int maxBuckets) {
    if (maxBuckets < 1) {
      throw new IllegalArgumentException("maxBuckets must be at least 1, not " + maxBuckets);
    }
    this.maxBuckets = maxBuckets;
  }

  /**
   * Takes one token from the key's bucket, which follows {@code rate} from now on.
   *
   * @return empty if the request may go ahead; else how long until a token will be there
   */
  public Optional<Duration> tryAcquire(String key, Rate rate, Instant now) {
    Objects.requireNonNull(rate, "rate");
    return bucket(key, rate, now).flatMap(bucket -> bucket.tryAcquire(now, rate));
  }

  /**
   * How long until the key's bucket holds a token, taking none.
   *
   * @return empty if it holds one now (a key without a bucket has a full one)
   */
  public Optional<Duration> waitTime(String key, Rate rate, Instant now) {
    Objects.requireNonNull(key, "key");
    TokenBucket bucket = buckets.get(key);
    return bucket == null ? Optional.empty() : bucket.waitTime(now, rate);
  }

  /** Takes one token from the key's bucket even if it has none ({@link TokenBucket#charge}). */
  public void charge(String key, Rate rate, Instant now) {
    Objects.requireNonNull(rate, "rate");
    bucket(key, rate, now).ifPresent(bucket -> bucket.charge(now, rate));
  }

  /**
   * Drops the buckets that are full at {@code now}.
   *
   * @return how many were dropped
   */
  public int evictFull(Instant now) {
    Objects.requireNonNull(now, "now");
    int evicted = 0;
    for (var entry : buckets.entrySet()) {
      if (entry.getValue().isFull(now) && buckets.remove(entry.getKey(), entry.getValue())) {
        evicted++;
      }
    }
    return evicted;
  }

  /** How many buckets are kept now. */
  public int size() {
    return buckets.size();
  }

  /** Requests let through untracked, because the table was full, since the last call. */
  public long untracked() {
    return untracked.sumThenReset();
  }

  private Optional<TokenBucket> bucket(String key, Rate rate, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(now, "now");
    TokenBucket bucket = buckets.get(key);
    if (bucket != null) {
      return Optional.of(bucket);
    }
    if (buckets.size() >= maxBuckets) {
      Instant last = lastInlineEviction.get();
      if (Duration.between(last, now).abs().compareTo(INLINE_EVICTION_EVERY) >= 0
          && lastInlineEviction.compareAndSet(last, now)) {
        evictFull(now);
      }
      if (buckets.size() >= maxBuckets) {
        untracked.increment();
        return Optional.empty();
      }
    }
    return Optional.of(buckets.computeIfAbsent(key, k -> new TokenBucket(rate, now)));
  }
}
