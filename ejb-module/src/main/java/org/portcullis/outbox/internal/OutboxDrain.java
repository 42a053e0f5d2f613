package org.portcullis.outbox.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.MessagingException;
import jakarta.resource.ResourceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.mail.MailContent;
import org.portcullis.time.PortcullisClock;

/**
 * Drains the outboxes on the EJB timer's threads, never on a request's: claims a batch of due rows
 * (committed), sends each one outside any transaction, records each outcome in a transaction of its
 * own.
 *
 * <p><b>Guarantee: at least once.</b> A row is {@code SENDING} only under a claim with a deadline;
 * if the server dies mid-send, the claim lapses and the row is queued again (counted as an
 * attempt). So nothing is lost across restarts, and nothing is lost while the gateway or the mail
 * server is down: such failures do not use up attempts, and the drain stops for the round at the
 * first one, giving the rest of its batch back. A message goes out twice only if the server dies
 * (or loses its database) between the gateway's acceptance and the commit that records {@code
 * SENT}, which neither SMPP nor SMTP lets a client rule out. To keep a slow send from outliving its
 * claim, a drain starts no send in the second half of the claim's time; it gives such rows back.
 *
 * <p>Every node runs its own timers (non-persistent: the rows are the durable state); the claims
 * keep nodes from sending the same row. SMS and mail drain independently, so a dead mail server
 * does not hold up SMS.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxDrain {

  private static final Logger LOG = Logger.getLogger(OutboxDrain.class.getName());

  /** Batches per round, so that a long backlog does not hold the timer thread for ever. */
  private static final int MAX_BATCHES = 50;

  @EJB OutboxStore store;
  @EJB OutboxSettings settings;
  @EJB SmsGateway smsGateway;
  @EJB MailGateway mailGateway;
  @EJB WebhookGateway webhookGateway;
  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;

  private final AtomicBoolean smsRunning = new AtomicBoolean();
  private final AtomicBoolean mailRunning = new AtomicBoolean();
  private final AtomicBoolean webhookRunning = new AtomicBoolean();

  /** Every two seconds: how long a queued SMS (a one-time code) waits at most before its send. */
  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "outbox-sms")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onSmsTimer() {
    guarded("SMS", this::drainSms);
  }

  /** Every two seconds, like SMS: mails carry registration links that customers wait for. */
  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "outbox-mail")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onMailTimer() {
    guarded("mail", this::drainMail);
  }

  /** Every two seconds, like SMS: a sender's system waits for its customers' replies. */
  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "outbox-webhook")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onWebhookTimer() {
    guarded("webhook", this::drainWebhooks);
  }

  /**
   * One round of the SMS outbox; returns how many sends were tried. Skipped (0) while another round
   * runs on this node.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int drainSms() {
    if (!smsRunning.compareAndSet(false, true)) {
      return 0;
    }
    try {
      store.releaseLapsedClaims(SmsOutboxMessage.class);
      store.adoptOrphanReceipts();
      int tried = 0;
      for (int batch = 0; batch < MAX_BATCHES; batch++) {
        List<SmsOutboxMessage> claimed = store.claim(SmsOutboxMessage.class, settings.batchSize());
        boolean stop = false;
        for (SmsOutboxMessage row : claimed) {
          if (stop || !inFirstHalfOfClaim(row)) {
            store.release(SmsOutboxMessage.class, row.id(), row.claimToken());
            continue;
          }
          tried++;
          stop = sendSms(row);
        }
        if (stop || claimed.size() < settings.batchSize()) {
          break;
        }
      }
      return tried;
    } finally {
      smsRunning.set(false);
    }
  }

  /** One round of the mail outbox, like {@link #drainSms()}. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int drainMail() {
    if (!mailRunning.compareAndSet(false, true)) {
      return 0;
    }
    try {
      store.releaseLapsedClaims(MailOutboxMessage.class);
      int tried = 0;
      for (int batch = 0; batch < MAX_BATCHES; batch++) {
        List<MailOutboxMessage> claimed =
            store.claim(MailOutboxMessage.class, settings.batchSize());
        boolean stop = false;
        for (MailOutboxMessage row : claimed) {
          if (stop || !inFirstHalfOfClaim(row)) {
            store.release(MailOutboxMessage.class, row.id(), row.claimToken());
            continue;
          }
          tried++;
          stop = sendMail(row);
        }
        if (stop || claimed.size() < settings.batchSize()) {
          break;
        }
      }
      return tried;
    } finally {
      mailRunning.set(false);
    }
  }

  /**
   * One round of the webhook outbox, like {@link #drainMail()}, except that a receiver that fails
   * does not end the round: each push goes to a receiver of its own.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int drainWebhooks() {
    if (!webhookRunning.compareAndSet(false, true)) {
      return 0;
    }
    try {
      store.releaseLapsedClaims(WebhookOutboxMessage.class);
      int tried = 0;
      for (int batch = 0; batch < MAX_BATCHES; batch++) {
        List<WebhookOutboxMessage> claimed =
            store.claim(WebhookOutboxMessage.class, settings.batchSize());
        for (WebhookOutboxMessage row : claimed) {
          if (!inFirstHalfOfClaim(row)) {
            store.release(WebhookOutboxMessage.class, row.id(), row.claimToken());
            continue;
          }
          tried++;
          sendWebhook(row);
        }
        if (claimed.size() < settings.batchSize()) {
          break;
        }
      }
      return tried;
    } finally {
      webhookRunning.set(false);
    }
  }

  /** Sends one claimed SMS and records the outcome; true when the gateway is unavailable. */
  private boolean sendSms(SmsOutboxMessage row) {
    String text;
    try {
      text =
          keys.secretBox().openString(row.sealedText(), SmsOutboxMessage.associatedData(row.id()));
    } catch (IllegalArgumentException e) {
      store.recordFailure(SmsOutboxMessage.class, row.id(), row.claimToken(), unopenable(e));
      return false;
    }
    List<String> messageIds;
    try {
      messageIds = smsGateway.send(row.recipient(), text);
    } catch (ResourceException | RuntimeException e) {
      SendFailure failure = SendFailure.of(e, text);
      logFailure("SMS", row, failure);
      store.recordFailure(SmsOutboxMessage.class, row.id(), row.claimToken(), failure);
      return failure.kind() == SendFailure.Kind.UNAVAILABLE;
    }
    store.recordSmsAccepted(row.id(), row.claimToken(), messageIds);
    return false;
  }

  /** Sends one claimed mail and records the outcome; true when the server is unavailable. */
  private boolean sendMail(MailOutboxMessage row) {
    if (row.sealedContent() == null) {
      // erased when it was sent (see OutboxService#queueMailErasedWhenSent): nothing to send again
      store.recordFailure(
          MailOutboxMessage.class,
          row.id(),
          row.claimToken(),
          SendFailure.permanent("the mail was sent and its content erased; nothing to send"));
      return false;
    }
    MailContent content;
    try {
      content =
          MailContent.decode(
              keys.secretBox()
                  .open(row.sealedContent(), MailOutboxMessage.associatedData(row.id())));
    } catch (IllegalArgumentException e) {
      store.recordFailure(MailOutboxMessage.class, row.id(), row.claimToken(), unopenable(e));
      return false;
    }
    String messageId;
    try {
      messageId = mailGateway.send(row, content, clock.now());
    } catch (MessagingException | RuntimeException e) {
      SendFailure failure = SendFailure.of(e, content.subject(), content.text(), content.html());
      logFailure("Mail", row, failure);
      store.recordFailure(MailOutboxMessage.class, row.id(), row.claimToken(), failure);
      return failure.kind() == SendFailure.Kind.UNAVAILABLE;
    }
    store.recordMailAccepted(row.id(), row.claimToken(), messageId);
    return false;
  }

  /** Pushes one claimed webhook and records the outcome. */
  private void sendWebhook(WebhookOutboxMessage row) {
    WebhookContent content;
    try {
      content =
          WebhookContent.decode(
              keys.secretBox()
                  .open(
                      row.sealedContent().orElseThrow(),
                      WebhookOutboxMessage.associatedData(row.id())));
    } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
      store.recordFailure(
          WebhookOutboxMessage.class,
          row.id(),
          row.claimToken(),
          SendFailure.permanent("the stored push cannot be opened (was the keystore replaced?)"));
      return;
    }
    Optional<SendFailure> failure;
    try {
      failure = webhookGateway.send(row, content, clock.now());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      store.release(WebhookOutboxMessage.class, row.id(), row.claimToken());
      return;
    }
    if (failure.isPresent()) {
      logFailure("Webhook", row, failure.get());
      store.recordFailure(WebhookOutboxMessage.class, row.id(), row.claimToken(), failure.get());
    } else {
      store.recordWebhookAccepted(row.id(), row.claimToken());
    }
  }

  private boolean inFirstHalfOfClaim(OutboxMessage row) {
    Instant now = clock.now();
    Instant half = row.claimUntil().minus(settings.claimTimeout().dividedBy(2));
    return now.isBefore(half);
  }

  private static SendFailure unopenable(IllegalArgumentException e) {
    return SendFailure.permanent(
        "the stored message cannot be opened (was the keystore replaced?): " + e.getMessage());
  }

  private static void logFailure(String channel, OutboxMessage row, SendFailure failure) {
    // the description is scrubbed of the message's text; the recipient is not a secret
    LOG.log(
        failure.kind() == SendFailure.Kind.UNAVAILABLE ? Level.WARNING : Level.INFO,
        "{0} {1} to {2} not sent: {3}",
        new Object[] {channel, row.id(), row.recipient(), failure.description()});
  }

  private static void guarded(String channel, Runnable round) {
    try {
      round.run();
    } catch (RuntimeException e) {
      // the rows keep their state (a claimed row comes back when its claim lapses); next round
      LOG.log(Level.WARNING, "The " + channel + " outbox round failed; retrying in 2 s", e);
    }
  }
}
