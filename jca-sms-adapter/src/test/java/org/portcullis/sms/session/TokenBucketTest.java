package org.portcullis.sms.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  /** A ticker the test moves; sleeping advances it, as real sleeping would. */
  private long now = 1_000_000 * MS;

  private final List<Long> sleeps = new ArrayList<>();

  private TokenBucket bucket(double rate, int capacity) {
    return new TokenBucket(
        rate,
        capacity,
        () -> now,
        nanos -> {
          sleeps.add(nanos);
          now += nanos;
        });
  }

  @Test
  void aPacerSpacesPermitsEvenly() throws InterruptedException {
    TokenBucket bucket = bucket(10, 1);
    long start = now;
    for (int i = 0; i < 30; i++) {
      bucket.acquire();
    }
    // the first is free, the other 29 come every 100 ms
    assertEquals(2_900 * MS, now - start);
    assertEquals(29, sleeps.size());
    sleeps.forEach(nanos -> assertEquals(100 * MS, nanos));
  }

  @Test
  void noOneSecondWindowHoldsMoreThanTheRate() {
    TokenBucket bucket = bucket(10, 1);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      times.add(now + bucket.reserve());
    }
    for (int i = 0; i + 10 < times.size(); i++) {
      assertTrue(times.get(i + 10) - times.get(i) >= 1_000 * MS, "window at " + i);
    }
  }

  @Test
  void idleTimeRefillsUpToCapacityOnly() {
    TokenBucket bucket = bucket(10, 5);
    for (int i = 0; i < 5; i++) {
      assertEquals(0, bucket.reserve(), "burst of " + (i + 1));
    }
    assertEquals(100 * MS, bucket.reserve());
    now += 10_000 * MS; // ten idle seconds would be 100 tokens; the bucket holds 5
    for (int i = 0; i < 5; i++) {
      assertEquals(0, bucket.reserve());
    }
    assertEquals(100 * MS, bucket.reserve());
  }

  @Test
  void concurrentReservationsQueueForSuccessiveSlots() {
    TokenBucket bucket = bucket(4, 1);
    assertEquals(0, bucket.reserve());
    assertEquals(250 * MS, bucket.reserve());
    assertEquals(500 * MS, bucket.reserve());
    now += 300 * MS;
    assertEquals(450 * MS, bucket.reserve());
  }

  @Test
  void rateZeroIsUnlimited() throws InterruptedException {
    TokenBucket bucket = bucket(0, 1);
    assertTrue(bucket.unlimited());
    for (int i = 0; i < 1_000; i++) {
      bucket.acquire();
    }
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void refusesNegativeRatesAndEmptyBuckets() {
    assertThrows(IllegalArgumentException.class, () -> bucket(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> bucket(1, 0));
  }
}
