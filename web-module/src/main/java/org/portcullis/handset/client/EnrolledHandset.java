package org.portcullis.handset.client;

import java.time.Instant;
import java.util.Objects;

/**
 * An enrolled handset and its access token (app ID {@code handset}, terminal = the handset id).
 *
 * <p>The token is {@code <key>.<secret>}: the key names it, the secret proves it. {@link
 * #toString()} shows the key only, so a handset can be logged or put in an assertion message
 * without giving its token away.
 *
 * @param handsetId the server's id for the handset, also its terminal ID
 * @param token the bearer token, {@code <key>.<secret>}
 * @param expiresAt when the token expires unless used (use extends it)
 */
public record EnrolledHandset(String handsetId, String token, Instant expiresAt) {

  /**
   * @throws IllegalArgumentException for a blank id or a token that is not {@code <key>.<secret>}
   */
  public EnrolledHandset {
    Objects.requireNonNull(handsetId, "handsetId");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (handsetId.isBlank()) {
      throw new IllegalArgumentException("the handset id is blank");
    }
    int dot = token.indexOf('.');
    // no message naming the token: it would carry the secret into logs
    if (dot <= 0 || dot == token.length() - 1 || token.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("the token is not of the form <key>.<secret>");
    }
  }

  /** The token's key: the part before the first dot, which names it and is not a secret. */
  public String tokenKey() {
    return token.substring(0, token.indexOf('.'));
  }

  /** The same handset with the token's new expiry, e.g. after an access request extended it. */
  public EnrolledHandset withExpiresAt(Instant newExpiry) {
    return new EnrolledHandset(handsetId, token, newExpiry);
  }

  /** Shows the token's key, never its secret. */
  @Override
  public String toString() {
    return "EnrolledHandset[handsetId=%s, token=%s.…, expiresAt=%s]"
        .formatted(handsetId, tokenKey(), expiresAt);
  }
}
