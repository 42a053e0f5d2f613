package org.portcullis.outbox.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.portcullis.outbox.DeliveryReceipts;

/**
 * One part of a sent SMS: the gateway's message id and the latest delivery receipt for it.
 *
 * <p>A receipt can arrive before the outbox has recorded the message ids of a send (the gateway
 * answers the submission and sends the receipt at once; the receipt's transaction may commit
 * first). Such a receipt is kept as an <em>orphan</em> part (no outbox row) and adopted when the
 * send is recorded, or by the drain's next round.
 */
@Entity
@Table(name = "sms_outbox_part")
@NamedQuery(
    name = "SmsPart.ofMessage",
    query = "SELECT p FROM SmsPart p WHERE p.outboxId = :outboxId ORDER BY p.partIndex, p.id")
@NamedQuery(
    name = "SmsPart.ofMessages",
    query =
        "SELECT p FROM SmsPart p WHERE p.outboxId IN :outboxIds"
            + " ORDER BY p.outboxId, p.partIndex, p.id")
@NamedQuery(
    name = "SmsPart.attached",
    query =
        "SELECT p FROM SmsPart p WHERE p.messageId = :messageId AND p.outboxId IS NOT NULL"
            + " ORDER BY p.id DESC")
@NamedQuery(
    name = "SmsPart.orphan",
    query =
        "SELECT p FROM SmsPart p WHERE p.messageId = :messageId AND p.outboxId IS NULL"
            + " AND p.createdAt >= :since ORDER BY p.id DESC")
@NamedQuery(
    name = "SmsPart.orphans",
    query = "SELECT p FROM SmsPart p WHERE p.outboxId IS NULL ORDER BY p.id")
@NamedQuery(
    name = "SmsPart.deleteOfMessage",
    query = "DELETE FROM SmsPart p WHERE p.outboxId = :outboxId")
@NamedQuery(
    name = "SmsPart.purgeOrphans",
    query = "DELETE FROM SmsPart p WHERE p.outboxId IS NULL AND p.createdAt < :before")
@NamedQuery(
    name = "SmsPart.purgeOfSettled",
    query =
        "DELETE FROM SmsPart p WHERE p.outboxId IN (SELECT m.id FROM SmsOutboxMessage m"
            + " WHERE m.state IN :settled AND m.updatedAt < :before)")
public class SmsPart {

  /** The longest message id SMPP 3.4 allows (C-Octet String of 65 including the NUL). */
  static final int MAX_MESSAGE_ID = 64;

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "outbox_id")
  private Long outboxId;

  @Column(name = "part_index", nullable = false)
  private int partIndex;

  @Column(name = "message_id", nullable = false, updatable = false)
  private String messageId;

  @Column(name = "receipt_state")
  private String receiptState;

  @Column(name = "receipt_at")
  private Instant receiptAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected SmsPart() {}

  /** A part of a sent message, no receipt yet. */
  static SmsPart sent(long outboxId, int partIndex, String messageId, Instant now) {
    SmsPart part = new SmsPart();
    part.outboxId = outboxId;
    part.partIndex = partIndex;
    part.messageId = messageId;
    part.createdAt = now;
    return part;
  }

  /** A receipt for a message id the outbox does not know (yet). */
  static SmsPart orphanReceipt(String messageId, String receiptState, Instant now) {
    SmsPart part = new SmsPart();
    part.messageId = messageId;
    part.receiptState = DeliveryReceipts.normalize(receiptState);
    part.receiptAt = now;
    part.createdAt = now;
    return part;
  }

  /** An orphan receipt finds its message. */
  void adopt(long outbox, int index) {
    if (outboxId != null) {
      throw new IllegalStateException("SMS part " + id + " already belongs to a message");
    }
    outboxId = outbox;
    partIndex = index;
  }

  void receipt(String state, Instant now) {
    receiptState = DeliveryReceipts.normalize(state);
    receiptAt = now;
  }

  Long id() {
    return id;
  }

  Optional<Long> outboxId() {
    return Optional.ofNullable(outboxId);
  }

  int partIndex() {
    return partIndex;
  }

  String messageId() {
    return messageId;
  }

  /** Null until a receipt came. */
  String receiptState() {
    return receiptState;
  }

  Optional<Instant> receiptAt() {
    return Optional.ofNullable(receiptAt);
  }
}
