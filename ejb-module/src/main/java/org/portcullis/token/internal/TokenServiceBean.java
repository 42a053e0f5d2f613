package org.portcullis.token.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.error.Refusal;
import org.portcullis.lockout.Factor;
import org.portcullis.lockout.LockoutService;
import org.portcullis.time.PortcullisClock;
import org.portcullis.token.TokenCredentials;
import org.portcullis.token.TokenExtension;
import org.portcullis.token.TokenService;
import org.portcullis.token.TokenValidity;

/**
 * Access tokens. Every operation on a terminal's tokens first locks all of them (one {@code SELECT
 * ... FOR UPDATE} in id order), so concurrent accesses and logins on one terminal extend from each
 * other's results instead of overwriting them, and never deadlock; different terminals never wait
 * for each other.
 */
@Stateless
public class TokenServiceBean implements TokenService {

  /** Longer passwords are refused before hashing: Argon2 of a megabyte is a denial of service. */
  private static final int MAX_PASSWORD_LENGTH = 1024;

  private static final String LOGIN_FAILED_DETAIL =
      "Login refused: wrong account or password, or too many failed attempts (wait, or ask the"
          + " bank to unlock)";
  private static final String LOGIN_REQUIRED_DETAIL =
      "This token is unknown, not of this terminal, or expired: log in again";

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB CustomerService customers;
  @EJB LockoutService lockout;
  @EJB TokenSettings settings;

  @Override
  public Issued login(String account, String password, String appId, String terminalId) {
    requireAppId(appId);
    requireTerminalId(terminalId);
    if (account == null || account.isBlank() || account.length() > 64) {
      throw DomainException.badInput("invalid-account", "account", "account is required");
    }
    if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
      throw DomainException.badInput(
          "invalid-password", "password", "password must be 1 to 1024 characters");
    }
    String actor = "terminal:" + abbreviated(terminalId);
    String subject = "customer:" + account;
    Optional<Customer> customer = customers.find(account).filter(Customer::hasPassword);
    if (customer.isEmpty()) {
      keys.hasher().slowVerifyNothing(password);
      audit.record(actor, "token.login", subject, "UNKNOWN_ACCOUNT", "app=" + appId);
      throw Refusal.of(LOGIN_FAILED, LOGIN_FAILED_DETAIL);
    }
    if (lockout.isLocked(customer.get(), Factor.PASSWORD)) {
      keys.hasher().slowVerifyNothing(password);
      audit.record(actor, "token.login", subject, "LOCKED", "app=" + appId);
      throw Refusal.of(LOGIN_FAILED, LOGIN_FAILED_DETAIL);
    }
    if (!keys.hasher().slowVerify(password, customer.get().passwordHash().orElseThrow())) {
      lockout.recordFailure(customer.get(), Factor.PASSWORD);
      audit.record(actor, "token.login", subject, "FAIL", "app=" + appId);
      throw Refusal.of(LOGIN_FAILED, LOGIN_FAILED_DETAIL);
    }
    lockout.recordSuccess(customer.get(), Factor.PASSWORD);
    return issue(customer.get(), appId, terminalId, "token.login");
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Issued issueForHandset(Customer customer, String handsetId) {
    requireTerminalId(handsetId);
    return issue(customer, HANDSET_APP, handsetId, "token.issue");
  }

  private Issued issue(Customer customer, String appId, String terminalId, String action) {
    Instant now = clock.now();
    Map<String, TokenValidity> others = new LinkedHashMap<>();
    Map<String, AccessToken> byKey = new LinkedHashMap<>();
    boolean replaced = false;
    for (AccessToken token : lockedTokensOf(terminalId)) {
      if (token.appId().equals(appId)) {
        em.remove(token);
        replaced = true;
      } else {
        others.put(token.tokenKey(), token.validity());
        byKey.put(token.tokenKey(), token);
      }
    }
    if (replaced) {
      em.flush(); // the old row leaves before the new one takes its (terminal, app) slot
    }
    TokenCredentials credentials = TokenCredentials.generate(Randoms.secureRandom());
    Map<String, Instant> expiries = extension().onLogin(now, credentials.key(), others);
    Instant expiresAt = expiries.get(credentials.key());
    AccessToken issued =
        new AccessToken(
            credentials.key(),
            credentials.secretHash(keys.hasher()),
            customer.id(),
            appId,
            terminalId,
            now,
            expiresAt);
    try {
      em.persist(issued);
      em.flush();
    } catch (PersistenceException e) {
      // a login of the same app on the same (new) terminal committed in the meantime
      throw DomainException.conflict(
          "concurrent-login",
          "Another login of this app on this terminal happened at the same moment; try again");
    }
    byKey.forEach((key, token) -> token.extendTo(expiries.get(key)));
    audit.record(
        "customer:" + customer.account(),
        action,
        "terminal:" + abbreviated(terminalId),
        "OK",
        "app=" + appId + " key=" + credentials.key() + (replaced ? " replaced" : ""));
    return new Issued(
        credentials.token(), credentials.key(), customer.account(), appId, terminalId, expiresAt);
  }

