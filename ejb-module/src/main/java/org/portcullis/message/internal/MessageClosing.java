package org.portcullis.message.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.portcullis.audit.AuditLog;
import org.portcullis.message.MessageState;
import org.portcullis.time.PortcullisClock;

/** The steps of {@link MessageRetention}, each message in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MessageClosing {

  private static final int BATCH = 500;
  private static final List<MessageState> OPEN =
      List.of(MessageState.AWAITING_ENROLLMENT, MessageState.NOTIFIED, MessageState.DELIVERED);
  private static final List<MessageState> CLOSED =
      List.of(MessageState.EXPIRED, MessageState.DELETED);

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB MessageStore store;
  @EJB MessageSettings settings;
  @EJB AuditLog audit;
  @EJB PortcullisClock clock;

  public List<Long> dueForExpiry() {
    return em.createNamedQuery("SecureMessage.expired", Long.class)
        .setParameter("open", OPEN)
        .setParameter("now", clock.now())
        .setMaxResults(BATCH)
        .getResultList();
  }

  /** Expires one message unless another node or round did; true when this call did. */
  public boolean expire(long id) {
    SecureMessage message = em.find(SecureMessage.class, id);
    if (message == null) {
      return false;
    }
    store.lock(message);
    Instant now = clock.now();
    if (!message.state().isOpen() || message.expiresAt().isAfter(now)) {
      return false;
    }
    MessageState was = message.state();
    store.close(message, MessageState.EXPIRED, now, true);
    audit.record(
        "server",
        "message.expire",
        "message:" + message.messageId(),
        "EXPIRED",
        "was=" + was + " sender=" + message.sender().systemId());
    return true;
  }

  /**
   * Replies of deleted messages whose retention has ended (a deleted message keeps them so long).
   */
  public void dropRepliesOfEnded() {
    List<SecureMessage> ended =
        em.createQuery(
                "SELECT DISTINCT r.message FROM MessageReply r WHERE r.message.expiresAt <= :now",
                SecureMessage.class)
            .setParameter("now", clock.now())
            .setMaxResults(BATCH)
            .getResultList();
    ended.forEach(store::dropReplies);
  }

  public List<Long> closedLongAgo() {
    return em.createNamedQuery("SecureMessage.closedBefore", Long.class)
        .setParameter("closed", CLOSED)
        .setParameter("before", clock.now().minus(settings.keepClosed()))
        .setMaxResults(BATCH)
        .getResultList();
  }

  /** Deletes a long-closed message's metadata: its copies' rows and its own. */
  public void forget(long id) {
    SecureMessage message = em.find(SecureMessage.class, id);
    if (message == null || message.state().isOpen()) {
      return;
    }
    store.dropReplies(message);
    em.createNamedQuery("MessageCopy.deleteOfMessages")
        .setParameter("messages", List.of(id))
        .executeUpdate();
    em.remove(message);
  }
}
