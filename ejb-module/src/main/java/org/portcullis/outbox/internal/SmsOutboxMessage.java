package org.portcullis.outbox.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An SMS in the outbox. The text is sealed with the secret box, bound to the row's id; the
 * gateway's message ids of its parts are {@link SmsPart}s.
 */
@Entity
@Table(name = "sms_outbox")
@NamedQuery(
    name = "SmsOutboxMessage.due",
    query =
        "SELECT m.id FROM SmsOutboxMessage m WHERE m.state = :queued AND m.nextAttemptAt <= :now"
            + " ORDER BY m.nextAttemptAt, m.id")
@NamedQuery(
    name = "SmsOutboxMessage.lapsedClaims",
    query =
        "SELECT m.id FROM SmsOutboxMessage m WHERE m.state = :sending AND m.claimUntil < :now"
            + " ORDER BY m.id")
@NamedQuery(
    name = "SmsOutboxMessage.newest",
    query = "SELECT m FROM SmsOutboxMessage m ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(
    name = "SmsOutboxMessage.newestInState",
    query =
        "SELECT m FROM SmsOutboxMessage m WHERE m.state = :state"
            + " ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = "SmsOutboxMessage.count", query = "SELECT COUNT(m) FROM SmsOutboxMessage m")
@NamedQuery(
    name = "SmsOutboxMessage.countInState",
    query = "SELECT COUNT(m) FROM SmsOutboxMessage m WHERE m.state = :state")
@NamedQuery(
    name = "SmsOutboxMessage.purge",
    query = "DELETE FROM SmsOutboxMessage m WHERE m.state IN :settled AND m.updatedAt < :before")
public class SmsOutboxMessage extends OutboxMessage {

  @Column(name = "sealed_text", nullable = false, updatable = false)
  private String sealedText;

  protected SmsOutboxMessage() {}

  SmsOutboxMessage(String recipient, String purpose, Instant now) {
    super(recipient, purpose, now);
  }

  /** Sets the sealed text once, after {@code persist} gave the row its id. */
  void seal(String sealed) {
    if (sealedText != null) {
      throw new IllegalStateException("The text of an outbox SMS is sealed once");
    }
    sealedText = sealed;
  }

  String sealedText() {
    return sealedText;
  }

  /** Binds a sealed text to its row: copied to another row it does not open. */
  static String associatedData(long id) {
    return "sms_outbox:" + id;
  }
}
