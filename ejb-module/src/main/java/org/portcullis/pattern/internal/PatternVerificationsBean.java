package org.portcullis.pattern.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.AttributeNames;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerAttributes;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.lockout.Factor;
import org.portcullis.lockout.LockoutService;
import org.portcullis.pattern.FunctionCodeTable;
import org.portcullis.pattern.Grid;
import org.portcullis.pattern.PatternTable;
import org.portcullis.pattern.PatternVerifications;
import org.portcullis.system.PatternPolicy;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRegistry;
import org.portcullis.system.SystemRole;
import org.portcullis.time.PortcullisClock;
import org.portcullis.token.TokenService;

/**
 * Challenges, answers, use IDs and attribute release; the decision itself is {@link
 * PatternAnswers}.
 */
@Stateless
public class PatternVerificationsBean implements PatternVerifications {

  private static final String PASSWORD = "[0-9]{1,40}";
  private static final String USE_ID = "[0-9]{6}";
  private static final int TEMP_ID_DIGITS = 8;
  private static final int MAX_DRAWS = 20;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB CustomerService customers;
  @EJB CustomerAttributes attributes;
  @EJB SystemRegistry systems;
  @EJB LockoutService lockout;
  @EJB PatternAnswers answers;

  @Override
  public Challenge challenge(TokenService.Approved handset, String systemId, Set<String> disclose) {
    if (systemId == null || !systemId.matches(RelyingSystem.SYSTEM_ID_PATTERN)) {
      throw DomainException.badInput("invalid-system-id", "systemId", "systemId is 8 digits");
    }
    RelyingSystem system =
        systems
            .find(systemId)
            .filter(RelyingSystem::enabled)
            .filter(s -> s.hasRole(SystemRole.VERIFIER))
            .orElseThrow(
                () ->
                    DomainException.notFound(
                        "unknown-system", "No system " + systemId + " verifies customers"));
    return open(customer(handset), system, PendingVerification.Flow.A, null, disclose);
  }

  @Override
  public Challenge claimUseId(TokenService.Approved handset, String useId, Set<String> disclose) {
    if (useId == null || !useId.matches(USE_ID)) {
      throw DomainException.badInput("invalid-use-id", "useId", "useId is 6 digits");
    }
    Customer customer = customer(handset);
    UseId claimed =
        em.createNamedQuery("UseId.live", UseId.class)
            .setParameter("useId", useId)
            .setParameter("now", clock.now())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .filter(u -> u.state() == UseId.State.OPEN)
            .findFirst()
            .orElseThrow(
                () ->
                    DomainException.notFound(
                        "unknown-use-id", "No such use ID, or it was used or has expired"));
    RelyingSystem system = em.find(RelyingSystem.class, claimed.systemRef());
    if (!system.enabled()) {
      throw DomainException.notFound(
          "unknown-use-id", "No such use ID, or it was used or has expired");
    }
    return open(customer, system, PendingVerification.Flow.B, claimed, disclose);
  }

  private Challenge open(
      Customer customer,
      RelyingSystem system,
      PendingVerification.Flow flow,
      UseId useId,
      Set<String> disclose) {
    Set<String> disclosed = disclosure(system, disclose);
    StoredPattern pattern =
        patternFor(customer, system)
            .orElseThrow(
                () ->
                    DomainException.conflict(
                        "no-pattern",
                        "You have no pattern for this system yet; ask the bank for a registration"
                            + " link"));
    if (lockout.isLocked(customer, Factor.PATTERN)) {
      throw DomainException.conflict(
          "pattern-locked",
          "Your pattern is locked after too many wrong answers; wait, or ask the bank to unlock"
              + " it");
    }
    Instant now = clock.now();
    for (PendingVerification older :
        em.createNamedQuery("PendingVerification.pendingOf", PendingVerification.class)
            .setParameter("systemRef", system.id())
            .setParameter("customerRef", customer.id())
            .setParameter("state", PendingVerification.State.PENDING)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      older.replace();
    }
    PatternTable table = em.find(PatternTable.class, pattern.tableRef());
    Grid grid = Grid.random(table.rules().rows(), table.rules().cols(), Randoms.secureRandom());
    PatternPolicy policy = system.pattern();
    String tempId = policy.tempIdsEnabled() ? tempId(system, customer, now) : null;
    String eventId = Randoms.urlToken(18);
    Instant expiresAt = now.plus(policy.gridTtl());
    PendingVerification pending =
        new PendingVerification(
            eventId,
            Randoms.urlToken(18),
            flow,
            system.id(),
            customer.id(),
            pattern.id(),
            SealedGrids.seal(keys.secretBox(), grid, eventId),
            tempId,
            useId == null ? null : useId.id(),
            disclosed,
            now,
            expiresAt);
    em.persist(pending);
    if (useId != null) {
      em.flush();
      useId.claim(pending.id());
    }
    audit.record(
        "customer:" + customer.account(),
        "pattern.challenge",
        "customer:" + customer.account(),
        "OK",
        "system=" + system.systemId() + " flow=" + flow + " disclose=" + new TreeSet<>(disclosed));
    return new Challenge(eventId, grid, expiresAt, tempId);
  }

