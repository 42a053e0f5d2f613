package org.portcullis.customer.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.AttributeNames;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerAttributes;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.time.PortcullisClock;

/** Customer attributes, each value sealed under the server's secret box. */
@Stateless
public class CustomerAttributesBean implements CustomerAttributes {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB CustomerService customers;

  @Override
  public void replace(String account, Map<String, String> attributes, String staffUsername) {
    Customer customer = existing(account);
    if (attributes == null) {
      throw DomainException.badInput("invalid-attributes", "attributes", "attributes is required");
    }
    AttributeNames.check(attributes.keySet());
    attributes.forEach(
        (name, value) -> {
          if (value == null || value.isEmpty() || value.length() > MAX_VALUE) {
            throw DomainException.badInput(
                "invalid-attributes",
                "attributes." + name,
                "An attribute value has 1 to " + MAX_VALUE + " characters");
          }
        });
    em.createNamedQuery("CustomerAttribute.deleteOfCustomer")
        .setParameter("customerRef", customer.id())
        .executeUpdate();
    Instant now = clock.now();
    attributes.forEach(
        (name, value) ->
            em.persist(
                new CustomerAttribute(
                    customer.id(),
                    name,
                    keys.secretBox()
                        .seal(value, CustomerAttribute.associatedData(customer.id(), name)),
                    now)));
    audit.record(
        "staff:" + staffUsername,
        "customer.attributes.replace",
        "customer:" + account,
        "OK",
        "names=" + new TreeSet<>(attributes.keySet()));
  }

  @Override
  public Map<String, String> read(String account, String staffUsername) {
    Customer customer = existing(account);
    Map<String, String> all = open(customer, null);
    audit.record(
        "staff:" + staffUsername,
        "customer.attributes.read",
        "customer:" + account,
        "OK",
        "names=" + all.keySet());
    return all;
  }

  @Override
  public Map<String, String> release(Customer customer, Set<String> names) {
    return open(customer, names);
  }

  private Map<String, String> open(Customer customer, Set<String> names) {
    Map<String, String> opened = new LinkedHashMap<>();
    for (CustomerAttribute attribute :
        em.createNamedQuery("CustomerAttribute.ofCustomer", CustomerAttribute.class)
            .setParameter("customerRef", customer.id())
            .getResultList()) {
      if (names == null || names.contains(attribute.name())) {
        opened.put(
            attribute.name(),
            keys.secretBox()
                .openString(
                    attribute.sealedValue(),
                    CustomerAttribute.associatedData(customer.id(), attribute.name())));
      }
    }
    return opened;
  }

  private Customer existing(String account) {
    return customers
        .find(account)
        .orElseThrow(() -> DomainException.notFound("unknown-customer", "No customer " + account));
  }
}
