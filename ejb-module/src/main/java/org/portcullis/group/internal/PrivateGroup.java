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
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.portcullis.group.AccessAllowance;
import org.portcullis.group.GroupState;
import org.portcullis.group.GroupState.CloseReason;
import org.portcullis.group.GroupTerms;

/**
 * A private group as stored: its terms, its deadlines, its counters and, while it is open, the hash
 * of its code. Every change goes through a behaviour method; the bean that calls one holds the
 * row's lock ({@code SELECT … FOR UPDATE}), which is what serialises joins, posts and the closing.
 */
@Entity
@Table(name = "private_group")
@NamedQuery(
    name = "PrivateGroup.byGroupId",
    query = "SELECT g FROM PrivateGroup g WHERE g.groupId = :groupId")
@NamedQuery(
    name = "PrivateGroup.dueToClose",
    query =
        "SELECT g.id FROM PrivateGroup g WHERE g.state = :open AND g.expiresAt <= :now"
            + " ORDER BY g.expiresAt, g.id")
@NamedQuery(
    name = "PrivateGroup.dueForNotice",
    query =
        "SELECT g.id FROM PrivateGroup g WHERE g.state = :open AND g.noticeAt <= :now"
            + " ORDER BY g.noticeAt, g.id")
@NamedQuery(
    name = "PrivateGroup.filesToPurge",
    query =
        "SELECT g.id FROM PrivateGroup g WHERE g.filesPurged = FALSE AND g.state = :closed"
            + " ORDER BY g.id")
@NamedQuery(
    name = "PrivateGroup.closedAmong",
    query = "SELECT g.groupId FROM PrivateGroup g WHERE g.groupId IN :ids AND g.state = :closed")
@NamedQuery(
    name = "PrivateGroup.newest",
    query = "SELECT g FROM PrivateGroup g ORDER BY g.createdAt DESC, g.id DESC")
@NamedQuery(
    name = "PrivateGroup.newestInState",
    query =
        "SELECT g FROM PrivateGroup g WHERE g.state = :state ORDER BY g.createdAt DESC, g.id DESC")
@NamedQuery(name = "PrivateGroup.count", query = "SELECT COUNT(g) FROM PrivateGroup g")
@NamedQuery(
    name = "PrivateGroup.countInState",
    query = "SELECT COUNT(g) FROM PrivateGroup g WHERE g.state = :state")
@NamedQuery(
    name = "PrivateGroup.ofCustomer",
    query =
        "SELECT DISTINCT g FROM PrivateGroup g WHERE g.creatorRef = :customer OR g.id IN"
            + " (SELECT m.groupRef FROM GroupMember m WHERE m.customerRef = :customer)"
            + " ORDER BY g.createdAt DESC")
