package org.portcullis.message.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A handset's reply to a message. The body is sealed with the secret box, bound to the reply's id,
 * and deleted with the message's content.
 */
@Entity
@Table(name = "secure_message_reply")
@NamedQuery(
    name = "MessageReply.ofMessage",
    query = "SELECT r FROM MessageReply r WHERE r.message = :message ORDER BY r.createdAt, r.id")
@NamedQuery(
    name = "MessageReply.idsOfMessage",
    query = "SELECT r.replyId FROM MessageReply r WHERE r.message = :message")
@NamedQuery(
    name = "MessageReply.deleteOfMessage",
    query = "DELETE FROM MessageReply r WHERE r.message = :message")
public class MessageReply {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "reply_id", nullable = false, updatable = false)
  private String replyId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "message_ref", nullable = false, updatable = false)
  private SecureMessage message;

  @Column(name = "handset_id", nullable = false, updatable = false)
  private String handsetId;

  @Column(name = "sealed_body", nullable = false, updatable = false)
  private String sealedBody;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected MessageReply() {}

  MessageReply(
      String replyId, SecureMessage message, String handsetId, String sealedBody, Instant now) {
    this.replyId = replyId;
    this.message = message;
    this.handsetId = handsetId;
    this.sealedBody = sealedBody;
    this.createdAt = now;
  }

  /** Binds a sealed body to its reply: copied to another row it does not open. */
  static String associatedData(String replyId) {
    return "secure_message_reply:" + replyId;
  }

  String replyId() {
    return replyId;
  }

  String handsetId() {
    return handsetId;
  }

  String sealedBody() {
    return sealedBody;
  }

  Instant createdAt() {
    return createdAt;
  }
}
