package org.portcullis.message.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.portcullis.audit.AuditLog;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.message.MessageAdmin;
import org.portcullis.message.MessageState;
import org.portcullis.time.PortcullisClock;

/** Secure messages for staff: pages without content, and deletion; see {@link MessageAdmin}. */
@Stateless
public class MessageAdminBean implements MessageAdmin {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB MessageStore store;
  @EJB CustomerService customers;
  @EJB AuditLog audit;
  @EJB PortcullisClock clock;

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Row> page(Filter filter, int offset, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw DomainException.badInput("invalid-paging", "limit", "limit must be 1 to " + MAX_PAGE);
    }
    if (offset < 0) {
      throw DomainException.badInput("invalid-paging", "offset", "offset must be 0 or more");
    }
    Filter given = filter == null ? Filter.all() : filter;
    List<SecureMessage> messages =
        query(given, "SELECT m FROM SecureMessage m JOIN FETCH m.sender s", SecureMessage.class)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    return rows(messages);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long count(Filter filter) {
    Filter given = filter == null ? Filter.all() : filter;
    return query(given, "SELECT COUNT(m) FROM SecureMessage m JOIN m.sender s", Long.class)
        .getSingleResult();
  }

  @Override
  public Row delete(String messageId, String staffUsername) {
    SecureMessage message = store.locked(messageId);
    if (!message.state().isOpen()) {
      throw DomainException.conflict(
          "message-closed", "Message " + messageId + " is " + message.state() + " already");
    }
    store.close(message, MessageState.DELETED, clock.now(), true);
    audit.record(
        "staff:" + staffUsername,
        "message.delete",
        "message:" + messageId,
        "OK",
        "by-staff sender=" + message.sender().systemId());
    return rows(List.of(message)).get(0);
  }

  /** The filter as JPQL after {@code select}; an unknown account matches nothing. */
  private <T> TypedQuery<T> query(Filter filter, String select, Class<T> type) {
    StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
    Map<String, Object> parameters = new HashMap<>();
    if (filter.state() != null) {
      where.add("m.state = :state");
      parameters.put("state", filter.state());
    }
    if (filter.senderSystemId() != null && !filter.senderSystemId().isBlank()) {
      where.add("s.systemId = :sender");
      parameters.put("sender", filter.senderSystemId().strip());
    }
    if (filter.account() != null && !filter.account().isBlank()) {
      where.add("m.customerRef = :customer");
      parameters.put(
          "customer",
          customers.find(filter.account().strip()).map(Customer::id).orElse(Long.MIN_VALUE));
    }
    String order = type == Long.class ? "" : " ORDER BY m.createdAt DESC, m.id DESC";
    TypedQuery<T> query = em.createQuery(select + where + order, type);
    parameters.forEach(query::setParameter);
    return query;
  }

  /** Rows with their account and handset count, in two queries whatever the page's size. */
  private List<Row> rows(List<SecureMessage> messages) {
    if (messages.isEmpty()) {
      return List.of();
    }
    Map<Long, Integer> handsets = new HashMap<>();
    em.createNamedQuery("MessageCopy.ofMessages", MessageCopy.class)
        .setParameter("messages", messages.stream().map(SecureMessage::id).toList())
        .getResultStream()
        .forEach(c -> handsets.merge(c.message().id(), 1, Integer::sum));
    Map<Long, String> accounts = new HashMap<>();
    List<Row> rows = new ArrayList<>(messages.size());
    for (SecureMessage m : messages) {
      String account =
          m.customerRef()
              .map(
                  id -> accounts.computeIfAbsent(id, ref -> em.find(Customer.class, ref).account()))
              .orElse(null);
      rows.add(
          new Row(
              m.messageId(),
              m.sender().systemId(),
              m.sender().name(),
              Customer.masked(m.msisdn()),
              account,
              m.state(),
              handsets.getOrDefault(m.id(), 0),
              m.createdAt(),
              m.expiresAt(),
              m.deliveredAt().orElse(null),
              m.closedAt().orElse(null)));
    }
    return rows;
  }
}
