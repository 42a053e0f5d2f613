package org.portcullis.pattern.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.portcullis.alert.AlertService;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.Customer;
import org.portcullis.lockout.Factor;
import org.portcullis.lockout.LockoutService;
import org.portcullis.pattern.DerivationPattern;
import org.portcullis.pattern.FunctionCodeTable;
import org.portcullis.pattern.Grid;
import org.portcullis.pattern.PairwiseIds;
import org.portcullis.pattern.PatternCheck;
import org.portcullis.pattern.PatternVerifications.Result;
import org.portcullis.pattern.PatternVerifications.Verification;
import org.portcullis.system.RelyingSystem;
import org.portcullis.time.PortcullisClock;

/**
 * Decides one answer to a pending verification and records everything that follows from it: the
 * consumed verification, the lockout counter, the pairwise ID, a duress alert, the audit record.
 * Runs in the caller's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PatternAnswers {

  private static final int MAX_PAIRWISE_ATTEMPTS = 100;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB LockoutService lockout;
  @EJB AlertService alerts;

  /**
   * Consumes {@code pending} with {@code password}.
   *
   * @param actor who answered, for the audit log ({@code system:…} or {@code customer:…})
   */
  public Verification answer(
      PendingVerification pending,
      Customer customer,
      RelyingSystem system,
      String password,
      String actor) {
    Instant now = clock.now();
    String outcome;
    PatternCheck.Outcome checked = new PatternCheck.Outcome(false, FunctionCodeTable.NONE);
    if (pending.isExpiredAt(now)) {
      outcome = "EXPIRED";
      pending.answer(PendingVerification.State.EXPIRED, null, null, now);
    } else if (lockout.isLocked(customer, Factor.PATTERN)) {
      outcome = "LOCKED";
      pending.answer(PendingVerification.State.FAIL, null, null, now);
    } else {
      checked = check(pending, system, password);
      outcome = checked.ok() ? "OK" : "FAIL";
      if (checked.ok()) {
        lockout.recordSuccess(customer, Factor.PATTERN);
        pending.answer(
            PendingVerification.State.OK, checked.function(), pairwiseId(system, customer), now);
        if (FunctionCodeTable.DURESS.equals(checked.function())) {
          alerts.raiseDuress(customer, system, pending.id());
        }
      } else {
        lockout.recordFailure(customer, Factor.PATTERN);
        pending.answer(PendingVerification.State.FAIL, null, null, now);
      }
    }
    audit.record(
        actor,
        "pattern.verify",
        "customer:" + customer.account(),
        outcome,
        "system="
            + system.systemId()
            + " flow="
            + pending.flow()
            + " function="
            + checked.function());
    return new Verification(
        checked.ok() ? Result.OK : Result.FAIL,
        checked.function(),
        pending.pairwiseId().orElse(null),
        pending.verificationId());
  }

  /** The answer for which no pending verification exists (SPEC §3.2.4): refused, audited. */
  public Verification illegitimate(RelyingSystem system, String subject, String actor) {
    audit.record(
        actor,
        "pattern.verify",
        subject,
        "ILLEGITIMATE",
        "system=" + system.systemId() + " no pending verification");
    return new Verification(Result.FAIL, FunctionCodeTable.NONE, null, Randoms.urlToken(18));
  }

  private PatternCheck.Outcome check(
      PendingVerification pending, RelyingSystem system, String password) {
    StoredPattern stored = em.find(StoredPattern.class, pending.patternRef());
    if (stored == null) {
      // re-registered since the challenge: the grid was for a pattern that no longer exists
      return new PatternCheck.Outcome(false, FunctionCodeTable.NONE);
    }
    DerivationPattern pattern =
        DerivationPattern.decode(
            keys.secretBox().openString(stored.sealedPattern(), stored.associatedData()));
    FunctionCodeTable codes = system.functionCodes();
    if (pattern.isFixedPassword()) {
      String hash = stored.fixedHash().orElseThrow();
      return PatternCheck.checkFixed(
          pattern.fixedLength(),
          candidate -> keys.hasher().slowVerify(candidate, hash),
          codes,
          password);
    }
    Grid grid = SealedGrids.open(keys.secretBox(), pending.sealedGrid(), pending.eventId());
    return PatternCheck.check(pattern.expected(grid), codes, password);
  }

  /** The customer's stored pairwise ID at the system, derived and stored on first need. */
  String pairwiseId(RelyingSystem system, Customer customer) {
    Optional<PairwiseId> stored =
        em.createNamedQuery("PairwiseId.ofCustomer", PairwiseId.class)
            .setParameter("systemRef", system.id())
            .setParameter("customerRef", customer.id())
            .getResultStream()
            .findFirst();
    if (stored.isPresent()) {
      return stored.get().value();
    }
    byte[] key = pairwiseKey(system);
    int length = system.pattern().pairwiseIdLength();
    for (int counter = 0; counter < MAX_PAIRWISE_ATTEMPTS; counter++) {
      String value = PairwiseIds.derive(key, customer.id(), length, counter);
      long taken =
          em.createNamedQuery("PairwiseId.countOfValue", Long.class)
              .setParameter("systemRef", system.id())
              .setParameter("value", value)
              .getSingleResult();
      if (taken == 0) {
        em.persist(new PairwiseId(system.id(), customer.id(), value, counter, clock.now()));
        return value;
      }
    }
    throw new IllegalStateException(
        "No free pairwise ID at system " + system.systemId() + "; lengthen its pairwise IDs");
  }

  private byte[] pairwiseKey(RelyingSystem system) {
    String associatedData = "pairwise-key:" + system.systemId();
    if (system.pairwiseKey().isEmpty()) {
      RelyingSystem locked =
          em.find(RelyingSystem.class, system.id(), LockModeType.PESSIMISTIC_WRITE);
      locked.keepPairwiseKey(keys.secretBox().seal(Randoms.bytes(32), associatedData));
      return keys.secretBox().open(locked.pairwiseKey().orElseThrow(), associatedData);
    }
    return keys.secretBox().open(system.pairwiseKey().get(), associatedData);
  }
}
