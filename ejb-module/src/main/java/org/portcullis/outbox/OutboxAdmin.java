package org.portcullis.outbox;

import java.time.Instant;
import java.util.List;

/**
 * The outboxes as staff see them: rows without their text, retries, and test sends that check a
 * gateway. Every change is audited with the staff member.
 */
public interface OutboxAdmin {

  /** A page of a list; newest first. */
  int MAX_LIMIT = 500;

  /**
   * An SMS row. Never the text.
   *
   * @param gatewayIds the gateway's message id of each part, once sent
   * @param nextAttemptAt when it is due, only while {@link OutboxState#QUEUED}
   */
  record SmsRow(
      long id,
      String recipient,
      String purpose,
      OutboxState state,
      int attempts,
      List<String> gatewayIds,
      String lastError,
      Instant createdAt,
      Instant updatedAt,
      Instant nextAttemptAt) {}

  /**
   * A mail row. Never the subject, text or images.
   *
   * @param messageId the Message-ID header, once sent
   * @param nextAttemptAt when it is due, only while {@link OutboxState#QUEUED}
   */
  record MailRow(
      long id,
      String recipient,
      String purpose,
      OutboxState state,
      int attempts,
      String messageId,
      String lastError,
      Instant createdAt,
      Instant updatedAt,
      Instant nextAttemptAt) {}

  /**
   * A webhook push. Never its body or secret.
   *
   * @param url where it goes
   * @param eventId its {@code webhook-id}
   * @param nextAttemptAt when it is due, only while {@link OutboxState#QUEUED}
   */
  record WebhookRow(
      long id,
      String url,
      String purpose,
      String eventId,
      OutboxState state,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant updatedAt,
      Instant nextAttemptAt) {}

  /**
   * @param state only rows in this state; null for all
   * @param limit 1 to {@link #MAX_LIMIT}
   * @param offset rows to skip, from 0
   */
  List<SmsRow> listSms(OutboxState state, int limit, int offset);

  List<MailRow> listMail(OutboxState state, int limit, int offset);

  List<WebhookRow> listWebhooks(OutboxState state, int limit, int offset);

  /**
   * How many SMS rows {@link #listSms} pages through for {@code state}: a console's total, and the
   * dashboard's queue lengths.
   *
   * @param state null for all
   */
  long countSms(OutboxState state);

  /** How many mail rows {@link #listMail} pages through for {@code state} (null: all). */
  long countMail(OutboxState state);

  /** How many webhook rows {@link #listWebhooks} pages through for {@code state} (null: all). */
  long countWebhooks(OutboxState state);

  /**
   * Makes a {@link OutboxState#FAILED} or {@link OutboxState#QUEUED} SMS due now with its attempts
   * reset.
   *
   * @throws org.portcullis.error.DomainException not found, or a conflict in any other state
   */
  SmsRow retrySms(long id, String staffUsername);

  MailRow retryMail(long id, String staffUsername);

  WebhookRow retryWebhook(long id, String staffUsername);

  /** Queues a test SMS (purpose {@code staff-test}); returns its row id. */
  long testSms(String to, String text, String staffUsername);

  /** Queues a test mail (purpose {@code staff-test}); returns its row id. */
  long testMail(String to, String subject, String text, String staffUsername);
}
