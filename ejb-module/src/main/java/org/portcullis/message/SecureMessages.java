package org.portcullis.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.portcullis.system.RelyingSystem;

/**
 * The sender's side of secure messages: submitting a message to a customer's MSISDN, following its
 * state, and reading the customer's replies. Only systems with the {@code SENDER} role; a sender
 * sees only its own messages (another sender's are "not found").
 *
 * <p>An MSISDN that is no customer's is answered exactly like a customer's: the message is accepted
 * and stays {@link MessageState#AWAITING_ENROLLMENT} until it expires, but nothing of it is stored
 * beyond its metadata and nothing is texted.
 */
public interface SecureMessages {

  /** The longest {@code Idempotency-Key}. */
  int MAX_IDEMPOTENCY_KEY = 255;

  /**
   * Problem type of a submission that met another one with the same idempotency key at the same
   * moment (409): repeating it gets the first one's answer.
   */
  String IDEMPOTENCY_RACE = "idempotency-key-in-use";

  /**
   * What a sender submits. {@link #toString()} leaves the content out.
   *
   * @param retention null for the sender's longest
   * @param idempotencyKey null, or 1 to {@value #MAX_IDEMPOTENCY_KEY} visible ASCII characters: a
   *     repeat with the same key gets the first answer and sends nothing again
   */
  record Submission(
      String msisdn, String subject, String body, Duration retention, String idempotencyKey) {
    @Override
    public String toString() {
      return "Submission[msisdn=" + msisdn + ", retention=" + retention + "]";
    }
  }

  /** The answer to a submission. */
  record Submitted(String messageId, MessageState state, Instant expiresAt) {}

  /** One handset's copy as the sender sees it: no handset id, only the kind of handset. */
  record HandsetCopy(
      String deviceType,
      CopyState state,
      Instant createdAt,
      Instant deliveredAt,
      Instant deletedAt) {}

  /** A message's state and its handsets' states. */
  record Status(
      String messageId,
      MessageState state,
      Instant createdAt,
      Instant expiresAt,
      Instant deliveredAt,
      Instant closedAt,
      List<HandsetCopy> handsets) {}

  /** A customer's reply. {@link #toString()} leaves the body out. */
  record Reply(String replyId, Instant createdAt, String body) {
    @Override
    public String toString() {
      return "Reply[replyId=" + replyId + ", createdAt=" + createdAt + "]";
    }
  }

  /**
   * Encrypts the message for the customer's handsets (and for the server until delivery), stores
   * only that, and texts a notice without content. Audited.
   *
   * @throws org.portcullis.error.DomainException forbidden ({@code role-required}) for a system
   *     that is not a sender; bad input naming the field ({@code msisdn}, {@code subject}, {@code
   *     body}, {@code retention}, {@code idempotencyKey}), nothing stored or sent
   */
  Submitted submit(RelyingSystem sender, Submission submission);

  /**
   * @throws org.portcullis.error.DomainException not found ({@code unknown-message}) unless it is
   *     this sender's
   */
  Status status(RelyingSystem sender, String messageId);

  /**
   * The replies to a message, oldest first, while the message has not expired.
   *
   * @throws org.portcullis.error.DomainException not found ({@code unknown-message}) unless it is
   *     this sender's
   */
  List<Reply> replies(RelyingSystem sender, String messageId);
}
