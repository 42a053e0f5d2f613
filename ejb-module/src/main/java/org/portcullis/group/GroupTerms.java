package org.portcullis.group;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.portcullis.mail.MailAddresses;

/**
 * The terms a group is opened on, checked against the deployment's {@link GroupLimits}: how long it
 * lives, how many entries it admits, whether its messages may be forwarded, when its members are
 * told it is about to close, and whom to invite. The API and any other edge hand the domain a
 * {@link GroupOpening.Request}; this class alone decides what it means.
 *
 * <ul>
 *   <li>At least one of validity and access allowance. Without a validity a group lives the longest
 *       validity allowed ({@link GroupLimits#maxValidity()}): every group closes some day.
 *   <li>Validity, window and notice are ISO-8601 durations of at least a minute; the notice is
 *       shorter than the validity, so it falls after the opening.
 * </ul>
 *
 * @param name shown to the members (and to staff while the group is open); null for none
 * @param validity from the opening to the closing
 * @param allowance entries admitted per window; empty for no limit but {@link
 *     GroupLimits#maxMembers()}
 * @param rebroadcast whether members may forward the group's messages into other groups
 * @param notice how long before the closing members are told
 * @param invitees distinct addresses to mail the invitation to
 */
public record GroupTerms(
    String name,
    Duration validity,
    Optional<AccessAllowance> allowance,
    boolean rebroadcast,
    Duration notice,
    List<String> invitees) {

  /** The longest group name. */
  public static final int MAX_NAME = 100;

  static final String TYPE = "invalid-group-terms";

  public GroupTerms {
    invitees = List.copyOf(invitees);
  }

  /**
   * Checks a request and says what it means.
   *
   * @throws GroupRuleException naming the first field at fault
   */
  public static GroupTerms check(GroupOpening.Request request, GroupLimits limits) {
    if (request == null) {
      throw new GroupRuleException(TYPE, "body", "a JSON body is required");
    }
    String name = name(request.name());
    Optional<AccessAllowance> allowance = allowance(request.accesses(), limits);
    Duration validity;
    if (request.validity() == null) {
      if (allowance.isEmpty()) {
        throw new GroupRuleException(
            TYPE, "validity", "give a validity, an access allowance (accesses), or both");
      }
      validity = limits.maxValidity();
    } else {
      validity = duration("validity", request.validity());
      if (validity.compareTo(limits.maxValidity()) > 0) {
        throw new GroupRuleException(
            TYPE, "validity", "validity must be at most " + limits.maxValidity());
      }
    }
    if (request.rebroadcast() == null) {
      throw new GroupRuleException(
          TYPE, "rebroadcast", "rebroadcast is required: true lets members forward messages");
    }
    Duration notice =
        request.notice() == null ? limits.defaultNotice() : duration("notice", request.notice());
    if (notice.compareTo(validity) >= 0) {
      throw new GroupRuleException(
          TYPE,
          request.notice() == null ? "validity" : "notice",
          "the notice ("
              + notice
              + ") must be shorter than the validity ("
              + validity
              + ")"
              + (request.notice() == null ? "; give a shorter notice" : ""));
    }
    return new GroupTerms(
        name,
        validity,
        allowance,
        request.rebroadcast(),
        notice,
        invitees(request.invitees(), limits));
  }

  /** When a group opened at {@code openedAt} on these terms closes. */
  public Instant expiresAt(Instant openedAt) {
    return openedAt.plus(validity);
  }

  /** When the members of a group closing at {@code expiresAt} are told. */
  public static Instant noticeAt(Instant expiresAt, Duration notice) {
    return expiresAt.minus(notice);
  }

  /**
   * An ISO-8601 duration of at least {@link GroupLimits#MIN_DURATION}.
   *
   * @throws GroupRuleException naming {@code field}
   */
  public static Duration duration(String field, String text) {
    Duration duration;
    try {
      duration = Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new GroupRuleException(
          TYPE, field, field + " must be an ISO-8601 duration such as PT2H or P1D");
    }
    if (duration.compareTo(GroupLimits.MIN_DURATION) < 0) {
      throw new GroupRuleException(TYPE, field, field + " must be at least a minute (PT1M)");
    }
    return duration;
  }

  private static String name(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String stripped = name.strip();
    if (stripped.length() > MAX_NAME) {
      throw new GroupRuleException(
          TYPE, "name", "name must be at most " + MAX_NAME + " characters");
    }
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw new GroupRuleException(TYPE, "name", "name must be one line of text");
    }
    return stripped;
  }

  private static Optional<AccessAllowance> allowance(
      GroupOpening.Allowance accesses, GroupLimits limits) {
    if (accesses == null) {
      return Optional.empty();
    }
    if (accesses.count() == null
        || accesses.count() < 1
        || accesses.count() > GroupLimits.MAX_ALLOWANCE) {
      throw new GroupRuleException(
          TYPE,
          "accesses.count",
          "accesses.count must be 1 to " + GroupLimits.MAX_ALLOWANCE + " entries per window");
    }
    Optional<Duration> per = Optional.empty();
    if (accesses.per() != null) {
      Duration window = duration("accesses.per", accesses.per());
      if (window.compareTo(limits.maxLifetime()) > 0) {
        throw new GroupRuleException(
            TYPE, "accesses.per", "accesses.per must be at most " + limits.maxLifetime());
      }
      per = Optional.of(window);
    }
    return Optional.of(new AccessAllowance(accesses.count(), per));
  }

  private static List<String> invitees(List<String> given, GroupLimits limits) {
    if (given == null || given.isEmpty()) {
      return List.of();
    }
    if (given.size() > limits.maxInvitees()) {
      throw new GroupRuleException(
          TYPE, "invitees", "at most " + limits.maxInvitees() + " invitees at a time");
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> invitees = new ArrayList<>();
    for (String address : given) {
      String stripped = address == null ? "" : address.strip();
      if (!MailAddresses.isValid(stripped)) {
        throw new GroupRuleException(
            TYPE, "invitees", "every invitee must be an e-mail address such as a@example.org");
      }
      if (seen.add(stripped.toLowerCase(Locale.ROOT))) {
        invitees.add(stripped);
      }
    }
    return invitees;
  }
}
