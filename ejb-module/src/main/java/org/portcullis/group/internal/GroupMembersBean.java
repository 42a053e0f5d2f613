package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.portcullis.audit.AuditLog;
import org.portcullis.error.DomainException;
import org.portcullis.group.GroupAudit;
import org.portcullis.group.GroupCaller;
import org.portcullis.group.GroupLive;
import org.portcullis.group.GroupMembers;
import org.portcullis.group.GroupMessages.Kind;
import org.portcullis.group.GroupProblems;
import org.portcullis.time.PortcullisClock;

/** A member's view of its group, and leaving it. */
@Stateless
public class GroupMembersBean implements GroupMembers {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB GroupRepository groups;
  @EJB GroupStream stream;
  @EJB GroupLive live;
  @EJB AfterCommit afterCommit;

  @Override
  public GroupView describe(String groupId, GroupCaller caller) {
    GroupRepository.Membership membership = groups.requireMember(groupId, caller, false);
    return groups.view(membership.group(), membership.member());
  }

  @Override
  public void leave(String groupId, GroupCaller caller) {
    GroupRepository.Membership membership = groups.requireMember(groupId, caller, true);
    GroupMember member = membership.member();
    if (member.creator()) {
      throw DomainException.conflict(
          GroupProblems.CREATOR_STAYS, "The group's creator closes the group instead of leaving");
    }
    Instant now = clock.now();
    em.createNamedQuery("LiveTicket.deleteOfMember")
        .setParameter("member", member.id())
        .executeUpdate();
    em.remove(member);
    stream.server(membership.group(), Kind.LEFT, member.memberId(), null, now);
    String memberId = member.memberId();
    afterCommit.run(
        "closing a departed member's sockets",
        () -> live.closeMember(groupId, memberId, GroupLive.CLOSE_LEFT, "left the group"));
    audit.record(
        caller.actor(),
        GroupAudit.LEAVE,
        GroupAudit.subject(groupId),
        "OK",
        "member=" + memberId + " " + GroupAudit.terminal(caller.terminalId()));
  }
}
