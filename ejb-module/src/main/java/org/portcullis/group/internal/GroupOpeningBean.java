package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.Customer;
import org.portcullis.error.DomainException;
import org.portcullis.group.AccessCode;
import org.portcullis.group.GroupAudit;
import org.portcullis.group.GroupCaller;
import org.portcullis.group.GroupIds;
import org.portcullis.group.GroupMessages.Kind;
import org.portcullis.group.GroupOpening;
import org.portcullis.group.GroupProblems;
import org.portcullis.group.GroupRuleException;
import org.portcullis.group.GroupTerms;
import org.portcullis.mail.QrCodes;
import org.portcullis.outbox.OutboxService;
import org.portcullis.time.PortcullisClock;

/**
 * Opens a group: checks the terms ({@link GroupTerms}) and the code ({@link AccessCode}), stores
 * only the code's Argon2id hash, makes the opener the first member and mails the invitations, whose
 * bodies the outbox erases once they are sent.
 */
@Stateless
public class GroupOpeningBean implements GroupOpening {

  /** The public salt of the members' key derivation: 128 bits, like Argon2's own. */
  private static final int KDF_SALT_BYTES = 16;

  private static final int QR_SIZE = 240;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB OutboxService outbox;
  @EJB GroupSettings settings;
  @EJB GroupRepository groups;
  @EJB GroupStream stream;

  @Override
  public Opened open(Request request, GroupCaller caller) {
    GroupTerms terms;
    try {
      terms = GroupTerms.check(request, settings.limits());
    } catch (GroupRuleException refused) {
      throw DomainException.badInput(refused.type(), refused.field(), refused.getMessage());
    }
    boolean generated = request.code() == null;
    AccessCode code = generated ? AccessCode.generate(Randoms.secureRandom()) : ownCode(request);
    Customer opener = groups.customer(caller);
    Instant now = clock.now();
    String groupId = GroupIds.newGroupId();
    PrivateGroup group =
        new PrivateGroup(
            groupId,
            opener.id(),
            keys.hasher().slowHash(code.canonical()),
            Randoms.urlToken(KDF_SALT_BYTES),
            terms,
            now);
    em.persist(group);
    // rows refer to the group by its id only, so JPA cannot order the inserts: the group first
    em.flush();
    GroupMember member =
        new GroupMember(
            group.id(), GroupIds.newMemberId(), opener.id(), caller.terminalId(), true, now);
    em.persist(member);
    stream.server(group, Kind.JOINED, member.memberId(), null, now);

    String joinUrl = settings.joinLinks().of(groupId, code);
    for (String invitee : terms.invitees()) {
      GroupMails.Mail mail = GroupMails.invitation(terms.name(), code, joinUrl, group.expiresAt());
      long mailId =
          outbox.queueMailErasedWhenSent(
              invitee,
              mail.subject(),
              mail.text(),
              mail.html(),
              mail.images(),
              GroupMails.INVITATION);
      audit.record(
          caller.actor(), GroupAudit.INVITE, GroupAudit.subject(groupId), "OK", "mail=" + mailId);
    }
    audit.record(
        caller.actor(),
        GroupAudit.OPEN,
        GroupAudit.subject(groupId),
        "OK",
        GroupAudit.terminal(caller.terminalId())
            + " validity="
            + terms.validity()
            + " allowance="
            + terms
                .allowance()
                .map(a -> a.count() + "/" + a.per().map(Object::toString).orElse("life"))
                .orElse("none")
            + " rebroadcast="
            + terms.rebroadcast()
            + " notice="
            + terms.notice()
            + " invitees="
            + terms.invitees().size()
            + " code="
            + (generated ? "server" : "own"));
    return new Opened(
        groupId,
        member.memberId(),
        generated ? code.grouped() : null,
        joinUrl,
        QrCodes.png(joinUrl, QR_SIZE),
        group.expiresAt(),
        group.kdfSalt().orElseThrow(),
        group.rebroadcast());
  }

  private static AccessCode ownCode(Request request) {
    AccessCode code;
    try {
      code = AccessCode.parse(request.code());
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput(GroupProblems.INVALID_CODE, "code", e.getMessage());
    }
    code.weakness()
        .ifPresent(
            weakness -> {
              throw DomainException.badInput(GroupProblems.WEAK_CODE, "code", weakness);
            });
    return code;
  }
}
