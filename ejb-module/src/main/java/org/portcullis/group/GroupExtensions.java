package org.portcullis.group;

import java.time.Duration;
import java.time.Instant;

/**
 * Extending a group through the single-use signed link mailed with its notice. The link carries a
 * random id and an HMAC of it under the server's pepper; an extension through any link of a group
 * uses up all of them.
 */
public interface GroupExtensions {

  /**
   * What the extension page shows.
   *
   * @param mostAllowed the longest one extension may add now
   * @param latestExpiry no extension goes past this
   */
  record Offer(String groupName, Instant expiresAt, Duration mostAllowed, Instant latestExpiry) {}

  /**
   * @throws org.portcullis.error.DomainException {@value GroupProblems#UNKNOWN_EXTENSION_LINK}
   *     (404), {@value GroupProblems#EXTENSION_LINK_SPENT} (410)
   */
  Offer describe(String token);

  /**
   * Extends the group by {@code duration} (ISO-8601), moves its closing and its next notice, and
   * tells its members.
   *
   * @return the new expiry
   * @throws org.portcullis.error.DomainException as {@link #describe}, and bad input naming {@code
   *     duration} (too short, too long, past the group's lifetime)
   */
  Instant extend(String token, String duration);
}
