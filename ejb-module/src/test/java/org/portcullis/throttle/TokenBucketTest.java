package org.portcullis.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.throttle.TokenBucket.Rate;

class TokenBucketTest {

  private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");

  private static int drain(TokenBucket bucket, Instant now) {
    int allowed = 0;
    while (bucket.tryAcquire(now).isEmpty()) {
      allowed++;
    }
    return allowed;
  }

  @ParameterizedTest
  @CsvSource({
    "10, 3, PT0.1S",
    "0.5, 1, PT2S",
    "1, 40, PT1S",
    "100, 200, PT0.01S",
    "3, 2, PT0.333333334S", // a third of a second, rounded up to the next nanosecond
    "0.0625, 5, PT16S"
  })
  void allowsTheBurstThenRefusesWithTheWaitForOneToken(double perSecond, int burst, Duration wait) {
    TokenBucket bucket = new TokenBucket(new Rate(perSecond, burst), T);

    assertEquals(burst, drain(bucket, T));
    assertEquals(Optional.of(wait), bucket.tryAcquire(T));
  }

  @Test
  void aRefusalTakesNothing() {
    TokenBucket bucket = new TokenBucket(new Rate(10, 1), T);
    bucket.tryAcquire(T);

    for (int i = 0; i < 5; i++) {
      assertEquals(Optional.of(Duration.ofMillis(100)), bucket.tryAcquire(T));
    }
    assertEquals(Optional.empty(), bucket.tryAcquire(T.plusMillis(100)));
  }

  @ParameterizedTest
  @CsvSource({"10, 5", "0.5, 1", "3, 2", "100, 200"})
  void waitingAsToldGivesExactlyOneToken(double perSecond, int burst) {
    TokenBucket bucket = new TokenBucket(new Rate(perSecond, burst), T);
    drain(bucket, T);
    Duration wait = bucket.tryAcquire(T).orElseThrow();

    assertTrue(bucket.tryAcquire(T.plus(wait).minusNanos(1000)).isPresent(), "not yet");
    assertEquals(Optional.empty(), bucket.tryAcquire(T.plus(wait)));
    assertTrue(bucket.tryAcquire(T.plus(wait)).isPresent(), "only one");
  }

  @Test
  void refillsInProportionToTimeUpToTheBurst() {
    TokenBucket bucket = new TokenBucket(new Rate(10, 5), T);
    drain(bucket, T);

    Instant later = T.plusMillis(250); // 2.5 tokens
    assertEquals(2, drain(bucket, later));
    assertEquals(Optional.of(Duration.ofMillis(50)), bucket.tryAcquire(later));

    assertEquals(5, drain(bucket, later.plus(Duration.ofHours(3))), "never more than the burst");
  }

  @Test
  void keepsToTheRateUnderSteadyLoad() {
    TokenBucket bucket = new TokenBucket(new Rate(20, 200), T);
    int allowed = 0;
    for (int ms = 0; ms < 60_000; ms++) { // one request every millisecond for a minute
      if (bucket.tryAcquire(T.plusMillis(ms)).isEmpty()) {
        allowed++;
      }
    }
    assertEquals(200 + 20 * 60, allowed, 1);
  }

  @Test
  void timeMovingBackwardsMintsNoTokens() {
    TokenBucket bucket = new TokenBucket(new Rate(10, 2), T);
    drain(bucket, T);

    Instant earlier = T.minus(Duration.ofHours(1));
    assertEquals(
        Optional.of(Duration.ofHours(1).plusMillis(100)),
        bucket.tryAcquire(earlier),
        "nothing refills until time is past where it was");
    assertEquals(Optional.of(Duration.ofMillis(100)), bucket.tryAcquire(T), "back at T: none");
    assertEquals(1, drain(bucket, T.plusMillis(100)), "the span after T is counted once");
  }

  @Test
  void backAndForthDoesNotCountTheSameSpanTwice() {
    TokenBucket bucket = new TokenBucket(new Rate(1, 10), T);
    drain(bucket, T);

    assertEquals(3, drain(bucket, T.plusSeconds(3)));
    assertEquals(0, drain(bucket, T.plusSeconds(1)));
    assertEquals(0, drain(bucket, T.plusSeconds(3)));
    assertEquals(1, drain(bucket, T.plusSeconds(4)));
  }

  @Test
  void aSmallerBurstCapsWhatIsHeld() {
    TokenBucket bucket = new TokenBucket(new Rate(1, 10), T);

    assertEquals(Optional.empty(), bucket.tryAcquire(T, new Rate(1, 2)));
    assertEquals(1, drain(bucket, T));
    assertEquals(new Rate(1, 2), bucket.rate());
  }

  @Test
  void aLargerBurstGrantsNothingUntilTimePasses() {
    TokenBucket bucket = new TokenBucket(new Rate(1, 2), T);
    Rate larger = new Rate(1, 10);

    assertEquals(Optional.empty(), bucket.tryAcquire(T, larger));
    assertEquals(1, drain(bucket, T));
    assertEquals(10, drain(bucket, T.plusSeconds(60)));
  }

