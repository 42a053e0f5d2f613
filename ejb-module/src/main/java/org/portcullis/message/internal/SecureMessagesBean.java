package org.portcullis.message.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.handset.HandsetPublicKeys;
import org.portcullis.handset.HandsetPublicKeys.KeyedHandset;
import org.portcullis.message.MessageContent;
import org.portcullis.message.MessageJwe;
import org.portcullis.message.SecureMessages;
import org.portcullis.outbox.OutboxService;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRole;
import org.portcullis.time.PortcullisClock;

/** A sender submits a message, follows it and reads its replies; see {@link SecureMessages}. */
@Stateless
public class SecureMessagesBean implements SecureMessages {

  /** Visible ASCII, as HTTP header values are. */
  private static final String IDEMPOTENCY_KEY = "[\\x21-\\x7E]{1," + MAX_IDEMPOTENCY_KEY + "}";

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB MessageStore store;
  @EJB MessageWraps wraps;
  @EJB MessageSettings settings;
  @EJB HandsetPublicKeys handsets;
  @EJB CustomerService customers;
  @EJB OutboxService outbox;
  @EJB ServerKeys keys;
  @EJB AuditLog audit;
  @EJB PortcullisClock clock;

  @Override
  public Submitted submit(RelyingSystem sender, Submission submission) {
    sender.requireRole(SystemRole.SENDER);
    if (submission.msisdn() == null || !submission.msisdn().matches(Customer.MSISDN_PATTERN)) {
      throw DomainException.badInput(
          "invalid-msisdn", "msisdn", "msisdn must be an E.164 number such as +447700900123");
    }
    MessageContent content = new MessageContent(submission.subject(), submission.body());
    Duration retention = sender.messages().retentionFor(submission.retention());
    String key = submission.idempotencyKey();
    if (key != null && !key.matches(IDEMPOTENCY_KEY)) {
      throw DomainException.badInput(
          "invalid-idempotency-key",
          "idempotencyKey",
          "The Idempotency-Key must be 1 to 255 visible ASCII characters");
    }
    if (key != null) {
      Optional<SecureMessage> first = firstWithKey(sender, key);
      if (first.isPresent()) {
        return answer(first.get());
      }
    }
    Instant now = clock.now();
    String messageId = "msg-" + Randoms.readable(20);
    // encrypted whoever the number belongs to, so that both answers take the same time
    MessageJwe.Sealed sealed = wraps.seal(messageId, sender.systemId(), content);
    Optional<Customer> customer = onlyCustomerWith(submission.msisdn());
    SecureMessage message =
        new SecureMessage(
            messageId,
            em.getReference(RelyingSystem.class, sender.id()),
            submission.msisdn(),
            customer.map(Customer::id).orElse(null),
            key,
            now,
            now.plus(retention));
    List<KeyedHandset> readers =
        customer.isPresent()
            ? handsets.keyedHandsets(customer.get().id(), submission.msisdn())
            : List.of();
    if (customer.isPresent()) {
      message.keep(sealed.body(), sealed.serverEntry());
      message.submitted(!readers.isEmpty());
    }
    em.persist(message);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // the same key arrived twice at once and the other request committed first
      throw DomainException.conflict(
          IDEMPOTENCY_RACE, "A request with this Idempotency-Key is being handled; repeat it");
    }
    for (KeyedHandset reader : readers) {
      wraps.addCopy(message, sealed.contentKey(), reader, now);
    }
    if (customer.isPresent()) {
      outbox.queueSms(
          submission.msisdn(),
          !readers.isEmpty()
              ? MessageTexts.notice(sender.name(), settings.openLink(messageId))
              : MessageTexts.enrollNotice(sender.name(), settings.enrollLink()),
          "secure-message-notice");
    }
    audit.record(
        "system:" + sender.systemId(),
        "message.submit",
        "message:" + messageId,
        customer.isPresent() ? message.state().name() : "UNKNOWN_MSISDN",
        "handsets="
            + readers.size()
            + " retention="
            + retention
            + (key == null ? "" : " idempotent"));
    return answer(message);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Status status(RelyingSystem sender, String messageId) {
    SecureMessage message = ofSender(sender, messageId);
    List<HandsetCopy> handsetCopies =
        store.copies(message).stream()
            .map(
                c ->
                    new HandsetCopy(
                        c.deviceType(),
                        c.state(),
                        c.createdAt(),
                        c.deliveredAt().orElse(null),
                        c.deletedAt().orElse(null)))
            .toList();
    return new Status(
        message.messageId(),
        message.state(),
        message.createdAt(),
        message.expiresAt(),
        message.deliveredAt().orElse(null),
        message.closedAt().orElse(null),
        handsetCopies);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Reply> replies(RelyingSystem sender, String messageId) {
    SecureMessage message = ofSender(sender, messageId);
    return em.createNamedQuery("MessageReply.ofMessage", MessageReply.class)
        .setParameter("message", message)
        .getResultStream()
        .map(
            r ->
                new Reply(
                    r.replyId(),
                    r.createdAt(),
                    keys.secretBox()
                        .openString(r.sealedBody(), MessageReply.associatedData(r.replyId()))))
        .toList();
  }

  private SecureMessage ofSender(RelyingSystem sender, String messageId) {
    sender.requireRole(SystemRole.SENDER);
    return store
        .find(messageId)
        .filter(m -> m.sender().id().equals(sender.id()))
        .orElseThrow(MessageStore::unknown);
  }

  private Optional<SecureMessage> firstWithKey(RelyingSystem sender, String key) {
    return em.createNamedQuery("SecureMessage.byIdempotencyKey", SecureMessage.class)
        .setParameter("sender", em.getReference(RelyingSystem.class, sender.id()))
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  /** The one customer with this MSISDN; none when there is none or several share it. */
  private Optional<Customer> onlyCustomerWith(String msisdn) {
    List<Customer> found = customers.findByMsisdn(msisdn);
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static Submitted answer(SecureMessage message) {
    return new Submitted(message.messageId(), message.submittedState(), message.expiresAt());
  }
}
