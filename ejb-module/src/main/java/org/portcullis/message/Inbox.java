package org.portcullis.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A handset's side of secure messages: its inbox of JWEs, the acknowledgement after decrypting
 * (which makes the message unreadable for the server), deletion, and replies. Every call names the
 * handset and the terminal of the token that authorised it, which must be the handset.
 */
public interface Inbox {

  /** 64 KiB of UTF-8. */
  int MAX_REPLY_BYTES = 64 * 1024;

  /** The most messages an inbox lists, newest first. */
  int MAX_ENTRIES = 200;

  /**
   * A message in a handset's inbox.
   *
   * @param jwe the JWE in general JSON serialization with this handset's entry only, wrapped for
   *     the key the handset had when the copy was made or last wrapped again (a key replaced after
   *     the message was delivered cannot be wrapped for: the server no longer has the content key)
   */
  record Entry(
      String messageId,
      String senderSystemId,
      String senderName,
      CopyState state,
      Instant submittedAt,
      Instant expiresAt,
      Instant deliveredAt,
      Map<String, Object> jwe) {}

  /** A stored reply. */
  record ReplyReceipt(String replyId, String messageId, Instant createdAt) {}

  /**
   * The handset's messages that are neither deleted nor expired, newest first.
   *
   * @throws org.portcullis.error.DomainException not found ({@code unknown-handset}); forbidden for
   *     another handset's token
   */
  List<Entry> list(String handsetId, String callerTerminalId);

  /**
   * The handset decrypted the message: its copy is delivered and, the first time any handset does
   * this, so is the message, and the server's wrap of the content key is erased. A repeat changes
   * nothing. Audited.
   *
   * @throws org.portcullis.error.DomainException not found ({@code unknown-message}) when the
   *     message is not in this handset's inbox
   */
  Entry acknowledge(String handsetId, String callerTerminalId, String messageId);

  /**
   * Removes the message from this handset at once (its wrap is erased). When no handset has it any
   * more, the message is deleted: its content and its replies are erased. Audited.
   *
   * @throws org.portcullis.error.DomainException not found ({@code unknown-message})
   */
  void delete(String handsetId, String callerTerminalId, String messageId);

  /**
   * Stores a reply for the sender (sealed) and, when the sender has a webhook, queues its push.
   * Audited without content.
   *
   * @throws org.portcullis.error.DomainException not found ({@code unknown-message}); bad input
   *     ({@code body}: 1 to {@value #MAX_REPLY_BYTES} bytes of UTF-8)
   */
  ReplyReceipt reply(String handsetId, String callerTerminalId, String messageId, String body);
}
