package org.portcullis.message.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.portcullis.audit.AuditLog;
import org.portcullis.handset.HandsetPublicKeys.KeyChanged;
import org.portcullis.handset.HandsetPublicKeys.KeyedHandset;
import org.portcullis.message.CopyState;
import org.portcullis.message.MessageState;

/**
 * A handset that gets a key after a message was submitted (enrolled later, or a first key) or
 * replaces its key before the message was delivered: the content key, unwrapped from the server's
 * entry, is wrapped for the new key. The body is never encrypted again. Runs in the key upload's
 * transaction, so the key and its wraps commit together.
 */
@Stateless
public class LateRecipients {

  private static final List<MessageState> OPEN =
      List.of(MessageState.AWAITING_ENROLLMENT, MessageState.NOTIFIED);

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB MessageStore store;
  @EJB MessageWraps wraps;
  @EJB AuditLog audit;

  /** For every undelivered message to the handset's customer and number. */
  public void keyChanged(@Observes KeyChanged change) {
    Instant now = change.uploadedAt();
    List<Long> ids =
        em.createNamedQuery("SecureMessage.awaitingHandset", Long.class)
            .setParameter("customer", change.customerId())
            .setParameter("msisdn", change.msisdn())
            .setParameter("open", OPEN)
            .setParameter("now", now)
            .getResultList();
    KeyedHandset handset =
        new KeyedHandset(change.handsetId(), change.deviceType(), change.key(), now);
    for (Long id : ids) {
      SecureMessage message = store.lock(em.find(SecureMessage.class, id));
      Optional<SecretKey> contentKey = wraps.contentKey(message);
      if (contentKey.isEmpty() || message.body().isEmpty()) {
        continue; // delivered or closed while we waited for the lock
      }
      Optional<MessageCopy> existing =
          store.copies(message).stream()
              .filter(c -> c.handsetId().equals(change.handsetId()))
              .findFirst();
      String what;
      if (existing.isEmpty()) {
        wraps.addCopy(message, contentKey.get(), handset, now);
        message.copyAdded(now);
        what = "late-handset";
      } else if (existing.get().state() == CopyState.PENDING) {
        wraps.rewrap(existing.get(), contentKey.get(), handset);
        what = "new-key";
      } else {
        continue; // deleted on this handset: it stays deleted
      }
      audit.record(
          "customer:" + change.account(),
          "message.wrap",
          "message:" + message.messageId(),
          "OK",
          "handset=" + change.handsetId() + " reason=" + what);
    }
  }
}
