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
import org.portcullis.message.MessageJwe;
import org.portcullis.message.MessageState;
import org.portcullis.system.RelyingSystem;

/**
 * A secure message: who sent it to which MSISDN, its state, and, while it is open, its JWE body and
 * the server's entry (the content key wrapped for the server until a handset acknowledges it).
 * Every change goes through a behaviour method; the beans hold a pessimistic lock on the row.
 */
@Entity
@Table(name = "secure_message")
@NamedQuery(
    name = "SecureMessage.byMessageId",
    query = "SELECT m FROM SecureMessage m WHERE m.messageId = :messageId")
@NamedQuery(
    name = "SecureMessage.byIdempotencyKey",
    query = "SELECT m FROM SecureMessage m WHERE m.sender = :sender AND m.idempotencyKey = :key")
@NamedQuery(
    name = "SecureMessage.awaitingHandset",
    query =
        "SELECT m.id FROM SecureMessage m WHERE m.customerRef = :customer AND m.msisdn = :msisdn"
            + " AND m.state IN :open AND m.serverKey IS NOT NULL AND m.expiresAt > :now"
            + " ORDER BY m.id")
@NamedQuery(
    name = "SecureMessage.expired",
    query =
        "SELECT m.id FROM SecureMessage m WHERE m.state IN :open AND m.expiresAt <= :now"
            + " ORDER BY m.id")
@NamedQuery(
    name = "SecureMessage.closedBefore",
    query =
        "SELECT m.id FROM SecureMessage m WHERE m.state IN :closed AND m.closedAt < :before"
            + " ORDER BY m.id")
@NamedQuery(
    name = "SecureMessage.ofCustomer",
    query =
        "SELECT m FROM SecureMessage m JOIN FETCH m.sender WHERE m.customerRef = :customer"
            + " ORDER BY m.createdAt DESC, m.id DESC")
public class SecureMessage {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "message_id", nullable = false, updatable = false)
  private String messageId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "sender_ref", nullable = false, updatable = false)
  private RelyingSystem sender;

  @Column(nullable = false, updatable = false)
  private String msisdn;

  /** Null when the MSISDN was no single customer's at submission. */
  @Column(name = "customer_ref", updatable = false)
  private Long customerRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MessageState state;

  /** What the first answer said, which a repeat of the same idempotency key answers again. */
  @Enumerated(EnumType.STRING)
  @Column(name = "submitted_state", nullable = false, updatable = false)
  private MessageState submittedState;

  @Column(name = "idempotency_key", updatable = false)
  private String idempotencyKey;

  @Column(name = "protected_header")
  private String protectedHeader;

  private String iv;

  private String ciphertext;

  private String tag;

  @Column(name = "server_header")
  private String serverHeader;

  @Column(name = "server_key")
  private String serverKey;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected SecureMessage() {}

  SecureMessage(
      String messageId,
      RelyingSystem sender,
      String msisdn,
      Long customerRef,
      String idempotencyKey,
      Instant createdAt,
      Instant expiresAt) {
    this.messageId = messageId;
    this.sender = sender;
    this.msisdn = msisdn;
    this.customerRef = customerRef;
    this.idempotencyKey = idempotencyKey;
    this.state = MessageState.AWAITING_ENROLLMENT;
    this.submittedState = MessageState.AWAITING_ENROLLMENT;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.updatedAt = createdAt;
  }

  /** Stores the encrypted body and the server's entry (at submission, for a customer's MSISDN). */
  void keep(MessageJwe.Body body, MessageJwe.Recipient serverEntry) {
    this.protectedHeader = body.protectedHeader();
    this.iv = body.iv();
    this.ciphertext = body.ciphertext();
    this.tag = body.tag();
    this.serverHeader = serverEntry.header();
    this.serverKey = serverEntry.encryptedKey();
  }

  /** The state the submission ends in: notified once a handset has a copy. */
  void submitted(boolean anyCopy) {
    state = anyCopy ? MessageState.NOTIFIED : MessageState.AWAITING_ENROLLMENT;
    submittedState = state;
  }

  /** A handset got a copy after submission (late enrollment, or a first key). */
  void copyAdded(Instant now) {
    if (state == MessageState.AWAITING_ENROLLMENT) {
      state = MessageState.NOTIFIED;
      updatedAt = now;
    }
  }

  /**
   * A handset acknowledged it: the first time, the message is delivered and the server's entry is
   * erased, so that from now on only handsets can read it.
   */
  void delivered(Instant now) {
    if (state != MessageState.DELIVERED) {
      state = MessageState.DELIVERED;
      deliveredAt = now;
      updatedAt = now;
    }
    serverHeader = null;
    serverKey = null;
  }

  /** The customer deleted every copy, or staff deleted it: the content is erased. */
  void deleted(Instant now) {
    close(MessageState.DELETED, now);
  }

  /** Its retention ended: the content is erased. */
  void expired(Instant now) {
    close(MessageState.EXPIRED, now);
  }

  private void close(MessageState closed, Instant now) {
    if (!state.isOpen()) {
      throw new IllegalStateException("Message " + messageId + " is " + state + " already");
    }
    state = closed;
    closedAt = now;
    updatedAt = now;
    protectedHeader = null;
    iv = null;
    ciphertext = null;
    tag = null;
    serverHeader = null;
    serverKey = null;
  }

  Long id() {
    return id;
  }

  String messageId() {
    return messageId;
  }

  RelyingSystem sender() {
    return sender;
  }

  String msisdn() {
    return msisdn;
  }

  Optional<Long> customerRef() {
    return Optional.ofNullable(customerRef);
  }

  MessageState state() {
    return state;
  }

  MessageState submittedState() {
    return submittedState;
  }

  /** The body, while the message is open and was stored with content. */
  Optional<MessageJwe.Body> body() {
    return ciphertext == null
        ? Optional.empty()
        : Optional.of(new MessageJwe.Body(protectedHeader, iv, ciphertext, tag));
  }

  /** The server's entry, until the message is delivered or closed. */
  Optional<MessageJwe.Recipient> serverEntry() {
    return serverKey == null
        ? Optional.empty()
        : Optional.of(new MessageJwe.Recipient(serverHeader, serverKey));
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Optional<Instant> deliveredAt() {
    return Optional.ofNullable(deliveredAt);
  }

  Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }
}
