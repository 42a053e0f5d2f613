package org.portcullis.inboundsms.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.time.PortcullisClock;

/**
 * Deletes mobile-originated SMS older than {@code portcullis.sms.inbound.retention} (default P7D):
 * their texts are codes that expire within minutes.
 */
@Singleton
public class InboundSmsPurge {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;

  @Inject
  @ConfigProperty(name = "portcullis.sms.inbound.retention", defaultValue = "P7D")
  String retention;

  /** Hourly: retention is counted in days. */
  @Schedule(minute = "41", hour = "*", persistent = false, info = "inbound-sms-purge")
  void purge() {
    em.createNamedQuery("InboundSmsRecord.purgeBefore")
        .setParameter("before", clock.now().minus(Duration.parse(retention)))
        .executeUpdate();
  }
}
