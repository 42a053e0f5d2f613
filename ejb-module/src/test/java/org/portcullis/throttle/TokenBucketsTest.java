package org.portcullis.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.throttle.TokenBucket.Rate;

class TokenBucketsTest {

  private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");
  private static final Rate TWO_A_SECOND = new Rate(2, 2);

  @Test
  void eachKeyHasItsOwnBucket() {
    TokenBuckets buckets = new TokenBuckets(10);

    assertEquals(Optional.empty(), buckets.tryAcquire("system:1", TWO_A_SECOND, T));
    assertEquals(Optional.empty(), buckets.tryAcquire("system:1", TWO_A_SECOND, T));
    assertEquals(
        Optional.of(Duration.ofMillis(500)), buckets.tryAcquire("system:1", TWO_A_SECOND, T));
    assertEquals(Optional.empty(), buckets.tryAcquire("system:2", TWO_A_SECOND, T));
  }

  @Test
  void aKeyFollowsTheLatestRateItIsGiven() {
    TokenBuckets buckets = new TokenBuckets(10);
    buckets.tryAcquire("system:1", new Rate(1, 1), T);

    assertEquals(
        Optional.of(Duration.ofMillis(100)), buckets.tryAcquire("system:1", new Rate(10, 1), T));
  }

  @Test
  void waitTimeCreatesNoBucketAndTakesNothing() {
    TokenBuckets buckets = new TokenBuckets(10);

    assertEquals(Optional.empty(), buckets.waitTime("refused:192.0.2.1", TWO_A_SECOND, T));
    assertEquals(0, buckets.size());
  }

  @Test
  void chargesCloseTheGateUntilTimePaysThemBack() {
    TokenBuckets buckets = new TokenBuckets(10);
    String key = "refused:192.0.2.1";
    for (int i = 0; i < 3; i++) {
      buckets.charge(key, TWO_A_SECOND, T);
    }

    assertEquals(Optional.of(Duration.ofSeconds(1)), buckets.waitTime(key, TWO_A_SECOND, T));
    assertEquals(Optional.empty(), buckets.waitTime(key, TWO_A_SECOND, T.plusSeconds(1)));
  }

  @Test
  void evictsOnlyFullBuckets() {
    TokenBuckets buckets = new TokenBuckets(10);
    buckets.tryAcquire("used-long-ago", TWO_A_SECOND, T);
    buckets.tryAcquire("used-just-now", TWO_A_SECOND, T.plusSeconds(60));

    assertEquals(1, buckets.evictFull(T.plusSeconds(60)));
    assertEquals(1, buckets.size());
    assertEquals(
        Optional.empty(),
        buckets.tryAcquire("used-just-now", TWO_A_SECOND, T.plusSeconds(60)),
        "the bucket in use kept its count: one of two tokens left");
    assertTrue(buckets.tryAcquire("used-just-now", TWO_A_SECOND, T.plusSeconds(60)).isPresent());
  }

  @Test
  void evictingForgivesNothing() {
    TokenBuckets buckets = new TokenBuckets(10);
    buckets.tryAcquire("k", TWO_A_SECOND, T);
    buckets.tryAcquire("k", TWO_A_SECOND, T);
    buckets.evictFull(T.plusSeconds(1));

    assertEquals(Optional.empty(), buckets.tryAcquire("k", TWO_A_SECOND, T.plusSeconds(1)));
    assertEquals(Optional.empty(), buckets.tryAcquire("k", TWO_A_SECOND, T.plusSeconds(1)));
    assertTrue(buckets.tryAcquire("k", TWO_A_SECOND, T.plusSeconds(1)).isPresent());
  }

  @Test
  void atTheBoundANewKeyTakesTheRoomOfAFullBucket() {
    TokenBuckets buckets = new TokenBuckets(2);
    buckets.tryAcquire("a", TWO_A_SECOND, T);
    buckets.tryAcquire("b", TWO_A_SECOND, T);

    Instant later = T.plusSeconds(5); // a and b are full again
    buckets.tryAcquire("c", TWO_A_SECOND, later);

    assertEquals(1, buckets.size());
    assertEquals(0, buckets.untracked());
  }

  @Test
  void atTheBoundWithEveryBucketInUseANewKeyGoesUnlimited() {
    TokenBuckets buckets = new TokenBuckets(2);
    buckets.tryAcquire("a", TWO_A_SECOND, T);
    buckets.tryAcquire("b", TWO_A_SECOND, T);

    for (int i = 0; i < 5; i++) {
      assertEquals(Optional.empty(), buckets.tryAcquire("c", TWO_A_SECOND, T));
    }
    assertEquals(2, buckets.size());
    assertEquals(5, buckets.untracked());
    assertEquals(0, buckets.untracked(), "reset by reading");
    assertTrue(
        buckets.tryAcquire("a", TWO_A_SECOND, T).isEmpty()
            && buckets.tryAcquire("a", TWO_A_SECOND, T).isPresent(),
        "keys already tracked stay limited");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void refusesABoundBelowOne(int maxBuckets) {
    assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(maxBuckets));
  }
}
