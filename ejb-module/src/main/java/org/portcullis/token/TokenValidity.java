package org.portcullis.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When one access token was issued (its login) and when it expires. A token is valid strictly
 * before {@code expires}: at the expiry instant itself it has expired. Immutable.
 */
public record TokenValidity(Instant issued, Instant expires) {

  public TokenValidity {
    Objects.requireNonNull(issued, "issued");
    Objects.requireNonNull(expires, "expires");
    if (expires.isBefore(issued)) {
      throw new IllegalArgumentException("a token cannot expire before it was issued");
    }
  }

  public boolean isExpiredAt(Instant now) {
    return !expires.isAfter(now);
  }

  /** {@code expires − now}: zero or negative once the token has expired. */
  public Duration remainingAt(Instant now) {
    return Duration.between(now, expires);
  }

  /** The instant that no extension passes: the login plus the absolute ceiling. */
  public Instant ceiling(Duration ceiling) {
    return issued.plus(ceiling);
  }
}
