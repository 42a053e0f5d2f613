package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.Customer;
import org.portcullis.error.DomainException;
import org.portcullis.error.Refusal;
import org.portcullis.group.AccessCode;
import org.portcullis.group.GroupAudit;
import org.portcullis.group.GroupCaller;
import org.portcullis.group.GroupIds;
import org.portcullis.group.GroupJoining;
import org.portcullis.group.GroupLimits;
import org.portcullis.group.GroupMembers.GroupView;
import org.portcullis.group.GroupMessages.Kind;
import org.portcullis.group.GroupProblems;
import org.portcullis.outbox.OutboxService;
import org.portcullis.time.PortcullisClock;

/**
 * Joins: a challenge for any well-formed group id, then the code. The group's row lock serialises
 * the joins of one group, so the allowance ({@link PrivateGroup#admitEntry}) and the wrong-code
 * counts are exact under any concurrency; every answer costs one Argon2id computation, whether or
 * not there is anything to compare it with.
 */
@Stateless
public class GroupJoiningBean implements GroupJoining {

  private static final String REFUSED_DETAIL =
      "The code is wrong, or this group cannot be joined (it may have closed, or too many wrong"
          + " codes were sent)";

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB GroupAuditTrail trail;
  @EJB OutboxService outbox;
  @EJB GroupSettings settings;
  @EJB GroupRepository groups;
  @EJB GroupStream stream;

  @Override
  public Challenge challenge(String groupId, GroupCaller caller) {
    requireGroupId(groupId);
    Instant now = clock.now();
    JoinChallenge challenge =
        new JoinChallenge(
            GroupIds.newChallengeId(), groupId, caller.terminalId(), now, now.plus(CHALLENGE_TTL));
    em.persist(challenge);
    audit.record(
        caller.actor(),
        GroupAudit.JOIN_CHALLENGE,
        GroupAudit.subject(groupId),
        "OK",
        GroupAudit.terminal(caller.terminalId()));
    return new Challenge(challengeId(challenge), challenge.expiresAt());
  }

  @Override
  public GroupView answer(String groupId, String challengeId, String code, GroupCaller caller) {
    requireGroupId(groupId);
    AccessCode given;
    try {
      given = AccessCode.parse(code);
    } catch (IllegalArgumentException e) {
      // a typo is not a guess: nothing is used up (the answer rolls back)
      throw DomainException.badInput(GroupProblems.INVALID_CODE, "code", e.getMessage());
    }
    Instant now = clock.now();
    spend(challengeId, groupId, caller, now);
    String actor = caller.actor();
    String subject = GroupAudit.subject(groupId);
    String terminal = GroupAudit.terminal(caller.terminalId());

    Optional<PrivateGroup> found = groups.lock(groupId).filter(PrivateGroup::isOpen);
    if (found.isEmpty()) {
      keys.hasher().slowVerifyNothing(given.canonical());
      audit.record(actor, GroupAudit.JOIN, subject, GroupAudit.UNKNOWN, terminal);
      throw refused();
    }
    PrivateGroup group = found.get();
    GroupLimits limits = settings.limits();
    JoinFailure failures = failuresOf(group, caller.terminalId());
    boolean right = keys.hasher().slowVerify(given.canonical(), group.codeHash().orElseThrow());
    if (group.joinsLocked() || failures.locksOut(limits.maxWrongCodesPerTerminal())) {
      audit.record(actor, GroupAudit.JOIN, subject, GroupAudit.LOCKED, terminal);
      throw refused();
    }
    if (!right) {
      failures.count();
      boolean locksNow = group.wrongCode(limits.maxWrongCodes());
      audit.record(
          actor,
          GroupAudit.JOIN,
          subject,
          GroupAudit.WRONG_CODE,
          terminal
              + " terminalFailures="
              + failures.failures()
              + " groupFailures="
              + group.wrongCodes());
      if (locksNow) {
        lockedJoins(group);
      }
      throw refused();
    }
    Customer customer = groups.customer(caller);
    Optional<GroupMember> already = groups.memberByTerminal(group, caller.terminalId());
    if (already.isPresent() && already.get().customerRef().equals(customer.id())) {
      audit.record(actor, GroupAudit.JOIN, subject, "OK", terminal + " already a member");
      return groups.view(group, already.get());
    }
    if (already.isPresent() || groups.memberCount(group) >= limits.maxMembers()) {
      trail.refused(actor, GroupAudit.JOIN, subject, GroupAudit.FULL, terminal);
      throw DomainException.conflict(
          GroupProblems.GROUP_FULL,
          already.isPresent()
              ? "This terminal is in the group under another account"
              : "The group has as many members as it may (" + limits.maxMembers() + ")");
    }
    if (!group.admitEntry(now)) {
      trail.refused(actor, GroupAudit.JOIN, subject, GroupAudit.ALLOWANCE_USED, terminal);
      throw allowanceUsed(group, now);
    }
    GroupMember member =
        new GroupMember(
            group.id(), GroupIds.newMemberId(), customer.id(), caller.terminalId(), false, now);
    em.persist(member);
    stream.server(group, Kind.JOINED, member.memberId(), null, now);
    audit.record(
        actor,
        GroupAudit.JOIN,
        subject,
        "OK",
        terminal + " member=" + member.memberId() + " entries=" + group.entries());
    return groups.view(group, member);
  }

