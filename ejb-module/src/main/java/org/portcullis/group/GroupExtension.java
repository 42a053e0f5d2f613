package org.portcullis.group;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a group may be extended: one extension adds at most {@link GroupLimits#maxExtension()},
 * and no extension takes the expiry past {@link GroupLimits#maxLifetime()} after the opening. Plain
 * Java, immutable.
 *
 * @param openedAt when the group was opened
 * @param expiresAt when it closes now
 */
public record GroupExtension(Instant openedAt, Instant expiresAt) {

  static final String TYPE = "invalid-extension";

  /** The most one extension may add now; empty when the group has reached its lifetime. */
  public Optional<Duration> mostAllowed(GroupLimits limits) {
    Duration room = Duration.between(expiresAt, openedAt.plus(limits.maxLifetime()));
    Duration most = room.compareTo(limits.maxExtension()) < 0 ? room : limits.maxExtension();
    return most.compareTo(GroupLimits.MIN_DURATION) < 0 ? Optional.empty() : Optional.of(most);
  }

  /** The latest expiry any number of extensions can reach. */
  public Instant latestExpiry(GroupLimits limits) {
    return openedAt.plus(limits.maxLifetime());
  }

  /**
   * The new expiry when {@code duration} (ISO-8601) is added.
   *
   * @throws GroupRuleException naming {@code duration}: not a duration, under a minute, or more
   *     than {@link #mostAllowed}
   */
  public Instant extendBy(String duration, GroupLimits limits) {
    if (duration == null || duration.isBlank()) {
      throw new GroupRuleException(TYPE, "duration", "duration is required, such as PT2H");
    }
    Duration added = GroupTerms.duration("duration", duration);
    Optional<Duration> most = mostAllowed(limits);
    if (most.isEmpty()) {
      throw new GroupRuleException(
          TYPE,
          "duration",
          "this group cannot be extended any more: it may live until "
              + latestExpiry(limits)
              + " at the latest");
    }
    if (added.compareTo(most.get()) > 0) {
      throw new GroupRuleException(
          TYPE,
          "duration",
          "one extension adds at most "
              + most.get()
              + " (the group may live until "
              + latestExpiry(limits)
              + ")");
    }
    return expiresAt.plus(added);
  }
}
