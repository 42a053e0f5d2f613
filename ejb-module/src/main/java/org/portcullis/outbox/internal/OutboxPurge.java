package org.portcullis.outbox.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.portcullis.outbox.OutboxState;
import org.portcullis.time.PortcullisClock;

/**
 * Deletes settled outbox rows ({@code SENT}, {@code DELIVERED}, {@code FAILED}) once {@code
 * portcullis.outbox.retention} has passed since their last change: their sealed texts are secrets
 * that are of no use any more, and the tables would otherwise grow for ever.
 */
@Singleton
public class OutboxPurge {

  private static final List<OutboxState> SETTLED =
      Arrays.stream(OutboxState.values()).filter(OutboxState::isSettled).toList();

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB OutboxSettings settings;

  /** Hourly: retention is counted in days, so this keeps the tables near their size. */
  @Schedule(minute = "23", hour = "*", persistent = false, info = "outbox-purge")
  void purge() {
    Instant before = clock.now().minus(settings.retention());
    em.createNamedQuery("SmsPart.purgeOfSettled")
        .setParameter("settled", SETTLED)
        .setParameter("before", before)
        .executeUpdate();
    em.createNamedQuery("SmsOutboxMessage.purge")
        .setParameter("settled", SETTLED)
        .setParameter("before", before)
        .executeUpdate();
    em.createNamedQuery("MailOutboxMessage.purge")
        .setParameter("settled", SETTLED)
        .setParameter("before", before)
        .executeUpdate();
    em.createNamedQuery("WebhookOutboxMessage.purge")
        .setParameter("settled", SETTLED)
        .setParameter("before", before)
        .executeUpdate();
  }
}