  /** The challenge, locked and checked; it is answered (used up) even when the code is wrong. */
  private void spend(String challengeId, String groupId, GroupCaller caller, Instant now) {
    JoinChallenge challenge =
        GroupIds.isChallengeId(challengeId)
            ? em.createNamedQuery("JoinChallenge.byChallengeId", JoinChallenge.class)
                .setParameter("challengeId", challengeId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null)
            : null;
    if (challenge == null) {
      throw DomainException.notFound(GroupProblems.UNKNOWN_CHALLENGE, "No such join challenge");
    }
    if (!challenge.answerableBy(groupId, caller.terminalId(), now)) {
      throw DomainException.gone(
          GroupProblems.CHALLENGE_SPENT,
          "This challenge was answered already, has expired, or is not this terminal's for this"
              + " group: ask for a new one");
    }
    challenge.answered(now);
  }

  private JoinFailure failuresOf(PrivateGroup group, String terminalId) {
    return em.createNamedQuery("JoinFailure.of", JoinFailure.class)
        .setParameter("group", group.id())
        .setParameter("terminal", terminalId)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              JoinFailure fresh = new JoinFailure(group.id(), terminalId);
              em.persist(fresh);
              return fresh;
            });
  }

  /** Too many wrong codes: nobody joins any more, and the creator is told. */
  private void lockedJoins(PrivateGroup group) {
    Customer creator = em.find(Customer.class, group.creatorRef());
    String mailed = "none (no address)";
    if (creator.email().isPresent()) {
      GroupMails.Mail mail = GroupMails.joinsLocked(group.name().orElse(null), group.wrongCodes());
      long id =
          outbox.queueMail(
              creator.email().get(),
              mail.subject(),
              mail.text(),
              mail.html(),
              mail.images(),
              GroupMails.JOINS_LOCKED);
      mailed = "mail=" + id;
    }
    audit.record(
        GroupAudit.SERVER,
        GroupAudit.JOINS_LOCKED,
        GroupAudit.subject(group.groupId()),
        GroupAudit.LOCKED,
        "wrongCodes=" + group.wrongCodes() + " creator alerted: " + mailed);
  }

  private static DomainException allowanceUsed(PrivateGroup group, Instant now) {
    Optional<Instant> next = group.allowance().flatMap(a -> a.nextWindowAt(group.createdAt(), now));
    if (next.isEmpty() || !next.get().isBefore(group.expiresAt())) {
      return DomainException.conflict(
          GroupProblems.ALLOWANCE_USED, "This group admits no more entries");
    }
    return DomainException.throttled(
        GroupProblems.ALLOWANCE_USED,
        "This group's entries for now are used up; the next are admitted from " + next.get(),
        Duration.between(now, next.get()));
  }

  private static Refusal refused() {
    return Refusal.of(GroupProblems.JOIN_REFUSED, REFUSED_DETAIL);
  }

  private static void requireGroupId(String groupId) {
    if (!GroupIds.isGroupId(groupId)) {
      throw DomainException.badInput(
          GroupProblems.INVALID_GROUP_ID, "groupId", "groupId is not a group id (g-…)");
    }
  }

  private static String challengeId(JoinChallenge challenge) {
    return challenge.challengeId();
  }
}
