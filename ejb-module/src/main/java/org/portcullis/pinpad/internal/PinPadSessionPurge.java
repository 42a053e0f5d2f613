package org.portcullis.pinpad.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import org.portcullis.time.PortcullisClock;

/** Deletes PIN pad sessions an hour after they expired; they are of no use after that. */
@Singleton
public class PinPadSessionPurge {

  private static final Duration KEEP_AFTER_EXPIRY = Duration.ofHours(1);

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;

  /** Every ten minutes: sessions live minutes, so this keeps the table small. */
  @Schedule(minute = "*/10", hour = "*", persistent = false, info = "pinpad-purge")
  void purge() {
    em.createNamedQuery("PinPadSession.purgeBefore")
        .setParameter("before", clock.now().minus(KEEP_AFTER_EXPIRY))
        .executeUpdate();
  }
}
