package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.group.AccessAllowance;
import org.portcullis.group.GroupCaller;
import org.portcullis.group.GroupIds;
import org.portcullis.group.GroupMembers;
import org.portcullis.group.GroupProblems;

/**
 * Finds groups and members for the group beans, in their transaction. A caller who is no member of
 * a group is told the same as for a group that does not exist ({@value
 * GroupProblems#UNKNOWN_GROUP}), so that group ids reveal nothing to outsiders.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class GroupRepository {

  /** A member with its group. */
  public record Membership(PrivateGroup group, GroupMember member) {}

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB CustomerService customers;

  /** The group, unlocked. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<PrivateGroup> find(String groupId) {
    if (!GroupIds.isGroupId(groupId)) {
      return Optional.empty();
    }
    return em.createNamedQuery("PrivateGroup.byGroupId", PrivateGroup.class)
        .setParameter("groupId", groupId)
        .getResultStream()
        .findFirst();
  }

  /**
   * The group with its row locked until the transaction ends: joins, posts, extensions and the
   * closing of one group take their turns on this lock.
   */
  public Optional<PrivateGroup> lock(String groupId) {
    if (!GroupIds.isGroupId(groupId)) {
      return Optional.empty();
    }
    return em.createNamedQuery("PrivateGroup.byGroupId", PrivateGroup.class)
        .setParameter("groupId", groupId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /** The group by row id, locked. */
  public Optional<PrivateGroup> lock(long id) {
    return Optional.ofNullable(em.find(PrivateGroup.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<GroupMember> memberByTerminal(PrivateGroup group, String terminalId) {
    return em.createNamedQuery("GroupMember.byTerminal", GroupMember.class)
        .setParameter("group", group.id())
        .setParameter("terminal", terminalId)
        .getResultStream()
        .findFirst();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<GroupMember> memberById(PrivateGroup group, String memberId) {
    return em.createNamedQuery("GroupMember.byMemberId", GroupMember.class)
        .setParameter("group", group.id())
        .setParameter("memberId", memberId)
        .getResultStream()
        .findFirst();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long memberCount(PrivateGroup group) {
    return em.createNamedQuery("GroupMember.countOfGroup", Long.class)
        .setParameter("group", group.id())
        .getSingleResult();
  }

  /**
   * The caller's membership of an open group.
   *
   * @param locked whether to lock the group's row
   * @throws DomainException {@value GroupProblems#UNKNOWN_GROUP} (404) for no such group or no
   *     member, {@value GroupProblems#GROUP_CLOSED} (410) for a closed one the caller was in
   */
  public Membership requireMember(String groupId, GroupCaller caller, boolean locked) {
    PrivateGroup group =
        (locked ? lock(groupId) : find(groupId)).orElseThrow(GroupRepository::unknownGroup);
    if (!group.isOpen()) {
      // its members are gone with it: only the opener is still on record
      if (customer(caller).id().equals(group.creatorRef())) {
        throw closed();
      }
      throw unknownGroup();
    }
    GroupMember member =
        memberByTerminal(group, caller.terminalId()).orElseThrow(GroupRepository::unknownGroup);
    if (!member.customerRef().equals(customer(caller).id())) {
      // the terminal's token changed hands (another account logged in on it): not its membership
      throw unknownGroup();
    }
    return new Membership(group, member);
  }

  /** The group as {@code member} sees it. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public GroupMembers.GroupView view(PrivateGroup group, GroupMember member) {
    List<GroupMembers.MemberView> members =
        em.createNamedQuery("GroupMember.ofGroup", GroupMember.class)
            .setParameter("group", group.id())
            .getResultStream()
            .map(m -> new GroupMembers.MemberView(m.memberId(), m.creator(), m.joinedAt()))
            .toList();
    Optional<AccessAllowance> allowance = group.allowance();
    return new GroupMembers.GroupView(
        group.groupId(),
        group.name().orElse(null),
        member.memberId(),
        member.creator(),
        group.rebroadcast(),
        group.createdAt(),
        group.expiresAt(),
        group.kdfSalt().orElseThrow(),
        allowance.map(AccessAllowance::count).orElse(null),
        allowance.flatMap(AccessAllowance::per).map(Object::toString).orElse(null),
        members,
        group.lastSeq());
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Customer customer(GroupCaller caller) {
    return customers
        .find(caller.account())
        .orElseThrow(() -> new IllegalStateException("an approved token names no customer"));
  }

  static DomainException unknownGroup() {
    return DomainException.notFound(
        GroupProblems.UNKNOWN_GROUP, "No such group, or you are not a member of it");
  }

  static DomainException closed() {
    return DomainException.gone(
        GroupProblems.GROUP_CLOSED, "This group has closed; its messages and files are deleted");
  }
}
