package org.portcullis.message.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.portcullis.error.DomainException;
import org.portcullis.message.MessageState;
import org.portcullis.outbox.OutboxService;

/**
 * Finding messages, and erasing what a closed message must not keep; in the caller's transaction.
 */
@Stateless
public class MessageStore {

  /** Message ids: {@code msg-} and 20 readable random characters (100 bits). */
  static final String MESSAGE_ID = "msg-[a-z2-9]{20}";

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB OutboxService outbox;

  /** The message, unlocked; empty for an unknown or malformed id. */
  public Optional<SecureMessage> find(String messageId) {
    if (messageId == null || !messageId.matches(MESSAGE_ID)) {
      return Optional.empty();
    }
    return em.createNamedQuery("SecureMessage.byMessageId", SecureMessage.class)
        .setParameter("messageId", messageId)
        .getResultStream()
        .findFirst();
  }

  /**
   * The message, locked for a change: acknowledgements, deletions, late wraps and expiry of one
   * message never interleave.
   */
  public SecureMessage lock(SecureMessage message) {
    em.lock(message, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(message);
    return message;
  }

  /** The message locked, or not found ({@code unknown-message}). */
  public SecureMessage locked(String messageId) {
    return lock(find(messageId).orElseThrow(MessageStore::unknown));
  }

  public List<MessageCopy> copies(SecureMessage message) {
    return em.createNamedQuery("MessageCopy.ofMessage", MessageCopy.class)
        .setParameter("message", message)
        .getResultList();
  }

  /**
   * Closes an open message as {@code closed}: erases its body, the server's entry and every copy's
   * wrap; with {@code dropReplies} also its replies and their queued pushes.
   */
  public void close(SecureMessage message, MessageState closed, Instant now, boolean dropReplies) {
    if (closed == MessageState.EXPIRED) {
      message.expired(now);
    } else {
      message.deleted(now);
    }
    for (MessageCopy copy : copies(message)) {
      copy.erase();
    }
    if (dropReplies) {
      dropReplies(message);
    }
  }

  /** Deletes a message's replies and any push of them that has not gone out. */
  public void dropReplies(SecureMessage message) {
    List<String> replyIds =
        em.createNamedQuery("MessageReply.idsOfMessage", String.class)
            .setParameter("message", message)
            .getResultList();
    if (!replyIds.isEmpty()) {
      outbox.forgetWebhooks(replyIds);
      em.createNamedQuery("MessageReply.deleteOfMessage")
          .setParameter("message", message)
          .executeUpdate();
    }
  }

  static DomainException unknown() {
    return DomainException.notFound("unknown-message", "No such message");
  }
}
