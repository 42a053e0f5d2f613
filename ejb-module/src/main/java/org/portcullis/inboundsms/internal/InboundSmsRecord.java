package org.portcullis.inboundsms.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored mobile-originated SMS; the text is sealed, bound to the row's id. */
@Entity
@Table(name = "inbound_sms")
@NamedQuery(
    name = "InboundSmsRecord.fromSince",
    query =
        "SELECT r FROM InboundSmsRecord r WHERE r.sender IN :senders AND r.receivedAt >= :since"
            + " ORDER BY r.receivedAt DESC, r.id DESC")
@NamedQuery(
    name = "InboundSmsRecord.purgeBefore",
    query = "DELETE FROM InboundSmsRecord r WHERE r.receivedAt < :before")
public class InboundSmsRecord {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(nullable = false, updatable = false)
  private String sender;

  @Column(updatable = false)
  private String recipient;

  @Column(name = "sealed_text", nullable = false, updatable = false)
  private String sealedText;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  protected InboundSmsRecord() {}

  InboundSmsRecord(String sender, String recipient, Instant receivedAt) {
    this.sender = sender;
    this.recipient = recipient;
    this.receivedAt = receivedAt;
  }

  /** Sets the sealed text once, after {@code persist} gave the row its id. */
  void seal(String sealed) {
    if (sealedText != null) {
      throw new IllegalStateException("The text of an inbound SMS is sealed once");
    }
    sealedText = sealed;
  }

  static String associatedData(long id) {
    return "inbound_sms:" + id;
  }

  Long id() {
    return id;
  }

  String sender() {
    return sender;
  }

  String recipient() {
    return recipient;
  }

  String sealedText() {
    return sealedText;
  }

  Instant receivedAt() {
    return receivedAt;
  }
}
