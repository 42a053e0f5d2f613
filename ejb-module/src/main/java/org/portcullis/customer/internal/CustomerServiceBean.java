package org.portcullis.customer.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerQuery;
import org.portcullis.customer.CustomerService;
import org.portcullis.customer.PasswordPolicy;
import org.portcullis.error.DomainException;
import org.portcullis.lockout.LockoutService;
import org.portcullis.query.Paging;
import org.portcullis.time.PortcullisClock;

/**
 * Customer management. Settings: {@code portcullis.pin.min-length} (bank policy, 4 to 10, default
 * 4); PINs are at most 10 digits (SPEC §3.6).
 */
@Stateless
public class CustomerServiceBean implements CustomerService {

  static final int MAX_PIN_LENGTH = 10;
  private static final String EMAIL_PATTERN = "[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}";

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB LockoutService lockout;

  @Inject
  @ConfigProperty(name = "portcullis.pin.min-length", defaultValue = "4")
  int pinMinLength;

  @Override
  public Customer create(NewCustomer request, String staffUsername) {
    if (request.account() == null || !request.account().matches(Customer.ACCOUNT_PATTERN)) {
      throw DomainException.badInput(
          "invalid-customer", "account", "account must be 3-64 letters, digits, '.', '-' or '_'");
    }
    if (request.msisdn() == null || !request.msisdn().matches(Customer.MSISDN_PATTERN)) {
      throw DomainException.badInput(
          "invalid-customer", "msisdn", "msisdn must be an E.164 number such as +447700900123");
    }
    if (request.email() != null && !request.email().matches(EMAIL_PATTERN)) {
      throw DomainException.badInput("invalid-customer", "email", "email is not an e-mail address");
    }
    if (find(request.account()).isPresent()) {
      throw DomainException.conflict(
          "customer-exists", "A customer with account " + request.account() + " already exists");
    }
    Customer customer =
        new Customer(request.account(), request.msisdn(), request.email(), clock.now());
    em.persist(customer);
    em.flush();
    lockout.openCounters(customer);
    audit.record(
        "staff:" + staffUsername, "customer.create", "customer:" + customer.account(), "OK", null);
    return customer;
  }

  @Override
  public void setPin(String account, String pin, String staffUsername) {
    int min = Math.max(4, Math.min(pinMinLength, MAX_PIN_LENGTH));
    if (pin == null || !pin.matches("[0-9]{" + min + "," + MAX_PIN_LENGTH + "}")) {
      throw DomainException.badInput(
          "invalid-pin", "pin", "pin must be " + min + " to " + MAX_PIN_LENGTH + " digits");
    }
    Customer customer =
        find(account)
            .orElseThrow(
                () -> DomainException.notFound("unknown-customer", "No customer " + account));
    customer.changePin(keys.hasher().slowHash(pin));
    audit.record("staff:" + staffUsername, "customer.pin.set", "customer:" + account, "OK", null);
  }

  @Override
  public void setPassword(String account, String password, String staffUsername) {
    Optional<String> problem = PasswordPolicy.problem(account, password);
    if (problem.isPresent()) {
      throw DomainException.badInput("weak-password", "password", problem.get());
    }
    Customer customer =
        find(account)
            .orElseThrow(
                () -> DomainException.notFound("unknown-customer", "No customer " + account));
    customer.changePassword(keys.hasher().slowHash(password));
    audit.record(
        "staff:" + staffUsername, "customer.password.set", "customer:" + account, "OK", null);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Customer> find(String account) {
    if (account == null) {
      return Optional.empty();
    }
    return em.createNamedQuery("Customer.byAccount", Customer.class)
        .setParameter("account", account)
        .getResultStream()
        .findFirst();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Customer> findByMsisdn(String msisdn) {
    if (msisdn == null) {
      return List.of();
    }
    return em.createNamedQuery("Customer.byMsisdn", Customer.class)
        .setParameter("msisdn", msisdn)
        .getResultList();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Customer> search(String query, int offset, int limit) {
    Paging.check(offset, limit, MAX_LIMIT);
    CustomerQuery parsed = CustomerQuery.of(query);
    return CustomerQueryJpql.bind(
            em.createQuery(
                "SELECT c FROM Customer c"
                    + CustomerQueryJpql.where(parsed)
                    + " ORDER BY c.account",
                Customer.class),
            parsed)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long count(String query) {
    CustomerQuery parsed = CustomerQuery.of(query);
    return CustomerQueryJpql.bind(
            em.createQuery(
                "SELECT COUNT(c) FROM Customer c" + CustomerQueryJpql.where(parsed), Long.class),
            parsed)
        .getSingleResult();
  }
}
