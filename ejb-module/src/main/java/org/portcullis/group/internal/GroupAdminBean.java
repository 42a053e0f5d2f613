package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.group.AccessAllowance;
import org.portcullis.group.GroupAdmin;
import org.portcullis.group.GroupProblems;
import org.portcullis.group.GroupState;
import org.portcullis.query.Paging;
import org.portcullis.time.PortcullisClock;

/** The groups' metadata for staff: the console's Groups page and the admin API. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class GroupAdminBean implements GroupAdmin {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB CustomerService customers;
  @EJB GroupRepository groups;

  @Override
  public List<GroupRow> list(GroupState state, int offset, int limit) {
    Paging.check(offset, limit, MAX_LIMIT);
    var query =
        state == null
            ? em.createNamedQuery("PrivateGroup.newest", PrivateGroup.class)
            : em.createNamedQuery("PrivateGroup.newestInState", PrivateGroup.class)
                .setParameter("state", state);
    return query
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultStream()
        .map(this::row)
        .toList();
  }

  @Override
  public long count(GroupState state) {
    return state == null
        ? em.createNamedQuery("PrivateGroup.count", Long.class).getSingleResult()
        : em.createNamedQuery("PrivateGroup.countInState", Long.class)
            .setParameter("state", state)
            .getSingleResult();
  }

  @Override
  public GroupRow find(String groupId) {
    return groups
        .find(groupId)
        .map(this::row)
        .orElseThrow(() -> DomainException.notFound(GroupProblems.UNKNOWN_GROUP, "No such group"));
  }

  @Override
  public List<GroupRow> ofCustomer(String account) {
    Customer customer =
        customers
            .find(account)
            .orElseThrow(
                () -> DomainException.notFound("unknown-customer", "No customer " + account));
    return em.createNamedQuery("PrivateGroup.ofCustomer", PrivateGroup.class)
        .setParameter("customer", customer.id())
        .setMaxResults(MAX_LIMIT)
        .getResultStream()
        .map(this::row)
        .toList();
  }

  private GroupRow row(PrivateGroup group) {
    Customer creator = em.find(Customer.class, group.creatorRef());
    var allowance = group.allowance();
    return new GroupRow(
        group.groupId(),
        group.name().orElse(null),
        creator == null ? "?" : creator.account(),
        group.state(),
        group.isOpen() ? groups.memberCount(group) : 0,
        group.entries(),
        group.entriesInWindow(clock.now()),
        allowance.map(AccessAllowance::count).orElse(null),
        allowance.flatMap(AccessAllowance::per).map(Object::toString).orElse(null),
        group.joinsLocked(),
        group.messages(),
        group.files(),
        group.extensions(),
        group.createdAt(),
        group.expiresAt(),
        group.noticeAt().orElse(null),
        group.closedAt().orElse(null),
        group.closeReason().orElse(null),
        group.closedBy().orElse(null));
  }
}
