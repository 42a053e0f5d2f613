package org.portcullis.outbox.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A mail in the outbox. Subject, text, HTML and images are sealed together ({@link
 * org.portcullis.mail.MailContent#encode()}) with the secret box, bound to the row's id. A row made
 * with {@code eraseWhenSent} drops its sealed content the moment the mail server's acceptance is
 * recorded.
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(
    name = "MailOutboxMessage.due",
    query =
        "SELECT m.id FROM MailOutboxMessage m WHERE m.state = :queued AND m.nextAttemptAt <= :now"
            + " ORDER BY m.nextAttemptAt, m.id")
@NamedQuery(
    name = "MailOutboxMessage.lapsedClaims",
    query =
        "SELECT m.id FROM MailOutboxMessage m WHERE m.state = :sending AND m.claimUntil < :now"
            + " ORDER BY m.id")
@NamedQuery(
    name = "MailOutboxMessage.newest",
    query = "SELECT m FROM MailOutboxMessage m ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(
    name = "MailOutboxMessage.newestInState",
    query =
        "SELECT m FROM MailOutboxMessage m WHERE m.state = :state"
            + " ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = "MailOutboxMessage.count", query = "SELECT COUNT(m) FROM MailOutboxMessage m")
@NamedQuery(
    name = "MailOutboxMessage.countInState",
    query = "SELECT COUNT(m) FROM MailOutboxMessage m WHERE m.state = :state")
@NamedQuery(
    name = "MailOutboxMessage.purge",
    query = "DELETE FROM MailOutboxMessage m WHERE m.state IN :settled AND m.updatedAt < :before")
public class MailOutboxMessage extends OutboxMessage {

  @Column(name = "sealed_content")
  private String sealedContent;

  @Column(name = "erase_when_sent", nullable = false, updatable = false)
  private boolean eraseWhenSent;

  @Column(name = "message_id")
  private String messageId;

  protected MailOutboxMessage() {}

  MailOutboxMessage(String recipient, String purpose, Instant now, boolean eraseWhenSent) {
    super(recipient, purpose, now);
    this.eraseWhenSent = eraseWhenSent;
  }

  /** Sets the sealed content once, after {@code persist} gave the row its id. */
  void seal(String sealed) {
    if (sealedContent != null) {
      throw new IllegalStateException("The content of an outbox mail is sealed once");
    }
    sealedContent = sealed;
  }

  /** The mail server accepted the mail with this Message-ID. */
  void accepted(String acceptedMessageId, Instant now) {
    accepted(now);
    messageId = acceptedMessageId;
    if (eraseWhenSent) {
      sealedContent = null;
    }
  }

  /** The sealed content; null once a row made to be erased when sent has been sent. */
  String sealedContent() {
    return sealedContent;
  }

  boolean erasesWhenSent() {
    return eraseWhenSent;
  }

  public Optional<String> messageId() {
    return Optional.ofNullable(messageId);
  }

  /**
   * The Message-ID every attempt at this row uses: the same for a mail sent twice. Random-free so
   * that it is stable; the creation time keeps ids apart across databases that reuse row ids.
   */
  String stableMessageId(String domain) {
    return "<outbox." + id() + "." + createdAt().toEpochMilli() + "@" + domain + ">";
  }

  /** Binds sealed content to its row: copied to another row it does not open. */
  static String associatedData(long id) {
    return "mail_outbox:" + id;
  }
}
