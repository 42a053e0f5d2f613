package org.portcullis.group.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.portcullis.group.GroupMessages.Kind;

/**
 * One entry of a group's stream, numbered by {@code seq} within the group: a member's message
 * (opaque ciphertext), a member's file (its bytes on disk under the entry id), or something the
 * server says (a join, a departure, a notice, an extension). Deleted when the group closes.
 */
@Entity
@Table(name = "group_entry")
@NamedQuery(
    name = "GroupEntry.since",
    query =
        "SELECT e FROM GroupEntry e WHERE e.groupRef = :group AND e.seq > :after ORDER BY e.seq")
@NamedQuery(
    name = "GroupEntry.sinceOfGroupId",
    query =
        "SELECT e FROM GroupEntry e WHERE e.groupRef ="
            + " (SELECT g.id FROM PrivateGroup g WHERE g.groupId = :groupId) AND e.seq > :after"
            + " ORDER BY e.seq")
@NamedQuery(
    name = "GroupEntry.byEntryId",
    query = "SELECT e FROM GroupEntry e WHERE e.groupRef = :group AND e.entryId = :entryId")
@NamedQuery(
    name = "GroupEntry.deleteOfGroup",
    query = "DELETE FROM GroupEntry e WHERE e.groupRef = :group")
public class GroupEntry {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "group_ref", nullable = false, updatable = false)
  private Long groupRef;

  @Column(nullable = false, updatable = false)
  private long seq;

  @Column(name = "entry_id", nullable = false, updatable = false)
  private String entryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Kind kind;

  @Column(name = "member_id", updatable = false)
  private String memberId;

  @Column(updatable = false)
  private String ciphertext;

  @Column(name = "file_size", updatable = false)
  private Long fileSize;

  @Column(name = "forward_group_id", updatable = false)
  private String forwardGroupId;

  @Column(name = "forward_entry_id", updatable = false)
  private String forwardEntryId;

  @Column(name = "until_at", updatable = false)
  private Instant until;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected GroupEntry() {}

  private GroupEntry(Long groupRef, long seq, String entryId, Kind kind, Instant now) {
    this.groupRef = groupRef;
    this.seq = seq;
    this.entryId = entryId;
    this.kind = kind;
    this.createdAt = now;
  }

  /** A member's message; {@code ciphertext} is canonical base64. */
  static GroupEntry message(
      Long groupRef,
      long seq,
      String entryId,
      String memberId,
      String ciphertext,
      String forwardGroupId,
      String forwardEntryId,
      Instant now) {
    GroupEntry entry = new GroupEntry(groupRef, seq, entryId, Kind.MESSAGE, now);
    entry.memberId = memberId;
    entry.ciphertext = ciphertext;
    entry.forwardGroupId = forwardGroupId;
    entry.forwardEntryId = forwardEntryId;
    return entry;
  }

  /** A member's file of {@code size} bytes, stored under {@code entryId}. */
  static GroupEntry file(
      Long groupRef, long seq, String entryId, String memberId, long size, Instant now) {
    GroupEntry entry = new GroupEntry(groupRef, seq, entryId, Kind.FILE, now);
    entry.memberId = memberId;
    entry.fileSize = size;
    return entry;
  }

  /** The server's word: a member joined or left ({@code memberId}), or a notice ({@code until}). */
  static GroupEntry server(
      Long groupRef,
      long seq,
      String entryId,
      Kind kind,
      String memberId,
      Instant until,
      Instant now) {
    GroupEntry entry = new GroupEntry(groupRef, seq, entryId, kind, now);
    entry.memberId = memberId;
    entry.until = until;
    return entry;
  }

  long seq() {
    return seq;
  }

  String entryId() {
    return entryId;
  }

  Kind kind() {
    return kind;
  }

  Optional<String> memberId() {
    return Optional.ofNullable(memberId);
  }

  Optional<String> ciphertext() {
    return Optional.ofNullable(ciphertext);
  }

  Optional<Long> fileSize() {
    return Optional.ofNullable(fileSize);
  }

  Optional<String> forwardGroupId() {
    return Optional.ofNullable(forwardGroupId);
  }

  Optional<String> forwardEntryId() {
    return Optional.ofNullable(forwardEntryId);
  }

  Optional<Instant> until() {
    return Optional.ofNullable(until);
  }

  Instant createdAt() {
    return createdAt;
  }
}
