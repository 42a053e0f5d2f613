package org.portcullis.inboundsms.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.error.DomainException;
import org.portcullis.inboundsms.InboundSmsService;
import org.portcullis.inboundsms.ReceivedSms;
import org.portcullis.time.PortcullisClock;

/** Stores, audits and finds mobile-originated SMS; texts are sealed at rest. */
@Stateless
public class InboundSmsServiceBean implements InboundSmsService {

  /** An SMPP address is at most 20 characters (source_addr, SMPP 3.4 §4.7.1 is 21 with NUL). */
  static final int MAX_ADDRESS = 21;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;

  @Override
  public long store(String sender, String recipient, String text) {
    String from = address(sender);
    if (from == null) {
      throw DomainException.badInput("invalid-inbound-sms", "from", "an SMS without a sender");
    }
    String to = address(recipient);
    String body = text == null ? "" : text;
    if (body.length() > MAX_TEXT) {
      body = body.substring(0, MAX_TEXT);
    }
    InboundSmsRecord record = new InboundSmsRecord(from, to, clock.now());
    em.persist(record);
    long id = Objects.requireNonNull(record.id(), "persist did not assign an id");
    record.seal(keys.secretBox().seal(body, InboundSmsRecord.associatedData(id)));
    audit.record(
        "sms:" + from,
        "sms.inbound",
        "inbound_sms:" + id,
        "OK",
        "to=" + (to == null ? "" : to) + " length=" + body.length());
    return id;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ReceivedSms> recentFrom(String sender, Instant since) {
    String from = address(sender);
    if (from == null || since == null) {
      return List.of();
    }
    return em.createNamedQuery("InboundSmsRecord.fromSince", InboundSmsRecord.class)
        .setParameter("senders", senderForms(from))
        .setParameter("since", since)
        .getResultStream()
        .map(
            r ->
                new ReceivedSms(
                    r.id(),
                    r.sender(),
                    r.recipient(),
                    keys.secretBox()
                        .openString(r.sealedText(), InboundSmsRecord.associatedData(r.id())),
                    r.receivedAt()))
        .toList();
  }

  /** The forms a gateway may report one international number in: with and without the {@code +}. */
  static List<String> senderForms(String sender) {
    if (sender.startsWith("+")) {
      return List.of(sender, sender.substring(1));
    }
    if (sender.matches("[1-9][0-9]{6,14}")) {
      return List.of(sender, "+" + sender);
    }
    return List.of(sender);
  }

  /** Trimmed, at most {@link #MAX_ADDRESS} characters; null when there is none. */
  static String address(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    return stripped.length() <= MAX_ADDRESS ? stripped : stripped.substring(0, MAX_ADDRESS);
  }
}
