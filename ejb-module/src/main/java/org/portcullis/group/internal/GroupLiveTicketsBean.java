package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.group.GroupAudit;
import org.portcullis.group.GroupCaller;
import org.portcullis.group.GroupIds;
import org.portcullis.group.GroupLive;
import org.portcullis.group.GroupLiveTickets;
import org.portcullis.time.PortcullisClock;

/**
 * Issues and redeems the tickets of the live sockets. A ticket is 256 random bits; the row holds
 * its HMAC under the pepper and is used up by the first redemption (under its row lock), so a
 * ticket opens one socket on one node even with two.
 */
@Stateless
public class GroupLiveTicketsBean implements GroupLiveTickets {

  /** The WebSocket endpoint's path below the server's root; the web module serves it. */
  public static final String PATH = "/ws/v1/groups/";

  private static final int TICKET_BYTES = 32;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB GroupSettings settings;
  @EJB GroupRepository groups;

  @Override
  public Ticket issue(String groupId, GroupCaller caller) {
    GroupRepository.Membership membership = groups.requireMember(groupId, caller, false);
    String ticket = Randoms.urlToken(TICKET_BYTES);
    Instant expiresAt = clock.now().plus(TTL);
    em.persist(
        new LiveTicket(
            keys.hasher().fastHash(ticket),
            membership.group().id(),
            membership.member().id(),
            expiresAt));
    String base = settings.publicUrl().replaceFirst("^http", "ws");
    return new Ticket(ticket, base + PATH + groupId + "?ticket=" + ticket, expiresAt);
  }

  @Override
  public Optional<GroupLive.Seat> redeem(String groupId, String ticket) {
    String subject = GroupAudit.subject(GroupIds.isGroupId(groupId) ? groupId : "(malformed)");
    Optional<LiveTicket> found =
        ticket == null || ticket.length() > 100
            ? Optional.empty()
            : em.createNamedQuery("LiveTicket.byHash", LiveTicket.class)
                .setParameter("hash", keys.hasher().fastHash(ticket))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    Instant now = clock.now();
    if (found.isEmpty() || !found.get().use(now)) {
      audit.record("ticket:(refused)", GroupAudit.LIVE, subject, GroupAudit.REFUSED, null);
      return Optional.empty();
    }
    PrivateGroup group = em.find(PrivateGroup.class, found.get().groupRef());
    GroupMember member = em.find(GroupMember.class, found.get().memberRef());
    if (group == null || !group.isOpen() || member == null || !group.groupId().equals(groupId)) {
      audit.record("ticket:(refused)", GroupAudit.LIVE, subject, GroupAudit.REFUSED, "not open");
      return Optional.empty();
    }
    audit.record("member:" + member.memberId(), GroupAudit.LIVE, subject, "OK", "socket opened");
    return Optional.of(
        new GroupLive.Seat(
            groupId, member.memberId(), group.rebroadcast(), group.expiresAt(), group.lastSeq()));
  }
}
