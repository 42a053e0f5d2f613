package org.portcullis.outbox.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portcullis.audit.AuditLog;
import org.portcullis.error.DomainException;
import org.portcullis.outbox.OutboxAdmin;
import org.portcullis.outbox.OutboxService;
import org.portcullis.outbox.OutboxState;
import org.portcullis.time.PortcullisClock;

/** The outboxes for staff: lists without texts, retries, test sends; changes are audited. */
@Stateless
public class OutboxAdminBean implements OutboxAdmin {

  static final String TEST_PURPOSE = "staff-test";

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB OutboxService outbox;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<SmsRow> listSms(OutboxState state, int limit, int offset) {
    List<SmsOutboxMessage> rows = page(SmsOutboxMessage.class, state, limit, offset);
    Map<Long, List<String>> gatewayIds = gatewayIds(rows);
    return rows.stream()
        .map(row -> smsRow(row, gatewayIds.getOrDefault(row.id(), List.of())))
        .toList();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<MailRow> listMail(OutboxState state, int limit, int offset) {
    return page(MailOutboxMessage.class, state, limit, offset).stream()
        .map(OutboxAdminBean::mailRow)
        .toList();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long countSms(OutboxState state) {
    return count(SmsOutboxMessage.class, state);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long countMail(OutboxState state) {
    return count(MailOutboxMessage.class, state);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<WebhookRow> listWebhooks(OutboxState state, int limit, int offset) {
    return page(WebhookOutboxMessage.class, state, limit, offset).stream()
        .map(OutboxAdminBean::webhookRow)
        .toList();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long countWebhooks(OutboxState state) {
    return count(WebhookOutboxMessage.class, state);
  }

  @Override
  public WebhookRow retryWebhook(long id, String staffUsername) {
    return webhookRow(retry(WebhookOutboxMessage.class, id, "webhook push", staffUsername));
  }

  @Override
  public SmsRow retrySms(long id, String staffUsername) {
    SmsOutboxMessage row = retry(SmsOutboxMessage.class, id, "SMS", staffUsername);
    return smsRow(row, gatewayIds(List.of(row)).getOrDefault(row.id(), List.of()));
  }

  @Override
  public MailRow retryMail(long id, String staffUsername) {
    return mailRow(retry(MailOutboxMessage.class, id, "mail", staffUsername));
  }

  @Override
  public long testSms(String to, String text, String staffUsername) {
    long id = outbox.queueSms(to, text, TEST_PURPOSE);
    audit.record(
        "staff:" + staffUsername,
        "outbox.sms.test",
        OutboxStore.subject(SmsOutboxMessage.class, id),
        "QUEUED",
        "to=" + to);
    return id;
  }

  @Override
  public long testMail(String to, String subject, String text, String staffUsername) {
    long id = outbox.queueMail(to, subject, text, null, List.of(), TEST_PURPOSE);
    audit.record(
        "staff:" + staffUsername,
        "outbox.mail.test",
        OutboxStore.subject(MailOutboxMessage.class, id),
        "QUEUED",
        "to=" + to);
    return id;
  }

  private <T extends OutboxMessage> T retry(
      Class<T> type, long id, String noun, String staffUsername) {
    T row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      throw DomainException.notFound("unknown-outbox-message", "No " + noun + " with id " + id);
    }
    OutboxState previous = row.state();
    if (!previous.isRetryableByStaff()) {
      throw DomainException.conflict(
          "outbox-not-retryable",
          "Only a FAILED or QUEUED " + noun + " can be retried; " + id + " is " + previous);
    }
    row.retryNow(clock.now());
    audit.record(
        "staff:" + staffUsername,
        "outbox." + OutboxStore.channel(type) + ".retry",
        OutboxStore.subject(type, id),
        "OK",
        "previous=" + previous);
    return row;
  }

  private <T extends OutboxMessage> List<T> page(
      Class<T> type, OutboxState state, int limit, int offset) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw DomainException.badInput("invalid-paging", "limit", "limit must be 1 to " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw DomainException.badInput("invalid-paging", "offset", "offset must be 0 or more");
    }
    TypedQuery<T> query =
        state == null
            ? em.createNamedQuery(type.getSimpleName() + ".newest", type)
            : em.createNamedQuery(type.getSimpleName() + ".newestInState", type)
                .setParameter("state", state);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  private <T extends OutboxMessage> long count(Class<T> type, OutboxState state) {
    TypedQuery<Long> query =
        state == null
            ? em.createNamedQuery(type.getSimpleName() + ".count", Long.class)
            : em.createNamedQuery(type.getSimpleName() + ".countInState", Long.class)
                .setParameter("state", state);
    return query.getSingleResult();
  }

  /** The part ids of each message, in part order, in one query. */
  private Map<Long, List<String>> gatewayIds(List<SmsOutboxMessage> rows) {
    Map<Long, List<String>> gatewayIds = new HashMap<>();
    if (!rows.isEmpty()) {
      em.createNamedQuery("SmsPart.ofMessages", SmsPart.class)
          .setParameter("outboxIds", rows.stream().map(OutboxMessage::id).toList())
          .getResultStream()
          .forEach(
              part ->
                  gatewayIds
                      .computeIfAbsent(part.outboxId().orElseThrow(), id -> new ArrayList<>())
                      .add(part.messageId()));
    }
    return gatewayIds;
  }

  private static SmsRow smsRow(SmsOutboxMessage row, List<String> gatewayIds) {
    return new SmsRow(
        row.id(),
        row.recipient(),
        row.purpose(),
        row.state(),
        row.attempts(),
        List.copyOf(gatewayIds),
        row.lastError().orElse(null),
        row.createdAt(),
        row.updatedAt(),
        due(row));
  }

  private static MailRow mailRow(MailOutboxMessage row) {
    return new MailRow(
        row.id(),
        row.recipient(),
        row.purpose(),
        row.state(),
        row.attempts(),
        row.messageId().orElse(null),
        row.lastError().orElse(null),
        row.createdAt(),
        row.updatedAt(),
        due(row));
  }

  private static WebhookRow webhookRow(WebhookOutboxMessage row) {
    return new WebhookRow(
        row.id(),
        row.recipient(),
        row.purpose(),
        row.eventId(),
        row.state(),
        row.attempts(),
        row.lastError().orElse(null),
        row.createdAt(),
        row.updatedAt(),
        due(row));
  }

  private static Instant due(OutboxMessage row) {
    return row.state() == OutboxState.QUEUED ? row.nextAttemptAt() : null;
  }
}
