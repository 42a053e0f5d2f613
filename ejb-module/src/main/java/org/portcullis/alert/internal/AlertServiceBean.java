package org.portcullis.alert.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.portcullis.alert.Alert;
import org.portcullis.alert.AlertService;
import org.portcullis.audit.AuditLog;
import org.portcullis.customer.Customer;
import org.portcullis.error.DomainException;
import org.portcullis.lockout.Factor;
import org.portcullis.lockout.LockoutService;
import org.portcullis.outbox.OutboxService;
import org.portcullis.system.RelyingSystem;
import org.portcullis.time.PortcullisClock;

/** Alerts; a duress alert notifies the duty address and schedules the system's lock. */
@Stateless
public class AlertServiceBean implements AlertService {

  private static final int MAX_LISTED = 500;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB OutboxService outbox;
  @EJB LockoutService lockout;
  @EJB AlertSettings settings;

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void raiseDuress(Customer customer, RelyingSystem system, Long verificationRef) {
    Instant now = clock.now();
    Instant lockDue = system.pattern().duressLockAfter().map(now::plus).orElse(null);
    em.persist(new Alert(Alert.DURESS, customer.id(), system.id(), verificationRef, now, lockDue));
    String text =
        "Portcullis DURESS alert: customer "
            + customer.account()
            + " at system "
            + system.systemId()
            + " ("
            + system.name()
            + ") at "
            + now
            + ". Acknowledge it in the console.";
    settings
        .dutyEmail()
        .ifPresent(
            email ->
                outbox.queueMail(
                    email, "Portcullis DURESS alert", text, null, List.of(), "duress-alert"));
    settings.dutyMsisdn().ifPresent(msisdn -> outbox.queueSms(msisdn, text, "duress-alert"));
    audit.record(
        "system:" + system.systemId(),
        "alert.raise",
        "customer:" + customer.account(),
        Alert.DURESS,
        lockDue == null ? "lock=never" : "lockDue=" + lockDue);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AlertView> list(boolean openOnly) {
    return em.createNamedQuery(openOnly ? "Alert.open" : "Alert.all", Alert.class)
        .setMaxResults(MAX_LISTED)
        .getResultStream()
        .map(this::view)
        .toList();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long countOpen() {
    return em.createNamedQuery("Alert.countOpen", Long.class).getSingleResult();
  }

  @Override
  public AlertView acknowledge(long id, String staffUsername) {
    Alert alert = em.find(Alert.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (alert == null) {
      throw DomainException.notFound("unknown-alert", "No alert " + id);
    }
    if (alert.acknowledged()) {
      throw DomainException.conflict(
          "alert-acknowledged",
          "Alert " + id + " was already acknowledged by " + alert.acknowledgedBy().orElse("?"));
    }
    alert.acknowledge(staffUsername, clock.now());
    audit.record(
        "staff:" + staffUsername, "alert.acknowledge", "alert:" + id, "OK", "kind=" + alert.kind());
    return view(alert);
  }

  @Override
  public int applyDueLocks() {
    Instant now = clock.now();
    List<Alert> due =
        em.createNamedQuery("Alert.locksDue", Alert.class)
            .setParameter("now", now)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    for (Alert alert : due) {
      Customer customer = em.find(Customer.class, alert.customerRef());
      for (Factor factor : Factor.values()) {
        lockout.hardLock(customer, factor, "server", "duress alert " + alert.id());
      }
      alert.locked(now);
    }
    return due.size();
  }

  private AlertView view(Alert alert) {
    Customer customer = em.find(Customer.class, alert.customerRef());
    RelyingSystem system =
        alert.systemRef().map(ref -> em.find(RelyingSystem.class, ref)).orElse(null);
    return new AlertView(
        alert.id(),
        alert.kind(),
        customer.account(),
        system == null ? null : system.systemId(),
        system == null ? null : system.name(),
        alert.raisedAt(),
        alert.lockDueAt().orElse(null),
        alert.lockedAt().orElse(null),
        alert.acknowledgedAt().orElse(null),
        alert.acknowledgedBy().orElse(null));
  }
}