  @Override
  public Approved access(String token, String terminalId) {
    requireTerminalId(terminalId);
    String actor = "terminal:" + abbreviated(terminalId);
    Optional<TokenCredentials> credentials = TokenCredentials.tryParse(token);
    if (credentials.isEmpty()) {
      audit.record(actor, "token.access", "token:(malformed)", "REFUSED", null);
      throw Refusal.of(LOGIN_REQUIRED, LOGIN_REQUIRED_DETAIL);
    }
    String key = credentials.get().key();
    List<AccessToken> terminal = lockedTokensOf(terminalId);
    AccessToken used =
        terminal.stream().filter(t -> t.tokenKey().equals(key)).findFirst().orElse(null);
    if (used == null || !credentials.get().secretMatches(keys.hasher(), used.secretHash())) {
      audit.record(actor, "token.access", "token:" + key, "REFUSED", null);
      throw Refusal.of(LOGIN_REQUIRED, LOGIN_REQUIRED_DETAIL);
    }
    Customer customer = em.find(Customer.class, used.customerRef());
    Instant now = clock.now();
    TokenExtension extension = extension();
    TokenValidity validity = used.validity();
    if (validity.isExpiredAt(now) || !validity.ceiling(extension.ceiling()).isAfter(now)) {
      audit.record(actor, "token.access", "token:" + key, "EXPIRED", null);
      throw Refusal.withAccountHint(LOGIN_REQUIRED, LOGIN_REQUIRED_DETAIL, customer.account());
    }
    Map<String, TokenValidity> validities = new LinkedHashMap<>();
    terminal.forEach(t -> validities.put(t.tokenKey(), t.validity()));
    Map<String, Instant> expiries = extension.onAccess(now, key, validities);
    terminal.forEach(t -> t.extendTo(expiries.get(t.tokenKey())));
    used.usedAt(now);
    audit.record("customer:" + customer.account(), "token.access", "token:" + key, "OK", null);
    return new Approved(key, customer.account(), used.appId(), terminalId, used.expiresAt());
  }

  @Override
  public void logout(String token) {
    Optional<TokenCredentials> credentials = TokenCredentials.tryParse(token);
    AccessToken stored =
        credentials
            .flatMap(
                c ->
                    em.createNamedQuery("AccessToken.byKey", AccessToken.class)
                        .setParameter("key", c.key())
                        .getResultStream()
                        .findFirst())
            .filter(t -> credentials.get().secretMatches(keys.hasher(), t.secretHash()))
            .orElse(null);
    if (stored == null) {
      audit.record(
          "token:" + credentials.map(TokenCredentials::key).orElse("(malformed)"),
          "token.logout",
          "token:" + credentials.map(TokenCredentials::key).orElse("(malformed)"),
          "REFUSED",
          null);
      throw Refusal.of(LOGIN_REQUIRED, LOGIN_REQUIRED_DETAIL);
    }
    Customer customer = em.find(Customer.class, stored.customerRef());
    em.remove(stored);
    audit.record(
        "customer:" + customer.account(),
        "token.logout",
        "token:" + stored.tokenKey(),
        "OK",
        "app=" + stored.appId() + " terminal=" + abbreviated(stored.terminalId()));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<TokenInfo> ofCustomer(String account) {
    Customer customer = customer(account);
    return em.createNamedQuery("AccessToken.ofCustomer", AccessToken.class)
        .setParameter("customer", customer.id())
        .getResultStream()
        .map(
            t ->
                new TokenInfo(
                    t.tokenKey(),
                    customer.account(),
                    t.appId(),
                    t.terminalId(),
                    t.issuedAt(),
                    t.expiresAt(),
                    t.lastUsedAt()))
        .toList();
  }

  @Override
  public int revokeTerminal(String terminalId, String staffUsername) {
    requireTerminalId(terminalId);
    int deleted =
        em.createNamedQuery("AccessToken.deleteOfTerminal")
            .setParameter("terminal", terminalId)
            .executeUpdate();
    audit.record(
        "staff:" + staffUsername,
        "token.revoke",
        "terminal:" + abbreviated(terminalId),
        "OK",
        "deleted=" + deleted);
    return deleted;
  }

  @Override
  public int revokeCustomer(String account, String staffUsername) {
    Customer customer = customer(account);
    int deleted =
        em.createNamedQuery("AccessToken.deleteOfCustomer")
            .setParameter("customer", customer.id())
            .executeUpdate();
    audit.record(
        "staff:" + staffUsername,
        "token.revoke",
        "customer:" + customer.account(),
        "OK",
        "deleted=" + deleted);
    return deleted;
  }

  private List<AccessToken> lockedTokensOf(String terminalId) {
    return em.createNamedQuery("AccessToken.ofTerminal", AccessToken.class)
        .setParameter("terminal", terminalId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  private TokenExtension extension() {
    return settings.extension();
  }

  private Customer customer(String account) {
    return customers
        .find(account)
        .orElseThrow(() -> DomainException.notFound("unknown-customer", "No customer " + account));
  }

  private static void requireAppId(String appId) {
    if (appId == null || !appId.matches(APP_ID_PATTERN)) {
      throw DomainException.badInput(
          "invalid-app-id", "appId", "appId must be 1-64 letters, digits, '.', '_' or '-'");
    }
  }

  static void requireTerminalId(String terminalId) {
    if (terminalId == null || !terminalId.matches(TERMINAL_ID_PATTERN)) {
      throw DomainException.badInput(
          "invalid-terminal-id",
          "terminalId",
          "terminalId must be 1-128 letters, digits, '.', '_', ':' or '-'");
    }
  }

  /** Audit actors are at most 100 characters and terminal IDs up to 128: long ones are cut. */
  private static String abbreviated(String id) {
    return id.length() <= 90 ? id : id.substring(0, 90) + "…";
  }
}
