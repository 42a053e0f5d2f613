package org.portcullis.message.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.portcullis.message.CopyState;
import org.portcullis.message.MessageJwe;

/**
 * A message's copy on one handset: its state there and the content key wrapped for the handset's
 * key (the JWE recipient entry), which is erased when the copy is deleted or the message closes.
 */
@Entity
@Table(name = "secure_message_copy")
@NamedQuery(
    name = "MessageCopy.ofMessage",
    query = "SELECT c FROM MessageCopy c WHERE c.message = :message ORDER BY c.id")
@NamedQuery(
    name = "MessageCopy.ofMessages",
    query = "SELECT c FROM MessageCopy c WHERE c.message.id IN :messages ORDER BY c.id")
@NamedQuery(
    name = "MessageCopy.inbox",
    query =
        "SELECT c FROM MessageCopy c JOIN FETCH c.message m JOIN FETCH m.sender"
            + " WHERE c.handsetId = :handset AND c.state IN :live AND m.state IN :open"
            + " AND m.expiresAt > :now ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(
    name = "MessageCopy.ofHandset",
    query =
        "SELECT c FROM MessageCopy c JOIN FETCH c.message m"
            + " WHERE c.handsetId = :handset AND m.messageId = :messageId")
@NamedQuery(
    name = "MessageCopy.deleteOfMessages",
    query = "DELETE FROM MessageCopy c WHERE c.message.id IN :messages")
public class MessageCopy {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "message_ref", nullable = false, updatable = false)
  private SecureMessage message;

  @Column(name = "handset_id", nullable = false, updatable = false)
  private String handsetId;

  @Column(name = "device_type", nullable = false, updatable = false)
  private String deviceType;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CopyState state;

  @Column(name = "recipient_header")
  private String recipientHeader;

  @Column(name = "encrypted_key")
  private String encryptedKey;

  /** Which of the handset's keys the entry is wrapped for. */
  @Column(name = "key_uploaded_at", nullable = false)
  private Instant keyUploadedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Version private long version;

  protected MessageCopy() {}

  MessageCopy(
      SecureMessage message,
      String handsetId,
      String deviceType,
      MessageJwe.Recipient entry,
      Instant keyUploadedAt,
      Instant now) {
    this.message = message;
    this.handsetId = handsetId;
    this.deviceType = deviceType;
    this.state = CopyState.PENDING;
    this.recipientHeader = entry.header();
    this.encryptedKey = entry.encryptedKey();
    this.keyUploadedAt = keyUploadedAt;
    this.createdAt = now;
  }

  /** The handset has a new key: the entry is wrapped for it (only while pending). */
  void rewrapped(MessageJwe.Recipient entry, Instant newKeyUploadedAt) {
    if (state != CopyState.PENDING) {
      throw new IllegalStateException("Only a pending copy is wrapped again");
    }
    this.recipientHeader = entry.header();
    this.encryptedKey = entry.encryptedKey();
    this.keyUploadedAt = newKeyUploadedAt;
  }

  /** The handset acknowledged it; a second acknowledgement changes nothing. */
  void delivered(Instant now) {
    if (state == CopyState.PENDING) {
      state = CopyState.DELIVERED;
      deliveredAt = now;
    }
  }

  /** Gone from the handset: the wrapped key is erased. */
  void deleted(Instant now) {
    if (state != CopyState.DELETED) {
      state = CopyState.DELETED;
      deletedAt = now;
    }
    erase();
  }

  /** The message closed: the wrapped key is erased, the copy's state stays as history. */
  void erase() {
    recipientHeader = null;
    encryptedKey = null;
  }

  boolean isLive() {
    return state != CopyState.DELETED;
  }

  SecureMessage message() {
    return message;
  }

  String handsetId() {
    return handsetId;
  }

  String deviceType() {
    return deviceType;
  }

  CopyState state() {
    return state;
  }

  Optional<MessageJwe.Recipient> entry() {
    return encryptedKey == null
        ? Optional.empty()
        : Optional.of(new MessageJwe.Recipient(recipientHeader, encryptedKey));
  }

  Instant keyUploadedAt() {
    return keyUploadedAt;
  }

  Instant createdAt() {
    return createdAt;
  }

  Optional<Instant> deliveredAt() {
    return Optional.ofNullable(deliveredAt);
  }

  Optional<Instant> deletedAt() {
    return Optional.ofNullable(deletedAt);
  }
}