  @Test
  void aFasterRateRefillsFasterFromTheChangeOn() {
    TokenBucket bucket = new TokenBucket(new Rate(1, 1), T);
    bucket.tryAcquire(T);

    Instant half = T.plusMillis(500); // half a token at the old rate
    Rate faster = new Rate(10, 1);
    assertEquals(Optional.of(Duration.ofMillis(50)), bucket.tryAcquire(half, faster));
    assertEquals(Optional.empty(), bucket.tryAcquire(half.plusMillis(50)));
  }

  @Test
  void aSlowerRateRefillsSlowerFromTheChangeOn() {
    TokenBucket bucket = new TokenBucket(new Rate(10, 1), T);
    bucket.tryAcquire(T);

    Instant half = T.plusMillis(50); // half a token at the old rate
    Rate slower = new Rate(0.5, 1);
    assertEquals(Optional.of(Duration.ofSeconds(1)), bucket.tryAcquire(half, slower));
    assertTrue(bucket.tryAcquire(half.plusMillis(999)).isPresent());
    assertEquals(Optional.empty(), bucket.tryAcquire(half.plusSeconds(1)));
  }

  @Test
  void waitTimeTakesNothing() {
    Rate rate = new Rate(1, 1);
    TokenBucket bucket = new TokenBucket(rate, T);

    assertEquals(Optional.empty(), bucket.waitTime(T, rate));
    assertEquals(Optional.empty(), bucket.waitTime(T, rate));
    assertEquals(Optional.empty(), bucket.tryAcquire(T));
    assertEquals(Optional.of(Duration.ofSeconds(1)), bucket.waitTime(T, rate));
  }

  @Test
  void chargeRunsIntoDebtThatTimeMustPayBack() {
    Rate rate = new Rate(1, 2);
    TokenBucket bucket = new TokenBucket(rate, T);

    for (int i = 0; i < 4; i++) {
      bucket.charge(T, rate);
    }
    // two in debt: three seconds to one token
    assertEquals(Optional.of(Duration.ofSeconds(3)), bucket.waitTime(T, rate));
    assertEquals(Optional.of(Duration.ofSeconds(3)), bucket.tryAcquire(T));
    assertEquals(Optional.empty(), bucket.tryAcquire(T.plusSeconds(3)));
  }

  @Test
  void debtIsAtMostOneBurst() {
    Rate rate = new Rate(1, 2);
    TokenBucket bucket = new TokenBucket(rate, T);

    for (int i = 0; i < 1000; i++) {
      bucket.charge(T, rate);
    }
    assertEquals(Optional.of(Duration.ofSeconds(3)), bucket.waitTime(T, rate));
  }

  @Test
  void isFullUntilUsedAndAgainOnceRefilled() {
    TokenBucket bucket = new TokenBucket(new Rate(2, 4), T);
    assertTrue(bucket.isFull(T));

    bucket.tryAcquire(T);
    assertFalse(bucket.isFull(T));
    assertFalse(bucket.isFull(T.plusMillis(499)));
    assertTrue(bucket.isFull(T.plusMillis(500)));
  }

  @Test
  void concurrentCallersShareTheBurstExactly() throws Exception {
    TokenBucket bucket = new TokenBucket(new Rate(1, 1000), T);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> callers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        callers.add(
            () -> {
              int allowed = 0;
              for (int n = 0; n < 500; n++) {
                if (bucket.tryAcquire(T).isEmpty()) {
                  allowed++;
                }
              }
              return allowed;
            });
      }
      int total = 0;
      for (Future<Integer> allowed : pool.invokeAll(callers)) {
        total += allowed.get();
      }
      assertEquals(1000, total);
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "PT0S, PT1S",
    "PT0.000000001S, PT1S",
    "PT0.999S, PT1S",
    "PT1S, PT1S",
    "PT1.000000001S, PT2S",
    "PT59.5S, PT60S",
    "PT1H, PT1H"
  })
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne(Duration wait, Duration retryAfter) {
    assertEquals(retryAfter, TokenBucket.retryAfter(wait));
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "-1, 1", "NaN, 1", "Infinity, 1", "-Infinity, 1", "1, 0", "1, -5"})
  void refusesRatesThatCouldNeverAllowARequest(double perSecond, int burst) {
    assertThrows(IllegalArgumentException.class, () -> new Rate(perSecond, burst));
  }

  @Test
  void acceptsSlowRatesAndSingleTokenBursts() {
    Rate rate = new Rate(1e-6, 1);
    TokenBucket bucket = new TokenBucket(rate, T);

    assertEquals(Optional.empty(), bucket.tryAcquire(T));
    assertEquals(Optional.of(Duration.ofSeconds(1_000_000)), bucket.tryAcquire(T));
  }
}
