package org.portcullis.pinpad.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.lockout.Factor;
import org.portcullis.lockout.LockoutService;
import org.portcullis.pinpad.CellPosition;
import org.portcullis.pinpad.DigitImages;
import org.portcullis.pinpad.PinPad;
import org.portcullis.pinpad.PinPadService;
import org.portcullis.system.PinPadPolicy;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRole;
import org.portcullis.time.PortcullisClock;

/**
 * PIN pad sessions. The PIN is never stored reversibly: the entered PIN is recovered from the OTC
 * and the session's scramble and checked against the customer's slow hash.
 */
@Stateless
public class PinPadServiceBean implements PinPadService {

  private static final int SESSION_KEY_BYTES = 32;
  private static final String OTC_PATTERN = "[0-9]{4,10}";
  private static final DigitImages IMAGES = new DigitImages(Randoms.secureRandom());

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB CustomerService customers;
  @EJB LockoutService lockout;

  @Override
  public OpenedPad open(RelyingSystem caller, String account) {
    caller.requireRole(SystemRole.VERIFIER);
    if (account == null || account.isBlank() || account.length() > 64) {
      throw DomainException.badInput("invalid-account", "account", "account is required");
    }
    PinPadPolicy policy = caller.pinPad();
    PinPad pad =
        PinPad.random(
            policy.algorithm(), policy.layout(), policy.shuffle(), Randoms.secureRandom());
    String sessionKey = Randoms.urlToken(SESSION_KEY_BYTES);
    Instant now = clock.now();
    Instant expiresAt = now.plus(policy.ttl());
    Optional<Customer> customer = customers.find(account);
    em.persist(
        new PinPadSession(
            sessionKey,
            caller.id(),
            customer.map(Customer::id).orElse(null),
            keys.secretBox().seal(pad.encode(), PinPadSession.associatedData(sessionKey)),
            now,
            expiresAt));
    audit.record(
        "system:" + caller.systemId(),
        "pinpad.open",
        "customer:" + account,
        customer.isPresent() ? "OK" : "UNKNOWN_ACCOUNT",
        null);
    List<Cell> cells = new ArrayList<>(10);
    for (int location = 1; location <= 10; location++) {
      CellPosition position = pad.position(location);
      cells.add(
          new Cell(
              location,
              position.row(),
              position.col(),
              policy.textMode() ? pad.displayedDigit(location) : null));
    }
    return new OpenedPad(
        sessionKey, expiresAt, policy.layout().rows(), policy.layout().cols(), List.copyOf(cells));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public byte[] cellImage(String sessionKey, int location) {
    if (location < 1 || location > 10) {
      throw DomainException.notFound("unknown-cell", "A PIN pad has cells 1 to 10");
    }
    PinPadSession session = session(sessionKey, LockModeType.NONE);
    if (!session.isOpenAt(clock.now())) {
      throw DomainException.gone("session-closed", "This PIN pad is answered or expired");
    }
    return IMAGES.png(pad(session).displayedDigit(location));
  }

  @Override
  public Result verify(RelyingSystem caller, String sessionKey, String otc) {
    caller.requireRole(SystemRole.VERIFIER);
    if (otc == null || !otc.matches(OTC_PATTERN)) {
      throw DomainException.badInput("invalid-otc", "otc", "otc must be 4 to 10 digits");
    }
    PinPadSession session = session(sessionKey, LockModeType.PESSIMISTIC_WRITE);
    if (!session.systemRef().equals(caller.id())) {
      // another system's session: answer as if it did not exist
      throw unknownSession();
    }
    if (session.state() != PinPadSession.State.OPEN) {
      throw DomainException.conflict(
          "session-answered", "This PIN pad has already been answered; open a new one");
    }
    Instant now = clock.now();
    Optional<Customer> customer = session.customerRef().map(id -> em.find(Customer.class, id));
    Result result;
    if (session.isExpiredAt(now)) {
      result = Result.EXPIRED;
    } else if (customer.isEmpty() || !customer.get().hasPin()) {
      keys.hasher().slowVerifyNothing(otc);
      result = Result.FAIL;
    } else if (lockout.isLocked(customer.get(), Factor.PINPAD)) {
      result = Result.LOCKED;
    } else {
      String pin = pad(session).recoverPin(otc).orElse("");
      if (keys.hasher().slowVerify(pin, customer.get().pinHash().orElseThrow())) {
        lockout.recordSuccess(customer.get(), Factor.PINPAD);
        result = Result.OK;
      } else {
        lockout.recordFailure(customer.get(), Factor.PINPAD);
        result = Result.FAIL;
      }
    }
    session.close(PinPadSession.State.valueOf(result.name()), now);
    audit.record(
        "system:" + caller.systemId(),
        "pinpad.verify",
        customer.map(c -> "customer:" + c.account()).orElse("customer:(unknown)"),
        result.name(),
        null);
    return result;
  }

  private PinPadSession session(String sessionKey, LockModeType lockMode) {
    if (sessionKey == null || sessionKey.length() > 64) {
      throw unknownSession();
    }
    return em.createNamedQuery("PinPadSession.byKey", PinPadSession.class)
        .setParameter("sessionKey", sessionKey)
        .setLockMode(lockMode)
        .getResultStream()
        .findFirst()
        .orElseThrow(PinPadServiceBean::unknownSession);
  }

  private PinPad pad(PinPadSession session) {
    return PinPad.decode(
        keys.secretBox()
            .openString(session.sealedPad(), PinPadSession.associatedData(session.sessionKey())));
  }

  private static DomainException unknownSession() {
    return DomainException.notFound("unknown-session", "No such PIN pad session");
  }
}
