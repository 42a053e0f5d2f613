package org.portcullis.outbox.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A webhook push in the outbox: a JSON body POSTed to a relying system's URL ({@link #recipient()})
 * and signed with that system's secret (Standard Webhooks). Body and secret are sealed together,
 * bound to the row's id, and erased once the receiver accepted the push: the outbox keeps no copy
 * of what it delivered.
 */
@Entity
@Table(name = "webhook_outbox")
@NamedQuery(
    name = "WebhookOutboxMessage.due",
    query =
        "SELECT m.id FROM WebhookOutboxMessage m WHERE m.state = :queued"
            + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt, m.id")
@NamedQuery(
    name = "WebhookOutboxMessage.lapsedClaims",
    query =
        "SELECT m.id FROM WebhookOutboxMessage m WHERE m.state = :sending AND m.claimUntil < :now"
            + " ORDER BY m.id")
@NamedQuery(
    name = "WebhookOutboxMessage.newest",
    query = "SELECT m FROM WebhookOutboxMessage m ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(
    name = "WebhookOutboxMessage.newestInState",
    query =
        "SELECT m FROM WebhookOutboxMessage m WHERE m.state = :state"
            + " ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(
    name = "WebhookOutboxMessage.count",
    query = "SELECT COUNT(m) FROM WebhookOutboxMessage m")
@NamedQuery(
    name = "WebhookOutboxMessage.countInState",
    query = "SELECT COUNT(m) FROM WebhookOutboxMessage m WHERE m.state = :state")
@NamedQuery(
    name = "WebhookOutboxMessage.purge",
    query =
        "DELETE FROM WebhookOutboxMessage m WHERE m.state IN :settled AND m.updatedAt < :before")
@NamedQuery(
    name = "WebhookOutboxMessage.deleteEvents",
    query = "DELETE FROM WebhookOutboxMessage m WHERE m.eventId IN :eventIds")
public class WebhookOutboxMessage extends OutboxMessage {

  @Column(name = "event_id", nullable = false, updatable = false)
  private String eventId;

  @Column(name = "sealed_content")
  private String sealedContent;

  protected WebhookOutboxMessage() {}

  WebhookOutboxMessage(String url, String purpose, String eventId, Instant now) {
    super(url, purpose, now);
    this.eventId = eventId;
  }

  /** Sets the sealed content once, after {@code persist} gave the row its id. */
  void seal(String sealed) {
    if (sealedContent != null) {
      throw new IllegalStateException("The content of a webhook push is sealed once");
    }
    sealedContent = sealed;
  }

  /** The receiver accepted the push: its content is no longer needed and is erased. */
  @Override
  public void accepted(Instant now) {
    super.accepted(now);
    sealedContent = null;
  }

  /** The sealed body and secret; empty once the push was accepted. */
  Optional<String> sealedContent() {
    return Optional.ofNullable(sealedContent);
  }

  public String eventId() {
    return eventId;
  }

  /** Binds sealed content to its row: copied to another row it does not open. */
  static String associatedData(long id) {
    return "webhook_outbox:" + id;
  }
}
