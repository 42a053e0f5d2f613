package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.portcullis.group.GroupIds;
import org.portcullis.group.GroupLive;
import org.portcullis.group.GroupMessages.Entry;
import org.portcullis.group.GroupMessages.Forward;
import org.portcullis.group.GroupMessages.Kind;

/**
 * Appends to a group's stream, in the caller's transaction and under its lock on the group's row
 * (which hands out the sequence numbers), and pushes each new entry to the live sockets once the
 * transaction has committed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class GroupStream {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB AfterCommit afterCommit;
  @EJB GroupLive live;

  /** A member's message. */
  public Entry message(
      PrivateGroup locked, String memberId, String ciphertext, Forward forwardOf, Instant now) {
    locked.countMessage();
    return append(
        locked,
        GroupEntry.message(
            locked.id(),
            locked.takeSeq(),
            GroupIds.newEntryId(),
            memberId,
            ciphertext,
            forwardOf == null ? null : forwardOf.groupId(),
            forwardOf == null ? null : forwardOf.messageId(),
            now));
  }

  /** A member's file, already on disk under {@code fileId}. */
  public Entry file(PrivateGroup locked, String fileId, String memberId, long size, Instant now) {
    locked.countFile();
    return append(
        locked, GroupEntry.file(locked.id(), locked.takeSeq(), fileId, memberId, size, now));
  }

  /** What the server says: a join or departure of {@code memberId}, a notice or an extension. */
  public Entry server(PrivateGroup locked, Kind kind, String memberId, Instant until, Instant now) {
    return append(
        locked,
        GroupEntry.server(
            locked.id(), locked.takeSeq(), GroupIds.newEntryId(), kind, memberId, until, now));
  }

  private Entry append(PrivateGroup group, GroupEntry entry) {
    em.persist(entry);
    Entry view = view(entry);
    String groupId = group.groupId();
    afterCommit.run("pushing an entry", () -> live.publishEntry(groupId, view));
    return view;
  }

  static Entry view(GroupEntry entry) {
    Forward forward =
        entry.forwardGroupId().isPresent()
            ? new Forward(entry.forwardGroupId().get(), entry.forwardEntryId().orElse(null))
            : null;
    return new Entry(
        entry.seq(),
        entry.entryId(),
        entry.kind(),
        entry.memberId().orElse(null),
        entry.ciphertext().orElse(null),
        entry.fileSize().orElse(null),
        forward,
        entry.until().orElse(null),
        entry.createdAt());
  }
}