public class PrivateGroup {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "group_id", nullable = false, updatable = false)
  private String groupId;

  private String name;

  @Column(name = "creator_ref", nullable = false, updatable = false)
  private Long creatorRef;

  @Column(name = "code_hash")
  private String codeHash;

  @Column(name = "kdf_salt")
  private String kdfSalt;

  @Column(nullable = false, updatable = false)
  private boolean rebroadcast;

  @Column(name = "notice_seconds", nullable = false, updatable = false)
  private long noticeSeconds;

  @Column(name = "allowance_count", updatable = false)
  private Integer allowanceCount;

  @Column(name = "allowance_per_seconds", updatable = false)
  private Long allowancePerSeconds;

  @Column(name = "window_index", nullable = false)
  private long windowIndex;

  @Column(name = "window_used", nullable = false)
  private int windowUsed;

  @Column(nullable = false)
  private int entries;

  @Column(name = "wrong_codes", nullable = false)
  private int wrongCodes;

  @Column(name = "joins_locked", nullable = false)
  private boolean joinsLocked;

  @Column(name = "next_seq", nullable = false)
  private long nextSeq;

  @Column(nullable = false)
  private int messages;

  @Column(nullable = false)
  private int files;

  @Column(nullable = false)
  private int extensions;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private GroupState state;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "notice_at")
  private Instant noticeAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closed_by")
  private String closedBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "close_reason")
  private CloseReason closeReason;

  @Column(name = "files_purged", nullable = false)
  private boolean filesPurged;

  @Version private long version;

  protected PrivateGroup() {}

  PrivateGroup(
      String groupId,
      Long creatorRef,
      String codeHash,
      String kdfSalt,
      GroupTerms terms,
      Instant now) {
    this.groupId = groupId;
    this.name = terms.name();
    this.creatorRef = creatorRef;
    this.codeHash = codeHash;
    this.kdfSalt = kdfSalt;
    this.rebroadcast = terms.rebroadcast();
    this.noticeSeconds = terms.notice().toSeconds();
    terms
        .allowance()
        .ifPresent(
            allowance -> {
              allowanceCount = allowance.count();
              allowancePerSeconds = allowance.per().map(Duration::toSeconds).orElse(null);
            });
    this.state = GroupState.OPEN;
    this.createdAt = now;
    this.expiresAt = terms.expiresAt(now);
    this.noticeAt = GroupTerms.noticeAt(expiresAt, terms.notice());
    this.nextSeq = 1;
    this.filesPurged = true; // nothing on disk yet
  }

  boolean isOpen() {
    return state == GroupState.OPEN;
  }

  Optional<AccessAllowance> allowance() {
    return Optional.ofNullable(allowanceCount)
        .map(
            count ->
                new AccessAllowance(
                    count, Optional.ofNullable(allowancePerSeconds).map(Duration::ofSeconds)));
  }

  /**
   * One more entry by the rule of {@link AccessAllowance}: true and counted when the current window
   * has room (or the group has no allowance), false when it is used up.
   */
  boolean admitEntry(Instant now) {
    Optional<AccessAllowance> allowance = allowance();
    if (allowance.isPresent()) {
      Optional<AccessAllowance.Usage> next =
          allowance.get().admit(new AccessAllowance.Usage(windowIndex, windowUsed), createdAt, now);
      if (next.isEmpty()) {
        return false;
      }
      windowIndex = next.get().window();
      windowUsed = next.get().used();
    }
    entries++;
    return true;
  }

  /** Entries used in the window {@code now} falls in. */
  int entriesInWindow(Instant now) {
    return allowance()
        .map(a -> a.usedAt(new AccessAllowance.Usage(windowIndex, windowUsed), createdAt, now))
        .orElse(entries);
  }

  /** Counts a wrong code; true when this one locked the group's joins. */
  boolean wrongCode(int maxWrongCodes) {
    wrongCodes++;
    if (!joinsLocked && wrongCodes >= maxWrongCodes) {
      joinsLocked = true;
      return true;
    }
    return false;
  }

  /** The next number of the group's stream. */
  long takeSeq() {
    return nextSeq++;
  }

  /** The number of the stream's newest entry; 0 before the first. */
  long lastSeq() {
    return nextSeq - 1;
  }

  void countMessage() {
    messages++;
  }

  void countFile() {
    files++;
    filesPurged = false;
  }

  /** Moves the expiry and schedules the notice for it again. */
  void extendTo(Instant newExpiry) {
    if (!newExpiry.isAfter(expiresAt)) {
      throw new IllegalArgumentException("an extension moves the expiry later");
    }
    expiresAt = newExpiry;
    noticeAt = GroupTerms.noticeAt(newExpiry, notice());
    extensions++;
  }

  /** The notice for the current expiry went out. */
  void noticeSent() {
    noticeAt = null;
  }

  /** Closes for good: only metadata stay (the code's hash, the salt and the name go). */
  void close(CloseReason reason, String by, Instant now) {
    if (state != GroupState.OPEN) {
      throw new IllegalStateException("group " + groupId + " is already closed");
    }
    state = GroupState.CLOSED;
    closeReason = reason;
    closedBy = by;
    closedAt = now;
    noticeAt = null;
    name = null;
    codeHash = null;
    kdfSalt = null;
    filesPurged = false; // the sweep makes sure nothing of it is left on disk
  }

  void filesPurged() {
    filesPurged = true;
  }

  Long id() {
    return id;
  }

  String groupId() {
    return groupId;
  }

  Optional<String> name() {
    return Optional.ofNullable(name);
  }

  Long creatorRef() {
    return creatorRef;
  }

  Optional<String> codeHash() {
    return Optional.ofNullable(codeHash);
  }

  Optional<String> kdfSalt() {
    return Optional.ofNullable(kdfSalt);
  }

  boolean rebroadcast() {
    return rebroadcast;
  }

  Duration notice() {
    return Duration.ofSeconds(noticeSeconds);
  }

  int entries() {
    return entries;
  }

  int wrongCodes() {
    return wrongCodes;
  }

  boolean joinsLocked() {
    return joinsLocked;
  }

  int messages() {
    return messages;
  }

  int files() {
    return files;
  }

  int extensions() {
    return extensions;
  }

  GroupState state() {
    return state;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Optional<Instant> noticeAt() {
    return Optional.ofNullable(noticeAt);
  }

  Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  Optional<String> closedBy() {
    return Optional.ofNullable(closedBy);
  }

  Optional<CloseReason> closeReason() {
    return Optional.ofNullable(closeReason);
  }
}
