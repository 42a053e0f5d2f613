package org.portcullis.outbox.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.Randoms;
import org.portcullis.outbox.DeliveryReceipts;
import org.portcullis.outbox.OutboxState;
import org.portcullis.time.PortcullisClock;

/**
 * The drain's steps on the rows, each in a transaction of its own that commits before anything is
 * sent: claiming due rows, recording what the gateway said, giving back lapsed claims, and applying
 * delivery receipts.
 *
 * <p>Concurrency: every change locks its row ({@code SELECT … FOR UPDATE}) and checks the state it
 * expects after the lock, so two drains (two nodes) never claim the same row: the second one waits
 * for the first one's short claim transaction and then sees {@code SENDING}. Rows are locked in id
 * order, which keeps two drains from deadlocking. H2 has no {@code SKIP LOCKED}, hence the lock and
 * re-check instead.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

  private static final Logger LOG = Logger.getLogger(OutboxStore.class.getName());

  /** Orphan receipts older than this are for messages the outbox will never record. */
  static final Duration ORPHAN_LIFETIME = Duration.ofHours(1);

  private static final int LAPSED_BATCH = 100;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB OutboxSettings settings;
  @EJB AuditLog audit;

  /**
   * Claims up to {@code max} due rows for one drain: marks them {@code SENDING} under one random
   * claim token with a deadline, and commits. The rows come back detached, with their token.
   */
  public <T extends OutboxMessage> List<T> claim(Class<T> type, int max) {
    Instant now = clock.now();
    List<Long> due =
        em.createNamedQuery(type.getSimpleName() + ".due", Long.class)
            .setParameter("queued", OutboxState.QUEUED)
            .setParameter("now", now)
            .setMaxResults(max)
            .getResultList();
    String token = Randoms.urlToken(12);
    Instant until = now.plus(settings.claimTimeout());
    List<T> claimed = new ArrayList<>(due.size());
    for (Long id : due.stream().sorted().toList()) {
      T row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
      // another drain may have claimed it between the query and the lock
      if (row != null && row.isDueAt(now)) {
        row.claim(token, until, now);
        claimed.add(row);
      }
    }
    em.flush();
    return claimed;
  }

  /**
   * Gives back the rows whose claim lapsed (the drain holding them died or hangs): each counts as a
   * failed attempt, since the message may or may not have gone out.
   *
   * @return how many
   */
  public <T extends OutboxMessage> int releaseLapsedClaims(Class<T> type) {
    Instant now = clock.now();
    List<Long> lapsed =
        em.createNamedQuery(type.getSimpleName() + ".lapsedClaims", Long.class)
            .setParameter("sending", OutboxState.SENDING)
            .setParameter("now", now)
            .setMaxResults(LAPSED_BATCH)
            .getResultList();
    int released = 0;
    for (Long id : lapsed) {
      T row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
      if (row != null && row.claimLapsedAt(now)) {
        row.attemptFailed(
            new SendFailure(
                SendFailure.Kind.RETRY,
                "the claim lapsed: the server stopped while sending, so the message may have gone"
                    + " out"),
            settings.retrySchedule(type),
            now,
            Randoms.secureRandom());
        auditIfFailed(type, row);
        released++;
      }
    }
    if (released > 0) {
      int count = released;
      LOG.warning(() -> "Gave back " + count + " lapsed " + type.getSimpleName() + " claims");
    }
    return released;
  }

  /** The drain gives back a row it claimed but did not send; it is due again at once. */
  public void release(Class<? extends OutboxMessage> type, long id, String token) {
    OutboxMessage row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
    if (row != null && row.isClaimedBy(token)) {
      row.release(clock.now());
    }
  }

  /**
   * An attempt failed. Ignored when the claim is no longer the caller's (it lapsed and another
   * drain owns the row now).
   */
  public void recordFailure(
      Class<? extends OutboxMessage> type, long id, String token, SendFailure failure) {
    OutboxMessage row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null || !row.isClaimedBy(token)) {
      LOG.warning(() -> "A failed send of " + type.getSimpleName() + " " + id + " lost its claim");
      return;
    }
    row.attemptFailed(failure, settings.retrySchedule(type), clock.now(), Randoms.secureRandom());
    auditIfFailed(type, row);
  }

  /**
   * The gateway accepted an SMS with these part ids: the row is {@code SENT} (whatever happened to
   * its claim meanwhile: the acceptance is a fact), receipts that came first are adopted.
   */
  public void recordSmsAccepted(long id, String token, List<String> messageIds) {
    Instant now = clock.now();
    SmsOutboxMessage row = em.find(SmsOutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      LOG.warning(() -> "The gateway accepted SMS " + id + ", which is gone from the outbox");
      return;
    }
    if (!row.isClaimedBy(token)) {
      LOG.warning(() -> "SMS " + id + " was accepted after its claim lapsed; it may go out twice");
    }
    int firstIndex = 0;
    if (row.state() == OutboxState.SENT || row.state() == OutboxState.DELIVERED) {
      // sent twice (a lapsed claim): keep every part, so that each one's receipt still matches
      firstIndex = parts(id).size();
    } else {
      // a staff retry of a message that failed after it was sent: the old parts are history
      em.createNamedQuery("SmsPart.deleteOfMessage").setParameter("outboxId", id).executeUpdate();
      row.accepted(now);
    }
    for (int i = 0; i < messageIds.size(); i++) {
      String messageId = truncate(messageIds.get(i));
      SmsPart orphan =
          em.createNamedQuery("SmsPart.orphan", SmsPart.class)
              .setParameter("messageId", messageId)
              .setParameter("since", now.minus(ORPHAN_LIFETIME))
              .setMaxResults(1)
              .getResultStream()
              .findFirst()
              .orElse(null);
      if (orphan != null) {
        orphan.adopt(id, firstIndex + i);
      } else {
        em.persist(SmsPart.sent(id, firstIndex + i, messageId, now));
      }
    }
    em.flush();
    applyReceipts(row, now);
  }

  /** The mail server accepted a mail under this Message-ID. */
  public void recordMailAccepted(long id, String token, String messageId) {
    MailOutboxMessage row = em.find(MailOutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      LOG.warning(() -> "The mail server accepted mail " + id + ", which is gone from the outbox");
      return;
    }
    if (!row.isClaimedBy(token)) {
      LOG.warning(() -> "Mail " + id + " was accepted after its claim lapsed; it may go out twice");
    }
    if (row.state() != OutboxState.SENT) {
      row.accepted(messageId, clock.now());
    }
  }

  /** The receiver accepted a webhook push: it is {@code SENT} and its content erased. */
  public void recordWebhookAccepted(long id, String token) {
    WebhookOutboxMessage row =
        em.find(WebhookOutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      LOG.warning(() -> "Webhook " + id + " was accepted but is gone from the outbox");
      return;
    }
    if (!row.isClaimedBy(token)) {
      LOG.warning(() -> "Webhook " + id + " was accepted after its claim lapsed; it may go twice");
    }
    if (row.state() != OutboxState.SENT) {
      row.accepted(clock.now());
    }
  }

  /**
   * A delivery receipt for one part: applied to the newest part with that message id (gateways may
   * reuse ids after a restart), or kept as an orphan until the send is recorded.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void recordReceipt(String messageId, String receiptState) {
    Instant now = clock.now();
    String id = truncate(messageId);
    SmsPart part =
        em.createNamedQuery("SmsPart.attached", SmsPart.class)
            .setParameter("messageId", id)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (part == null) {
      em.persist(SmsPart.orphanReceipt(id, receiptState, now));
      return;
    }
    // lock the message before touching its parts: the same order as recordSmsAccepted
    SmsOutboxMessage row =
        em.find(
            SmsOutboxMessage.class, part.outboxId().orElseThrow(), LockModeType.PESSIMISTIC_WRITE);
    em.refresh(part);
    part.receipt(receiptState, now);
    em.flush();
    if (row != null) {
      applyReceipts(row, now);
    }
  }

  /**
   * Adopts orphan receipts whose part has been recorded since (the race {@link SmsPart} describes),
   * and deletes the ones too old to ever match.
   *
   * @return how many were adopted
   */
  public int adoptOrphanReceipts() {
    Instant now = clock.now();
    em.createNamedQuery("SmsPart.purgeOrphans")
        .setParameter("before", now.minus(ORPHAN_LIFETIME))
        .executeUpdate();
    List<SmsPart> orphans =
        em.createNamedQuery("SmsPart.orphans", SmsPart.class).setMaxResults(500).getResultList();
    int adopted = 0;
    for (SmsPart orphan : orphans) {
      SmsPart part =
          em.createNamedQuery("SmsPart.attached", SmsPart.class)
              .setParameter("messageId", orphan.messageId())
              .setMaxResults(1)
              .getResultStream()
              .findFirst()
              .orElse(null);
      if (part == null) {
        continue;
      }
      SmsOutboxMessage row =
          em.find(
              SmsOutboxMessage.class,
              part.outboxId().orElseThrow(),
              LockModeType.PESSIMISTIC_WRITE);
      em.refresh(part);
      part.receipt(orphan.receiptState(), orphan.receiptAt().orElse(now));
      em.remove(orphan);
      em.flush();
      if (row != null) {
        applyReceipts(row, now);
      }
      adopted++;
    }
    return adopted;
  }

  private void applyReceipts(SmsOutboxMessage row, Instant now) {
    if (row.state() != OutboxState.SENT) {
      return;
    }
    List<SmsPart> parts = parts(row.id());
    if (parts.isEmpty()) {
      return;
    }
    List<String> states = new ArrayList<>(parts.size());
    for (SmsPart part : parts) {
      states.add(part.receiptState());
    }
    DeliveryReceipts.Outcome outcome = DeliveryReceipts.evaluate(states);
    switch (outcome.verdict()) {
      case DELIVERED -> row.delivered(now);
      case FAILED -> {
        row.deliveryFailed(outcome.reason(), now);
        auditIfFailed(SmsOutboxMessage.class, row);
      }
      case PENDING -> {}
    }
  }

  private List<SmsPart> parts(long outboxId) {
    return em.createNamedQuery("SmsPart.ofMessage", SmsPart.class)
        .setParameter("outboxId", outboxId)
        .getResultList();
  }

  private void auditIfFailed(Class<? extends OutboxMessage> type, OutboxMessage row) {
    if (row.state() == OutboxState.FAILED) {
      audit.record(
          "server",
          "outbox." + channel(type) + ".failed",
          subject(type, row.id()),
          "FAILED",
          "attempts=" + row.attempts() + " lastError=" + row.lastError().orElse(""));
    }
  }

  static String subject(Class<? extends OutboxMessage> type, long id) {
    return channel(type) + ":" + id;
  }

  /** {@code sms}, {@code mail} or {@code webhook}: the word audit records use for an outbox. */
  static String channel(Class<? extends OutboxMessage> type) {
    if (type == SmsOutboxMessage.class) {
      return "sms";
    }
    return type == MailOutboxMessage.class ? "mail" : "webhook";
  }

  private static String truncate(String messageId) {
    String stripped = messageId.strip();
    return stripped.length() <= SmsPart.MAX_MESSAGE_ID
        ? stripped
        : stripped.substring(0, SmsPart.MAX_MESSAGE_ID);
  }
}
