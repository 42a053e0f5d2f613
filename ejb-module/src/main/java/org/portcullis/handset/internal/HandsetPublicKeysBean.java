package org.portcullis.handset.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.portcullis.audit.AuditLog;
import org.portcullis.customer.Customer;
import org.portcullis.error.DomainException;
import org.portcullis.handset.HandsetPublicKey;
import org.portcullis.handset.HandsetPublicKeys;
import org.portcullis.time.PortcullisClock;

/** Handsets' public keys: upload by the handset, and the keys secure messages encrypt for. */
@Stateless
public class HandsetPublicKeysBean implements HandsetPublicKeys {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB AuditLog audit;

  @Inject Event<KeyChanged> keyChanged;

  @Override
  public HandsetPublicKey uploadPublicKey(
      String handsetId, String callerTerminalId, String publicKey) {
    Handset handset =
        find(handsetId)
            .orElseThrow(
                () -> DomainException.notFound("unknown-handset", "No handset " + handsetId));
    if (!handset.handsetId().equals(callerTerminalId)) {
      throw DomainException.forbidden(
          "not-this-handset", "Only the handset itself may set its key, with its own token");
    }
    HandsetPublicKey key;
    try {
      key = HandsetPublicKey.parse(publicKey);
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("invalid-public-key", "publicKey", e.getMessage());
    }
    // locked: a message being acknowledged or submitted meanwhile sees the old key or the new one
    em.lock(handset, LockModeType.PESSIMISTIC_WRITE);
    boolean replaced = handset.publicKey().isPresent();
    Instant now = clock.now();
    handset.useKey(key, now);
    Customer customer = em.find(Customer.class, handset.customerRef());
    audit.record(
        "customer:" + customer.account(),
        "handset.key",
        "handset:" + handset.handsetId(),
        "OK",
        key.algorithm() + " " + key.bits() + (replaced ? " replaced" : ""));
    keyChanged.fire(
        new KeyChanged(
            handset.handsetId(),
            customer.id(),
            customer.account(),
            handset.msisdn(),
            handset.deviceType(),
            key,
            now,
            replaced));
    return key;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<KeyedHandset> keyedHandsets(long customerId, String msisdn) {
    return em.createNamedQuery("Handset.keyedOfCustomer", Handset.class)
        .setParameter("customer", customerId)
        .setParameter("msisdn", msisdn)
        .getResultStream()
        .map(
            h ->
                new KeyedHandset(
                    h.handsetId(),
                    h.deviceType(),
                    HandsetPublicKey.parse(h.publicKey().orElseThrow()),
                    h.keyUploadedAt().orElseThrow()))
        .toList();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Owner> owner(String handsetId) {
    return find(handsetId)
        .map(
            h -> {
              Customer customer = em.find(Customer.class, h.customerRef());
              return new Owner(h.handsetId(), customer.id(), customer.account(), h.msisdn());
            });
  }

  private Optional<Handset> find(String handsetId) {
    if (handsetId == null || handsetId.length() > 32) {
      return Optional.empty();
    }
    return em.createNamedQuery("Handset.byHandsetId", Handset.class)
        .setParameter("handsetId", handsetId)
        .getResultStream()
        .findFirst();
  }
}
