package org.portcullis.lockout.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.audit.AuditLog;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.lockout.Factor;
import org.portcullis.lockout.FactorLock;
import org.portcullis.lockout.LockoutPolicy;
import org.portcullis.lockout.LockoutService;
import org.portcullis.time.PortcullisClock;

/**
 * Settings: {@code portcullis.lockout.max-failures} (5), {@code
 * portcullis.lockout.hard-lock-failures} (20, at most 100), {@code portcullis.lockout.first-delay}
 * (PT1M), {@code portcullis.lockout.max-delay} (PT1H).
 */
@Stateless
public class LockoutServiceBean implements LockoutService {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB CustomerService customers;

  @Inject
  @ConfigProperty(name = "portcullis.lockout.max-failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "portcullis.lockout.hard-lock-failures", defaultValue = "20")
  int hardLockFailures;

  @Inject
  @ConfigProperty(name = "portcullis.lockout.first-delay", defaultValue = "PT1M")
  String firstDelay;

  @Inject
  @ConfigProperty(name = "portcullis.lockout.max-delay", defaultValue = "PT1H")
  String maxDelay;

  private LockoutPolicy policy;

  @PostConstruct
  void readPolicy() {
    policy =
        new LockoutPolicy(
            maxFailures,
            Math.min(hardLockFailures, LockoutPolicy.HARD_LOCK_CEILING),
            Duration.parse(firstDelay),
            Duration.parse(maxDelay));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void openCounters(Customer customer) {
    for (Factor factor : Factor.values()) {
      em.persist(new FactorLock(customer.id(), factor));
    }
  }

  @Override
  public boolean isLocked(Customer customer, Factor factor) {
    return counter(customer, factor, LockModeType.NONE).isLocked(clock.now());
  }

  @Override
  public void recordFailure(Customer customer, Factor factor) {
    FactorLock lock = counter(customer, factor, LockModeType.PESSIMISTIC_WRITE);
    boolean wasLocked = lock.isLocked(clock.now());
    lock.recordFailure(policy, clock.now());
    if (!wasLocked && lock.isLocked(clock.now())) {
      audit.record(
          "server",
          "lockout.lock",
          "customer:" + customer.account(),
          lock.hardLocked() ? "HARD_LOCK" : "LOCK",
          "factor=" + factor + " failures=" + lock.failures());
    }
  }

  @Override
  public void recordSuccess(Customer customer, Factor factor) {
    counter(customer, factor, LockModeType.PESSIMISTIC_WRITE).recordSuccess();
  }

  @Override
  public void hardLock(Customer customer, Factor factor, String actor, String reason) {
    counter(customer, factor, LockModeType.PESSIMISTIC_WRITE).hardLock();
    audit.record(
        actor,
        "lockout.lock",
        "customer:" + customer.account(),
        "HARD_LOCK",
        "factor=" + factor + " reason=" + reason);
  }

  @Override
  public void unlock(String account, Factor factor, String staffUsername) {
    Customer customer =
        customers
            .find(account)
            .orElseThrow(
                () -> DomainException.notFound("unknown-customer", "No customer " + account));
    counter(customer, factor, LockModeType.PESSIMISTIC_WRITE).unlock();
    audit.record(
        "staff:" + staffUsername,
        "lockout.unlock",
        "customer:" + account,
        "OK",
        "factor=" + factor);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Counter> counters(Customer customer) {
    Instant now = clock.now();
    return em.createNamedQuery("FactorLock.ofCustomer", FactorLock.class)
        .setParameter("customerId", customer.id())
        .getResultStream()
        .map(
            l ->
                new Counter(
                    l.factor(),
                    l.failures(),
                    l.isLocked(now),
                    l.hardLocked(),
                    l.lockedUntil().filter(now::isBefore).orElse(null)))
        .toList();
  }

  private FactorLock counter(Customer customer, Factor factor, LockModeType lockMode) {
    return em.createNamedQuery("FactorLock.of", FactorLock.class)
        .setParameter("customerId", customer.id())
        .setParameter("factor", factor)
        .setLockMode(lockMode)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              // customers created before a factor existed get their counter on first use
              FactorLock created = new FactorLock(customer.id(), factor);
              em.persist(created);
              return created;
            });
  }
}
