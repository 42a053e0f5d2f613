package org.portcullis.group.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.portcullis.audit.AuditLog;
import org.portcullis.group.GroupAudit;
import org.portcullis.group.GroupLive;
import org.portcullis.group.GroupState.CloseReason;
import org.portcullis.time.PortcullisClock;

/**
 * The closing itself, the same whoever closes: in the caller's transaction and under its lock on
 * the group's row, every entry, member, ticket, challenge, failure count and extension link goes,
 * the group keeps only metadata, and the closing is audited. After the commit, this node's sockets
 * of the group close and its files are deleted; the sweep finishes both on every node, and deletes
 * the files if this node died first.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class GroupShutdown {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB AfterCommit afterCommit;
  @EJB GroupLive live;
  @EJB GroupSettings settings;

  private GroupFileStore store;

  @PostConstruct
  void open() {
    store = new GroupFileStore(settings.files());
  }

  /**
   * @param locked an open group whose row the caller has locked
   * @param by who closed it, for the metadata ({@code server}, {@code customer:…}, {@code staff:…})
   */
  public void close(PrivateGroup locked, CloseReason reason, String by) {
    Instant now = clock.now();
    long members = count("GroupMember.countOfGroup", locked);
    em.createNamedQuery("GroupEntry.deleteOfGroup")
        .setParameter("group", locked.id())
        .executeUpdate();
    em.createNamedQuery("LiveTicket.deleteOfGroup")
        .setParameter("group", locked.id())
        .executeUpdate();
    em.createNamedQuery("GroupMember.deleteOfGroup")
        .setParameter("group", locked.id())
        .executeUpdate();
    em.createNamedQuery("JoinFailure.deleteOfGroup")
        .setParameter("group", locked.id())
        .executeUpdate();
    em.createNamedQuery("ExtensionLink.deleteOfGroup")
        .setParameter("group", locked.id())
        .executeUpdate();
    em.createNamedQuery("JoinChallenge.deleteOfGroup")
        .setParameter("groupId", locked.groupId())
        .executeUpdate();
    locked.close(reason, by, now);
    audit.record(
        by,
        GroupAudit.CLOSE,
        GroupAudit.subject(locked.groupId()),
        "OK",
        "reason="
            + reason
            + " members="
            + members
            + " entries="
            + locked.entries()
            + " messages="
            + locked.messages()
            + " files="
            + locked.files()
            + " extensions="
            + locked.extensions());
    String groupId = locked.groupId();
    afterCommit.run(
        "closing a closed group's sockets and deleting its files",
        () -> {
          live.closeGroup(groupId, GroupLive.CLOSE_GROUP_CLOSED, "group closed");
          store.deleteGroup(groupId);
        });
  }

  private long count(String query, PrivateGroup group) {
    return em.createNamedQuery(query, Long.class)
        .setParameter("group", group.id())
        .getSingleResult();
  }
}
