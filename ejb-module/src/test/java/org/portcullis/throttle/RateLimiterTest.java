package org.portcullis.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.error.DomainException;

class RateLimiterTest {

  @ParameterizedTest
  @CsvSource({
    "PT0.05S, PT1S, Too many requests; try again in 1 second",
    "PT1S, PT1S, Too many requests; try again in 1 second",
    "PT1.2S, PT2S, Too many requests; try again in 2 seconds",
    "PT59.001S, PT1M, Too many requests; try again in 60 seconds"
  })
  void aRefusalSaysWhenToComeBackInWholeSeconds(Duration wait, Duration retryAfter, String detail) {
    DomainException refusal = RateLimiter.throttled(wait);

    assertEquals(DomainException.Kind.THROTTLED, refusal.kind());
    assertEquals("rate-limited", refusal.type());
    assertEquals(detail, refusal.getMessage());
    assertEquals(Optional.of(retryAfter), refusal.retryAfter());
  }
}
