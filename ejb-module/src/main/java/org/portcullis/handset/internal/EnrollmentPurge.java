package org.portcullis.handset.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import org.portcullis.time.PortcullisClock;

/**
 * Deletes enrollment attempts a day after their code expired. The handset-OTP rows among them are
 * what keeps an SMS from enrolling twice; by then that SMS is long outside the five-minute window.
 */
@Singleton
public class EnrollmentPurge {

  static final Duration KEEP = Duration.ofDays(1);

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;

  @Schedule(minute = "37", hour = "*", persistent = false, info = "enrollment-purge")
  void purge() {
    em.createNamedQuery("HandsetEnrollment.purgeBefore")
        .setParameter("before", clock.now().minus(KEEP))
        .executeUpdate();
  }
}
