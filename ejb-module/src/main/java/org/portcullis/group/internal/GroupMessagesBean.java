package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Base64;
import java.util.List;
import org.portcullis.audit.AuditLog;
import org.portcullis.error.DomainException;
import org.portcullis.group.GroupAudit;
import org.portcullis.group.GroupCaller;
import org.portcullis.group.GroupContent;
import org.portcullis.group.GroupIds;
import org.portcullis.group.GroupMessages;
import org.portcullis.group.GroupProblems;
import org.portcullis.group.GroupRuleException;
import org.portcullis.time.PortcullisClock;

/**
 * Posts to a group's stream (under the group's row lock, which numbers the entries) and reads it. A
 * forward needs the caller's membership of the source group and that group's rebroadcast flag; the
 * forwarded copy is the member's own re-encryption under the target group's key, the server only
 * checks where it claims to come from.
 */
@Stateless
public class GroupMessagesBean implements GroupMessages {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB GroupAuditTrail trail;
  @EJB GroupRepository groups;
  @EJB GroupStream stream;

  @Override
  public Posted post(String groupId, String ciphertext, Forward forwardOf, GroupCaller caller) {
    byte[] bytes;
    try {
      bytes = GroupContent.ciphertext(ciphertext);
    } catch (GroupRuleException refused) {
      throw DomainException.badInput(refused.type(), refused.field(), refused.getMessage());
    }
    GroupRepository.Membership membership = groups.requireMember(groupId, caller, true);
    String detail = "bytes=" + bytes.length;
    String action = GroupAudit.MESSAGE;
    if (forwardOf != null) {
      checkForward(forwardOf, groupId, caller);
      action = GroupAudit.FORWARD;
      detail += " from=" + GroupAudit.subject(forwardOf.groupId()) + "/" + forwardOf.messageId();
    }
    Entry entry =
        stream.message(
            membership.group(),
            membership.member().memberId(),
            Base64.getEncoder().encodeToString(bytes),
            forwardOf,
            clock.now());
    audit.record(
        caller.actor(),
        action,
        GroupAudit.subject(groupId),
        "OK",
        "seq=" + entry.seq() + " " + detail);
    return new Posted(entry.id(), entry.seq());
  }

  private void checkForward(Forward forwardOf, String groupId, GroupCaller caller) {
    if (!GroupIds.isGroupId(forwardOf.groupId()) || !GroupIds.isEntryId(forwardOf.messageId())) {
      throw DomainException.badInput(
          "invalid-forward", "forwardOf", "forwardOf needs the groupId and messageId it copies");
    }
    // read, not locked: the source's flag never changes, and locking a second group could deadlock
    GroupRepository.Membership source = groups.requireMember(forwardOf.groupId(), caller, false);
    GroupEntry original =
        em.createNamedQuery("GroupEntry.byEntryId", GroupEntry.class)
            .setParameter("group", source.group().id())
            .setParameter("entryId", forwardOf.messageId())
            .getResultStream()
            .filter(e -> e.kind() == Kind.MESSAGE || e.kind() == Kind.FILE)
            .findFirst()
            .orElseThrow(
                () ->
                    DomainException.notFound(
                        GroupProblems.UNKNOWN_ENTRY, "No such message in the group it names"));
    if (!source.group().rebroadcast() && !forwardOf.groupId().equals(groupId)) {
      trail.refused(
          caller.actor(),
          GroupAudit.FORWARD,
          GroupAudit.subject(groupId),
          GroupAudit.REFUSED,
          "from=" + GroupAudit.subject(forwardOf.groupId()) + "/" + original.entryId());
      throw DomainException.forbidden(
          GroupProblems.REBROADCAST_OFF,
          "The group this message comes from does not allow its messages to be forwarded");
    }
  }

  @Override
  public List<Entry> since(String groupId, long after, int limit, GroupCaller caller) {
    if (after < 0) {
      throw DomainException.badInput("invalid-message", "after", "after must be 0 or more");
    }
    if (limit < 1 || limit > GroupContent.MAX_FETCH) {
      throw DomainException.badInput(
          "invalid-limit", "limit", "limit must be 1 to " + GroupContent.MAX_FETCH);
    }
    GroupRepository.Membership membership = groups.requireMember(groupId, caller, false);
    return em.createNamedQuery("GroupEntry.since", GroupEntry.class)
        .setParameter("group", membership.group().id())
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultStream()
        .map(GroupStream::view)
        .toList();
  }
}
