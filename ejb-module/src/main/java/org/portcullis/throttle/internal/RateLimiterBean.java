package org.portcullis.throttle.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.portcullis.throttle.RateLimiter;
import org.portcullis.throttle.ThrottleSettings;
import org.portcullis.throttle.TokenBucket.Rate;
import org.portcullis.throttle.TokenBuckets;
import org.portcullis.time.PortcullisClock;

/**
 * This node's token buckets ({@link TokenBuckets}), read against the server's clock so that tests
 * can move time. Bean-managed concurrency: the table is thread-safe, and a container lock would
 * make every API request wait on every other.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// no container transaction: it touches no database and is called on every API request
@TransactionManagement(TransactionManagementType.BEAN)
public class RateLimiterBean implements RateLimiter {

  private static final Logger LOG = Logger.getLogger(RateLimiterBean.class.getName());

  @EJB PortcullisClock clock;

  @EJB ThrottleSettings settings;

  private TokenBuckets buckets;

  @PostConstruct
  void create() {
    buckets = new TokenBuckets(settings.maxBuckets());
  }

  @Override
  public void check(String key, Rate rate) {
    Optional<Duration> wait = buckets.tryAcquire(key, rate, clock.now());
    if (wait.isPresent()) {
      throw RateLimiter.throttled(wait.get());
    }
  }

  @Override
  public void checkNotExhausted(String key, Rate rate) {
    Optional<Duration> wait = buckets.waitTime(key, rate, clock.now());
    if (wait.isPresent()) {
      throw RateLimiter.throttled(wait.get());
    }
  }

  @Override
  public void charge(String key, Rate rate) {
    buckets.charge(key, rate, clock.now());
  }

  /**
   * Every minute, drops the full buckets, which forgives nothing and keeps memory to the callers of
   * the last minute or so. Not persistent: the buckets are this node's, so every node sweeps its
   * own (a persistent timer would fire on one node of the cluster only).
   */
  @Schedule(minute = "*", hour = "*", persistent = false, info = "throttle-eviction")
  void evictIdle() {
    int evicted = buckets.evictFull(clock.now());
    long untracked = buckets.untracked();
    if (untracked > 0) {
      LOG.warning(
          () ->
              "Rate limiting: "
                  + untracked
                  + " requests from new callers went unlimited in the last minute: every one of"
                  + " the "
                  + settings.maxBuckets()
                  + " buckets (portcullis.throttle.max-buckets) was in use");
    }
    LOG.fine(
        () -> "Rate limiting: dropped " + evicted + " idle buckets, " + buckets.size() + " left");
  }
}
