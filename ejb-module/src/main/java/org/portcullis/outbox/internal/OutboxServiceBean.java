package org.portcullis.outbox.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.Customer;
import org.portcullis.error.DomainException;
import org.portcullis.mail.InlineImage;
import org.portcullis.mail.MailAddresses;
import org.portcullis.mail.MailContent;
import org.portcullis.outbox.OutboxService;
import org.portcullis.time.PortcullisClock;

/**
 * Queues SMS and mails in the caller's transaction; see {@link OutboxService} for the guarantee.
 */
@Stateless
public class OutboxServiceBean implements OutboxService {

  static final int MAX_SMS_TEXT = 1600;
  static final String PURPOSE_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
  static final String DEFAULT_MAIL_PURPOSE = "mail";
  static final int MAX_URL = 2000;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB OutboxStore store;

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public long queueSms(String to, String text, String purpose) {
    if (to == null || !to.matches(Customer.MSISDN_PATTERN)) {
      throw DomainException.badInput(
          "invalid-sms", "to", "to must be an E.164 number such as +447700900123");
    }
    if (text == null || text.isBlank() || text.length() > MAX_SMS_TEXT) {
      throw DomainException.badInput(
          "invalid-sms", "text", "text must be 1 to " + MAX_SMS_TEXT + " characters");
    }
    requirePurpose(purpose);
    SmsOutboxMessage message = new SmsOutboxMessage(to, purpose, clock.now());
    em.persist(message);
    long id = idOf(message);
    message.seal(keys.secretBox().seal(text, SmsOutboxMessage.associatedData(id)));
    return id;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public long queueMail(
      String to, String subject, String text, String html, List<InlineImage> images) {
    return queueMail(to, subject, text, html, images, DEFAULT_MAIL_PURPOSE);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public long queueMail(
      String to,
      String subject,
      String text,
      String html,
      List<InlineImage> images,
      String purpose) {
    return queue(to, subject, text, html, images, purpose, false);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public long queueMailErasedWhenSent(
      String to,
      String subject,
      String text,
      String html,
      List<InlineImage> images,
      String purpose) {
    return queue(to, subject, text, html, images, purpose, true);
  }

  private long queue(
      String to,
      String subject,
      String text,
      String html,
      List<InlineImage> images,
      String purpose,
      boolean eraseWhenSent) {
    if (!MailAddresses.isValid(to)) {
      throw DomainException.badInput(
          "invalid-mail", "to", "to must be an e-mail address such as someone@example.org");
    }
    requirePurpose(purpose);
    MailContent content;
    try {
      content = new MailContent(subject, text, html, images);
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("invalid-mail", fieldOf(e.getMessage()), e.getMessage());
    }
    byte[] encoded = content.encode();
    if (encoded.length > MailContent.MAX_ENCODED_BYTES) {
      throw DomainException.badInput(
          "invalid-mail", "body", "the mail is too large (at most 720,000 bytes encoded)");
    }
    MailOutboxMessage message = new MailOutboxMessage(to, purpose, clock.now(), eraseWhenSent);
    em.persist(message);
    long id = idOf(message);
    message.seal(keys.secretBox().seal(encoded, MailOutboxMessage.associatedData(id)));
    return id;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public long queueWebhook(String url, String secret, String eventId, String body, String purpose) {
    URI target;
    try {
      target = url == null ? null : new URI(url);
    } catch (URISyntaxException e) {
      target = null;
    }
    if (target == null
        || !target.isAbsolute()
        || target.getHost() == null
        || !("http".equals(target.getScheme()) || "https".equals(target.getScheme()))
        || url.length() > MAX_URL) {
      throw DomainException.badInput(
          "invalid-webhook", "url", "url must be an absolute http or https URL");
    }
    if (eventId == null || !eventId.matches("[A-Za-z0-9._-]{1,64}")) {
      throw DomainException.badInput(
          "invalid-webhook", "eventId", "eventId must be 1-64 of A-Z, a-z, 0-9, '.', '_', '-'");
    }
    requirePurpose(purpose);
    WebhookContent content;
    try {
      content = new WebhookContent(secret, body);
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("invalid-webhook", "secret", e.getMessage());
    }
    WebhookOutboxMessage message = new WebhookOutboxMessage(url, purpose, eventId, clock.now());
    em.persist(message);
    long id = idOf(message);
    message.seal(keys.secretBox().seal(content.encode(), WebhookOutboxMessage.associatedData(id)));
    return id;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public int forgetWebhooks(Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return 0;
    }
    return em.createNamedQuery("WebhookOutboxMessage.deleteEvents")
        .setParameter("eventIds", List.copyOf(eventIds))
        .executeUpdate();
  }

  @Override
  public void recordReceipt(String messageId, String receiptState) {
    if (messageId == null || messageId.isBlank()) {
      throw DomainException.badInput(
          "invalid-receipt", "messageId", "a receipt needs a message id");
    }
    if (receiptState == null || receiptState.isBlank()) {
      throw DomainException.badInput("invalid-receipt", "state", "a receipt needs a state");
    }
    store.recordReceipt(messageId, receiptState);
  }

  private static void requirePurpose(String purpose) {
    if (purpose == null || !purpose.matches(PURPOSE_PATTERN)) {
      throw DomainException.badInput(
          "invalid-purpose", "purpose", "purpose must be 1-64 of a-z, 0-9, '.', '_', '-'");
    }
  }

  /** EclipseLink assigns a sequence id at {@code persist}; the sealed value is bound to it. */
  private static long idOf(OutboxMessage message) {
    return Objects.requireNonNull(message.id(), "persist did not assign an id");
  }

  /** {@link MailContent}'s messages start with the part they are about. */
  private static String fieldOf(String message) {
    for (String field : List.of("subject", "text", "html")) {
      if (message.startsWith(field)) {
        return field;
      }
    }
    return "images";
  }
}
