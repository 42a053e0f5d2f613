package org.portcullis.dashboard.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.portcullis.alert.AlertService;
import org.portcullis.dashboard.Dashboard;
import org.portcullis.dashboard.PerMinute;
import org.portcullis.outbox.OutboxAdmin;
import org.portcullis.outbox.OutboxState;
import org.portcullis.time.PortcullisClock;

/**
 * The dashboard's snapshot: verifications from the audit log (named queries on {@code AuditRecord},
 * served by the {@code (action, occurred_at)} index), locks from {@code FactorLock}, alerts and
 * queues from their services. About ten small queries; nothing is cached, so every snapshot is
 * current.
 */
@Stateless
public class DashboardBean implements Dashboard {

  private static final Duration HOUR = Duration.ofHours(1);

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB AlertService alerts;
  @EJB OutboxAdmin outbox;

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Snapshot snapshot() {
    Instant now = clock.now();
    List<PerMinute.Outcome> window =
        em
            .createNamedQuery("AuditRecord.outcomesBetween", Object[].class)
            .setParameter("actions", VERIFICATION_ACTIONS)
            .setParameter("from", PerMinute.windowStart(now, MINUTES))
            .setParameter("to", PerMinute.windowEnd(now))
            .getResultList()
            .stream()
            .map(row -> new PerMinute.Outcome(instant(row[0]), OK.equals(row[1])))
            .toList();
    long verifications = 0;
    long failures = 0;
    for (Object[] row :
        em.createNamedQuery("AuditRecord.outcomeCountsBetween", Object[].class)
            .setParameter("actions", VERIFICATION_ACTIONS)
            .setParameter("from", now.minus(HOUR))
            .setParameter("to", now)
            .getResultList()) {
      long count = ((Number) row[1]).longValue();
      verifications += count;
      if (!OK.equals(row[0])) {
        failures += count;
      }
    }
    long locked =
        em.createNamedQuery("FactorLock.countLocked", Long.class)
            .setParameter("now", now)
            .getSingleResult();
    return new Snapshot(
        now,
        PerMinute.count(now, MINUTES, window),
        verifications,
        failures,
        locked,
        alerts.countOpen(),
        outbox.countSms(OutboxState.QUEUED) + outbox.countSms(OutboxState.SENDING),
        outbox.countSms(OutboxState.FAILED),
        outbox.countMail(OutboxState.QUEUED) + outbox.countMail(OutboxState.SENDING),
        outbox.countMail(OutboxState.FAILED));
  }

  /**
   * A selected {@code occurredAt}. EclipseLink applies the attribute's converter to a projection
   * too, giving an {@link Instant}; the other types are what a provider that did not would give.
   */
  static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
  }
}
