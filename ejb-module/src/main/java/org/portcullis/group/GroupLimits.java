package org.portcullis.group;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bounds a deployment puts on private groups (settings {@code portcullis.groups.*}). The
 * defaults are listed once, in {@link #DEFAULTS}; {@code docs/private-groups.md} shows the same
 * table, and a unit test holds the two together.
 *
 * @param maxValidity the longest validity a group may be opened with; also the life of a group
 *     opened with an access allowance only
 * @param maxLifetime no extension takes a group's expiry further than this after its creation
 * @param maxExtension the longest one extension adds
 * @param defaultNotice how long before its expiry a group's members are told, when the creator does
 *     not say
 * @param maxMembers members at once, the creator included
 * @param maxInvitees addresses one opening may invite by mail
 * @param maxFileBytes the largest file, in bytes
 * @param maxWrongCodes wrong codes for one group (from all terminals together) that lock its joins
 * @param maxWrongCodesPerTerminal wrong codes from one terminal that lock that terminal out of the
 *     group
 */
public record GroupLimits(
    Duration maxValidity,
    Duration maxLifetime,
    Duration maxExtension,
    Duration defaultNotice,
    int maxMembers,
    int maxInvitees,
    long maxFileBytes,
    int maxWrongCodes,
    int maxWrongCodesPerTerminal) {

  /** The shortest validity, window, notice or extension: the timer works in seconds. */
  public static final Duration MIN_DURATION = Duration.ofMinutes(1);

  /** At most this many entries per window; more is no limit at all. */
  public static final int MAX_ALLOWANCE = 10_000;

  /** Every setting with its default, in the order the docs list them. */
  public static final Map<String, String> DEFAULTS = defaults();

  public GroupLimits {
    for (Duration duration : new Duration[] {maxValidity, maxLifetime, maxExtension}) {
      if (duration.compareTo(MIN_DURATION) < 0) {
        throw new IllegalArgumentException("group durations must be at least " + MIN_DURATION);
      }
    }
    if (maxLifetime.compareTo(maxValidity) < 0) {
      throw new IllegalArgumentException(
          "portcullis.groups.max-lifetime must not be shorter than max-validity");
    }
    if (defaultNotice.isNegative() || defaultNotice.isZero()) {
      throw new IllegalArgumentException("portcullis.groups.default-notice must be positive");
    }
    if (maxMembers < 2 || maxInvitees < 0 || maxFileBytes < 1) {
      throw new IllegalArgumentException(
          "portcullis.groups.max-members must be at least 2, max-invitees 0 or more,"
              + " max-file-bytes at least 1");
    }
    if (maxWrongCodes < 1 || maxWrongCodesPerTerminal < 1) {
      throw new IllegalArgumentException("the wrong-code limits must be at least 1");
    }
  }

  /** The limits with every default. */
  public static GroupLimits withDefaults() {
    return new GroupLimits(
        Duration.parse(DEFAULTS.get("portcullis.groups.max-validity")),
        Duration.parse(DEFAULTS.get("portcullis.groups.max-lifetime")),
        Duration.parse(DEFAULTS.get("portcullis.groups.max-extension")),
        Duration.parse(DEFAULTS.get("portcullis.groups.default-notice")),
        Integer.parseInt(DEFAULTS.get("portcullis.groups.max-members")),
        Integer.parseInt(DEFAULTS.get("portcullis.groups.max-invitees")),
        Long.parseLong(DEFAULTS.get("portcullis.groups.max-file-bytes")),
        Integer.parseInt(DEFAULTS.get("portcullis.groups.max-wrong-codes")),
        Integer.parseInt(DEFAULTS.get("portcullis.groups.max-wrong-codes-per-terminal")));
  }

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("portcullis.groups.max-validity", "P7D");
    defaults.put("portcullis.groups.max-lifetime", "P30D");
    defaults.put("portcullis.groups.max-extension", "P7D");
    defaults.put("portcullis.groups.default-notice", "PT15M");
    defaults.put("portcullis.groups.max-members", "50");
    defaults.put("portcullis.groups.max-invitees", "20");
    defaults.put("portcullis.groups.max-file-bytes", "10485760");
    defaults.put("portcullis.groups.max-wrong-codes", "100");
    defaults.put("portcullis.groups.max-wrong-codes-per-terminal", "5");
    return Collections.unmodifiableMap(defaults);
  }
}
