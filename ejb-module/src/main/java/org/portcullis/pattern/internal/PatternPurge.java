package org.portcullis.pattern.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;
import org.portcullis.time.PortcullisClock;

/**
 * Deletes verifications, use IDs and registration links older than {@code
 * portcullis.pattern.keep-answered}; until then dashboards and staff can read them.
 */
@Singleton
public class PatternPurge {

  private static final Logger LOG = Logger.getLogger(PatternPurge.class.getName());

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB PatternSettings settings;

  /** Hourly: everything kept lives for weeks. */
  @Schedule(minute = "37", hour = "*", persistent = false, info = "pattern-purge")
  void purge() {
    Instant before = clock.now().minus(settings.keepAnswered());
    int verifications =
        em.createNamedQuery("PendingVerification.purge")
            .setParameter("before", before)
            .executeUpdate();
    int useIds = em.createNamedQuery("UseId.purge").setParameter("before", before).executeUpdate();
    int registrations =
        em.createNamedQuery("PatternRegistration.purge")
            .setParameter("before", before)
            .executeUpdate();
    LOG.fine(
        () ->
            "Purged "
                + verifications
                + " verifications, "
                + useIds
                + " use IDs, "
                + registrations
                + " registration links");
  }
}