  private static Set<String> disclosure(RelyingSystem system, Set<String> disclose) {
    if (disclose == null || disclose.isEmpty()) {
      return Set.of();
    }
    if (!system.hasRole(SystemRole.CONFIRMER) || system.shared()) {
      throw DomainException.badInput(
          "disclosure-not-allowed",
          "disclose",
          "This system does not receive attributes; send no disclosure set");
    }
    return AttributeNames.check(disclose);
  }

  /** The customer's pattern for this system, else the one for every system. */
  private Optional<StoredPattern> patternFor(Customer customer, RelyingSystem system) {
    StoredPattern general = null;
    for (StoredPattern pattern :
        em.createNamedQuery("StoredPattern.ofCustomer", StoredPattern.class)
            .setParameter("customerRef", customer.id())
            .getResultList()) {
      if (pattern.systemRef().isEmpty()) {
        general = pattern;
      } else if (pattern.systemRef().get().equals(system.id())) {
        return Optional.of(pattern);
      }
    }
    return Optional.ofNullable(general);
  }

  private String tempId(RelyingSystem system, Customer customer, Instant now) {
    PatternPolicy policy = system.pattern();
    Optional<TempId> current =
        em.createNamedQuery("TempId.ofCustomer", TempId.class)
            .setParameter("systemRef", system.id())
            .setParameter("customerRef", customer.id())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (current.isPresent()
        && current.get().reusable(now, policy.tempIdMaxAge(), policy.tempIdMaxUses())) {
      current.get().use();
      return current.get().tempId();
    }
    current.ifPresent(
        old -> {
          em.remove(old);
          em.flush();
        });
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      String candidate = Randoms.digits(TEMP_ID_DIGITS);
      boolean taken =
          em.createNamedQuery("TempId.byValue", TempId.class)
              .setParameter("systemRef", system.id())
              .setParameter("tempId", candidate)
              .getResultStream()
              .findAny()
              .isPresent();
      if (!taken) {
        TempId fresh = new TempId(system.id(), customer.id(), candidate, now);
        fresh.use();
        em.persist(fresh);
        return candidate;
      }
    }
    throw new IllegalStateException("No free temporary ID at system " + system.systemId());
  }

  @Override
  public Verification verify(RelyingSystem caller, String account, String tempId, String password) {
    caller.requireRole(SystemRole.VERIFIER);
    if ((account == null) == (tempId == null)) {
      throw DomainException.badInput(
          "invalid-verification", "account", "Send exactly one of account and tempId");
    }
    requirePassword(password);
    String actor = "system:" + caller.systemId();
    Optional<Customer> customer;
    if (account != null) {
      customer = customers.find(account);
    } else {
      customer =
          em.createNamedQuery("TempId.byValue", TempId.class)
              .setParameter("systemRef", caller.id())
              .setParameter("tempId", tempId)
              .getResultStream()
              .findFirst()
              .map(t -> em.find(Customer.class, t.customerRef()));
    }
    Optional<PendingVerification> pending =
        customer.flatMap(
            c ->
                em.createNamedQuery("PendingVerification.pendingOf", PendingVerification.class)
                    .setParameter("systemRef", caller.id())
                    .setParameter("customerRef", c.id())
                    .setParameter("state", PendingVerification.State.PENDING)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultStream()
                    .filter(p -> p.flow() == PendingVerification.Flow.A)
                    .findFirst());
    if (pending.isEmpty()) {
      String subject =
          customer
              .map(c -> "customer:" + c.account())
              .orElse(account != null ? "customer:(unknown)" : "temp-id:(unknown)");
      return answers.illegitimate(caller, subject, actor);
    }
    return answers.answer(pending.get(), customer.get(), caller, password, actor);
  }

  @Override
  public void answer(TokenService.Approved handset, String eventId, String password) {
    requirePassword(password);
    Customer customer = customer(handset);
    PendingVerification pending =
        em.createNamedQuery("PendingVerification.byEventId", PendingVerification.class)
            .setParameter("eventId", eventId == null ? "" : eventId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .filter(p -> p.customerRef().equals(customer.id()))
            .filter(p -> p.flow() == PendingVerification.Flow.B)
            .orElseThrow(
                () -> DomainException.notFound("unknown-event", "No such verification event"));
    if (pending.state() != PendingVerification.State.PENDING) {
      throw DomainException.conflict(
          "already-answered", "This verification was already answered or replaced");
    }
    RelyingSystem system = em.find(RelyingSystem.class, pending.systemRef());
    Verification verification =
        answers.answer(pending, customer, system, password, "customer:" + customer.account());
    pending
        .useIdRef()
        .map(ref -> em.find(UseId.class, ref))
        .ifPresent(useId -> useId.finish(verification.result() == Result.OK));
  }

  @Override
  public IssuedUseId issueUseId(RelyingSystem caller) {
    caller.requireRole(SystemRole.VERIFIER);
    Instant now = clock.now();
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      String candidate = Randoms.digits(6);
      boolean live =
          em.createNamedQuery("UseId.live", UseId.class)
              .setParameter("useId", candidate)
              .setParameter("now", now)
              .getResultStream()
              .findAny()
              .isPresent();
      if (!live) {
        Instant expiresAt = now.plus(PatternSettings.USE_ID_TTL);
        em.persist(new UseId(candidate, caller.id(), now, expiresAt));
        audit.record(
            "system:" + caller.systemId(), "pattern.use-id", "use-id:" + candidate, "OK", null);
        return new IssuedUseId(candidate, expiresAt);
      }
    }
    throw DomainException.throttled(
        "use-ids-exhausted", "Too many live use IDs; try again shortly", Duration.ofSeconds(5));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public UseIdStatus useIdStatus(RelyingSystem caller, String useId) {
    if (useId == null || !useId.matches(USE_ID)) {
      throw DomainException.badInput("invalid-use-id", "useId", "useId is 6 digits");
    }
    UseId found =
        em.createNamedQuery("UseId.ofSystem", UseId.class)
            .setParameter("useId", useId)
            .setParameter("systemRef", caller.id())
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> DomainException.notFound("unknown-use-id", "No such use ID"));
    Instant now = clock.now();
    Optional<PendingVerification> pending =
        found.verificationRef().map(ref -> em.find(PendingVerification.class, ref));
    String none = FunctionCodeTable.NONE;
    return switch (found.state()) {
      case OPEN ->
          new UseIdStatus(
              now.isBefore(found.expiresAt()) ? UseIdState.PENDING : UseIdState.EXPIRED,
              none,
              null,
              null);
      case CLAIMED ->
          new UseIdStatus(
              pending.map(p -> p.isExpiredAt(now)).orElse(true)
                  ? UseIdState.EXPIRED
                  : UseIdState.PENDING,
              none,
              null,
              null);
      case OK ->
          new UseIdStatus(
              UseIdState.OK,
              pending.flatMap(PendingVerification::function).orElse(none),
              pending.flatMap(PendingVerification::pairwiseId).orElse(null),
              pending.map(PendingVerification::verificationId).orElse(null));
      case FAIL ->
          new UseIdStatus(
              pending.map(p -> p.state() == PendingVerification.State.EXPIRED).orElse(false)
                  ? UseIdState.EXPIRED
                  : UseIdState.FAIL,
              none,
              null,
              pending.map(PendingVerification::verificationId).orElse(null));
    };
  }

  @Override
  public Map<String, String> releaseAttributes(RelyingSystem caller, String verificationId) {
    caller.requireRole(SystemRole.CONFIRMER);
    if (caller.shared()) {
      throw DomainException.forbidden(
          "shared-system", "A shared system ID never receives personal attributes");
    }
    PendingVerification verification =
        em.createNamedQuery("PendingVerification.byVerificationId", PendingVerification.class)
            .setParameter("verificationId", verificationId == null ? "" : verificationId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .filter(v -> Objects.equals(v.systemRef(), caller.id()))
            .orElseThrow(
                () -> DomainException.notFound("unknown-verification", "No such verification"));
    if (verification.state() != PendingVerification.State.OK) {
      throw DomainException.conflict(
          "not-verified", "Attributes follow a successful verification only");
    }
    if (verification.attributesReleased()) {
      throw DomainException.gone(
          "attributes-released", "The attributes of this verification were already fetched");
    }
    Set<String> names = new TreeSet<>(verification.disclose());
    names.retainAll(caller.attributeAllowance());
    Customer customer = em.find(Customer.class, verification.customerRef());
    Map<String, String> released = attributes.release(customer, names);
    verification.releaseAttributes(clock.now());
    audit.record(
        "system:" + caller.systemId(),
        "pattern.attributes",
        "customer:" + customer.account(),
        "OK",
        "names=" + released.keySet());
    return released;
  }

  private static void requirePassword(String password) {
    if (password == null || !password.matches(PASSWORD)) {
      throw DomainException.badInput("invalid-password", "password", "password is 1-40 digits");
    }
  }

  private Customer customer(TokenService.Approved handset) {
    return customers
        .find(handset.account())
        .orElseThrow(() -> DomainException.notFound("unknown-customer", "No such customer"));
  }
}
