package org.portcullis.group.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A member of a group: one terminal of one customer. The other members know it by {@link
 * #memberId()} only. A member stays until it leaves or the group closes; then the row goes.
 */
@Entity
@Table(name = "group_member")
@NamedQuery(
    name = "GroupMember.ofGroup",
    query = "SELECT m FROM GroupMember m WHERE m.groupRef = :group ORDER BY m.joinedAt, m.id")
@NamedQuery(
    name = "GroupMember.byTerminal",
    query = "SELECT m FROM GroupMember m WHERE m.groupRef = :group AND m.terminalId = :terminal")
@NamedQuery(
    name = "GroupMember.byMemberId",
    query = "SELECT m FROM GroupMember m WHERE m.groupRef = :group AND m.memberId = :memberId")
@NamedQuery(
    name = "GroupMember.countOfGroup",
    query = "SELECT COUNT(m) FROM GroupMember m WHERE m.groupRef = :group")
@NamedQuery(
    name = "GroupMember.deleteOfGroup",
    query = "DELETE FROM GroupMember m WHERE m.groupRef = :group")
@NamedQuery(
    name = "GroupMember.seatsAmong",
    query =
        "SELECT g.groupId, m.memberId FROM GroupMember m, PrivateGroup g"
            + " WHERE m.groupRef = g.id AND g.groupId IN :groupIds")
public class GroupMember {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "group_ref", nullable = false, updatable = false)
  private Long groupRef;

  @Column(name = "member_id", nullable = false, updatable = false)
  private String memberId;

  @Column(name = "customer_ref", nullable = false, updatable = false)
  private Long customerRef;

  @Column(name = "terminal_id", nullable = false, updatable = false)
  private String terminalId;

  @Column(nullable = false, updatable = false)
  private boolean creator;

  @Column(name = "joined_at", nullable = false, updatable = false)
  private Instant joinedAt;

  protected GroupMember() {}

  GroupMember(
      Long groupRef,
      String memberId,
      Long customerRef,
      String terminalId,
      boolean creator,
      Instant joinedAt) {
    this.groupRef = groupRef;
    this.memberId = memberId;
    this.customerRef = customerRef;
    this.terminalId = terminalId;
    this.creator = creator;
    this.joinedAt = joinedAt;
  }

  Long id() {
    return id;
  }

  Long groupRef() {
    return groupRef;
  }

  String memberId() {
    return memberId;
  }

  Long customerRef() {
    return customerRef;
  }

  String terminalId() {
    return terminalId;
  }

  boolean creator() {
    return creator;
  }

  Instant joinedAt() {
    return joinedAt;
  }
}
