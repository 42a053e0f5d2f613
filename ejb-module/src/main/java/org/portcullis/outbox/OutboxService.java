package org.portcullis.outbox;

import java.util.Collection;
import java.util.List;
import org.portcullis.mail.InlineImage;

/**
 * Sending an SMS or a mail: the only way the application reaches a customer (SPEC §3.11, §3.12).
 *
 * <p>Queueing writes an outbox row in the caller's transaction, so the message exists exactly when
 * the business change that wants it commits. The server drains the outboxes in the background and
 * never on the caller's thread. <b>Delivery guarantee: at least once.</b> A queued message is never
 * lost while the SMS gateway or the mail server is down or across restarts: it stays queued (an
 * unreachable gateway does not use up its attempts) until it is accepted, it is given up ({@link
 * OutboxState#FAILED}, visible to staff, who may retry it) after the configured number of refused
 * attempts, or a delivery receipt says it failed. A message can be sent twice only when the server
 * dies (or loses its database) between the gateway's acceptance and the commit that records it as
 * {@link OutboxState#SENT}: neither SMPP nor SMTP lets a client ask whether an earlier submission
 * arrived. Both copies of such a mail carry the same Message-ID.
 *
 * <p>Texts, subjects, bodies and images are stored sealed (they carry one-time codes and links),
 * are never logged and never shown to staff.
 */
public interface OutboxService {

  /**
   * Queues an SMS.
   *
   * @param to the recipient, E.164 ({@code +447700900123})
   * @param text 1 to 1600 characters; long texts go out as concatenated parts
   * @param purpose what it is for, shown to staff: 1-64 of {@code a-z 0-9 . _ -}, e.g. {@code
   *     enrollment-otp}
   * @return the outbox row's id
   * @throws org.portcullis.error.DomainException bad input (which rolls the caller's transaction
   *     back)
   */
  long queueSms(String to, String text, String purpose);

  /**
   * Queues a mail: text and HTML alternatives, with inline images when given.
   *
   * @param to a plain address {@code someone@example.org}
   * @param subject one line, at most 200 characters
   * @param text the plain-text alternative
   * @param html the HTML alternative, referring to images as {@code cid:<content id>}; null derives
   *     one from the text
   * @param images null or empty for none
   * @return the outbox row's id
   * @throws org.portcullis.error.DomainException bad input (which rolls the caller's transaction
   *     back)
   */
  long queueMail(String to, String subject, String text, String html, List<InlineImage> images);

  /** {@link #queueMail} with the purpose staff see on the row. */
  long queueMail(
      String to,
      String subject,
      String text,
      String html,
      List<InlineImage> images,
      String purpose);

  /**
   * Queues a webhook push: {@code body} POSTed to {@code url}, signed with {@code secret} as
   * Standard Webhooks specifies ({@link WebhookSignature}). Body and secret are sealed, and erased
   * once the receiver accepted the push (a 2xx answer); until then every failure is retried with
   * backoff ({@code portcullis.outbox.webhook-max-attempts}).
   *
   * @param url an absolute http or https URL
   * @param eventId the push's {@code webhook-id}, unique per event (receivers deduplicate by it)
   * @param body a JSON document
   * @return the outbox row's id
   */
  long queueWebhook(String url, String secret, String eventId, String body, String purpose);

  /**
   * Drops the pushes of these events, sent or not: their content must not outlive what they were
   * about (a purged message's replies).
   *
   * @return how many rows were dropped
   */
  int forgetWebhooks(Collection<String> eventIds);

  /**
   * {@link #queueMail} for a mail whose body must not outlive its sending, such as a private
   * group's invitation, which carries the group's code. Until the mail server accepts it, the row
   * is kept sealed like any other, with the same guarantee (at least once, retried, requeued after
   * a crash); the moment its acceptance is recorded ({@link OutboxState#SENT}) its subject, texts
   * and images are erased from the row. Staff see such a row like any other; a retry is impossible
   * once it is sent, since there is nothing left to send.
   */
  long queueMailErasedWhenSent(
      String to,
      String subject,
      String text,
      String html,
      List<InlineImage> images,
      String purpose);

  /**
   * Records a delivery receipt for one part of a sent SMS. The message becomes {@link
   * OutboxState#DELIVERED} once every part is {@code DELIVRD}, {@link OutboxState#FAILED} on a
   * final negative state (see {@link DeliveryReceipts}). A receipt that arrives before the outbox
   * has recorded the part's message id (the gateway can be that fast) is kept and applied when it
   * is. Runs in a transaction of its own unless the caller has one.
   *
   * @param messageId the gateway's message id of the part
   * @param receiptState the SMPP final state, e.g. {@code DELIVRD}
   */
  void recordReceipt(String messageId, String receiptState);
}
