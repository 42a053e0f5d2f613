package org.portcullis.dashboard.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

  /**
   * Verifications of a window counted per minute and outcome by the database: at 150 verifications
   * a second, 30 minutes are 270,000 audit rows, which must not travel to the server every time a
   * dashboard refreshes. {@code DATE_TRUNC} is H2's and PostgreSQL's alike (JPQL has nothing to cut
   * a timestamp to its minute); the {@code (action, occurred_at)} index serves the range. Three
   * action parameters: {@link Dashboard#VERIFICATION_ACTIONS}.
   */
  static final String PER_MINUTE =
      "SELECT DATE_TRUNC('MINUTE', occurred_at), outcome, COUNT(*) FROM audit_record"
          + " WHERE action IN (?1, ?2, ?3) AND occurred_at >= ?4 AND occurred_at < ?5"
          + " GROUP BY DATE_TRUNC('MINUTE', occurred_at), outcome";

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB AlertService alerts;
  @EJB OutboxAdmin outbox;

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Snapshot snapshot() {
    Instant now = clock.now();
    List<PerMinute.Outcome> window = new ArrayList<>();
    Query perMinute =
        em.createNativeQuery(PER_MINUTE)
            .setParameter(4, utc(PerMinute.windowStart(now, MINUTES)))
            .setParameter(5, utc(PerMinute.windowEnd(now)));
    for (int i = 0; i < VERIFICATION_ACTIONS.size(); i++) {
      perMinute.setParameter(i + 1, VERIFICATION_ACTIONS.get(i));
    }
    for (Object row : perMinute.getResultList()) {
      Object[] columns = (Object[]) row;
      window.add(
          new PerMinute.Outcome(
              instant(columns[0]), OK.equals(columns[1]), ((Number) columns[2]).longValue()));
    }
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

  /** An instant as JDBC drivers take it (PostgreSQL's takes no {@link Instant}). */
  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
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
