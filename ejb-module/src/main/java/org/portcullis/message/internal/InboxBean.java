package org.portcullis.message.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.error.DomainException;
import org.portcullis.handset.HandsetPublicKeys;
import org.portcullis.handset.HandsetPublicKeys.Owner;
import org.portcullis.message.CopyState;
import org.portcullis.message.Inbox;
import org.portcullis.message.MessageJwe;
import org.portcullis.message.MessageState;
import org.portcullis.outbox.OutboxService;
import org.portcullis.system.RelyingSystem;
import org.portcullis.time.PortcullisClock;

/** A handset's inbox: list, acknowledge, delete, reply; see {@link Inbox}. */
@Stateless
public class InboxBean implements Inbox {

  private static final List<CopyState> LIVE = List.of(CopyState.PENDING, CopyState.DELIVERED);
  private static final List<MessageState> READABLE =
      List.of(MessageState.NOTIFIED, MessageState.DELIVERED);

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB MessageStore store;
  @EJB HandsetPublicKeys handsets;
  @EJB OutboxService outbox;
  @EJB ServerKeys keys;
  @EJB AuditLog audit;
  @EJB PortcullisClock clock;

  @Override
  public List<Entry> list(String handsetId, String callerTerminalId) {
    caller(handsetId, callerTerminalId);
    return em.createNamedQuery("MessageCopy.inbox", MessageCopy.class)
        .setParameter("handset", handsetId)
        .setParameter("live", LIVE)
        .setParameter("open", READABLE)
        .setParameter("now", clock.now())
        .setMaxResults(MAX_ENTRIES)
        .getResultStream()
        .map(InboxBean::entry)
        .toList();
  }

  @Override
  public Entry acknowledge(String handsetId, String callerTerminalId, String messageId) {
    Owner owner = caller(handsetId, callerTerminalId);
    Instant now = clock.now();
    MessageCopy copy = liveCopy(handsetId, messageId, now);
    SecureMessage message = copy.message();
    boolean first = copy.state() == CopyState.PENDING;
    copy.delivered(now);
    message.delivered(now);
    if (first) {
      audit.record(
          "customer:" + owner.account(),
          "message.deliver",
          "message:" + messageId,
          "OK",
          "handset=" + handsetId);
    }
    return entry(copy);
  }

  @Override
  public void delete(String handsetId, String callerTerminalId, String messageId) {
    Owner owner = caller(handsetId, callerTerminalId);
    Instant now = clock.now();
    MessageCopy copy = liveCopy(handsetId, messageId, now);
    SecureMessage message = copy.message();
    copy.deleted(now);
    boolean last = store.copies(message).stream().noneMatch(MessageCopy::isLive);
    if (last) {
      // replies stay for the sender until the retention ends
      store.close(message, MessageState.DELETED, now, false);
    }
    audit.record(
        "customer:" + owner.account(),
        "message.delete",
        "message:" + messageId,
        "OK",
        "handset=" + handsetId + (last ? " last-copy" : ""));
  }

  @Override
  public ReplyReceipt reply(
      String handsetId, String callerTerminalId, String messageId, String body) {
    Owner owner = caller(handsetId, callerTerminalId);
    if (body == null || body.isBlank()) {
      throw DomainException.badInput("invalid-reply", "body", "body is required");
    }
    if (body.getBytes(StandardCharsets.UTF_8).length > MAX_REPLY_BYTES) {
      throw DomainException.badInput(
          "reply-too-large", "body", "body must be at most 65536 bytes of UTF-8");
    }
    Instant now = clock.now();
    MessageCopy copy = liveCopy(handsetId, messageId, now);
    SecureMessage message = copy.message();
    String replyId = "rpl-" + Randoms.readable(20);
    em.persist(
        new MessageReply(
            replyId,
            message,
            handsetId,
            keys.secretBox().seal(body, MessageReply.associatedData(replyId)),
            now));
    RelyingSystem sender = message.sender();
    boolean pushed = sender.messages().webhookUrl().isPresent();
    if (pushed) {
      String secret =
          keys.secretBox()
              .openString(
                  sender.sealedWebhookSecret().orElseThrow(), sender.webhookSecretAssociatedData());
      outbox.queueWebhook(
          sender.messages().webhookUrl().get(),
          secret,
          replyId,
          pushBody(messageId, replyId, now, body),
          "message-reply");
    }
    audit.record(
        "customer:" + owner.account(),
        "message.reply",
        "message:" + messageId,
        "OK",
        "reply=" + replyId + " handset=" + handsetId + (pushed ? " pushed" : ""));
    return new ReplyReceipt(replyId, messageId, now);
  }

  /**
   * What a sender's webhook receives: a Standard Webhooks payload {@code {type, timestamp, data}}.
   */
  static String pushBody(String messageId, String replyId, Instant createdAt, String body) {
    return Json.createObjectBuilder()
        .add("type", "message.reply")
        .add("timestamp", createdAt.toString())
        .add(
            "data",
            Json.createObjectBuilder()
                .add("messageId", messageId)
                .add("replyId", replyId)
                .add("createdAt", createdAt.toString())
                .add("body", body))
        .build()
        .toString();
  }

  /** The handset's copy of a readable message, with the message locked. */
  private MessageCopy liveCopy(String handsetId, String messageId, Instant now) {
    MessageCopy copy =
        store.find(messageId).isEmpty()
            ? null
            : em.createNamedQuery("MessageCopy.ofHandset", MessageCopy.class)
                .setParameter("handset", handsetId)
                .setParameter("messageId", messageId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    if (copy == null) {
      throw MessageStore.unknown();
    }
    SecureMessage message = store.lock(copy.message());
    em.refresh(copy);
    if (!copy.isLive()
        || !READABLE.contains(message.state())
        || !message.expiresAt().isAfter(now)) {
      throw MessageStore.unknown();
    }
    return copy;
  }

  /** The handset, when the token that called is the handset's own. */
  private Owner caller(String handsetId, String callerTerminalId) {
    Owner owner =
        handsets
            .owner(handsetId)
            .orElseThrow(
                () -> DomainException.notFound("unknown-handset", "No handset " + handsetId));
    if (!owner.handsetId().equals(callerTerminalId)) {
      throw DomainException.forbidden(
          "not-this-handset", "Only the handset itself may read its inbox, with its own token");
    }
    return owner;
  }

  private static Entry entry(MessageCopy copy) {
    SecureMessage message = copy.message();
    return new Entry(
        message.messageId(),
        message.sender().systemId(),
        message.sender().name(),
        copy.state(),
        message.createdAt(),
        message.expiresAt(),
        copy.deliveredAt().orElse(null),
        copy.entry()
            .flatMap(e -> message.body().map(body -> MessageJwe.forRecipient(body, e)))
            .orElse(null));
  }
}
