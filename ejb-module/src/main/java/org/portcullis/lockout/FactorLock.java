package org.portcullis.lockout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One customer's failure counter and lock for one factor. */
@Entity
@Table(name = "factor_lock")
@NamedQuery(
    name = "FactorLock.of",
    query = "SELECT l FROM FactorLock l WHERE l.customerId = :customerId AND l.factor = :factor")
@NamedQuery(
    name = "FactorLock.ofCustomer",
    query = "SELECT l FROM FactorLock l WHERE l.customerId = :customerId ORDER BY l.factor")
@NamedQuery(
    name = "FactorLock.countLocked",
    query = "SELECT COUNT(l) FROM FactorLock l WHERE l.hardLocked = TRUE OR l.lockedUntil > :now")
public class FactorLock {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "customer_id", nullable = false, updatable = false)
  private Long customerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Factor factor;

  @Column(nullable = false)
  private int failures;

  @Column(nullable = false)
  private int locks;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "hard_locked", nullable = false)
  private boolean hardLocked;

  protected FactorLock() {}

  public FactorLock(Long customerId, Factor factor) {
    this.customerId = customerId;
    this.factor = factor;
  }

  public boolean isLocked(Instant now) {
    return hardLocked || (lockedUntil != null && now.isBefore(lockedUntil));
  }

  /** Counts a failure and locks (or hard-locks) when the policy says so. */
  public void recordFailure(LockoutPolicy policy, Instant now) {
    failures++;
    if (failures >= policy.hardLockFailures()) {
      hardLocked = true;
      lockedUntil = null;
    } else if (failures >= policy.maxFailures()) {
      locks++;
      lockedUntil = now.plus(policy.delayOfLock(locks));
    }
  }

  /** A success ends the run of failures. */
  public void recordSuccess() {
    failures = 0;
    locks = 0;
    lockedUntil = null;
  }

  /** Locks until staff unlock, whatever the counter says (staff action or a duress answer). */
  public void hardLock() {
    hardLocked = true;
    lockedUntil = null;
  }

  /** Staff lift every lock, hard or timed. */
  public void unlock() {
    recordSuccess();
    hardLocked = false;
  }

  public Factor factor() {
    return factor;
  }

  public int failures() {
    return failures;
  }

  public boolean hardLocked() {
    return hardLocked;
  }

  public Optional<Instant> lockedUntil() {
    return Optional.ofNullable(lockedUntil);
  }
}
