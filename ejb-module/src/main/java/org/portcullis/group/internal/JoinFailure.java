package org.portcullis.group.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The wrong codes one terminal sent for one group; at the limit it is locked out of the group. */
@Entity
@Table(name = "group_join_failure")
@NamedQuery(
    name = "JoinFailure.of",
    query = "SELECT f FROM JoinFailure f WHERE f.groupRef = :group AND f.terminalId = :terminal")
@NamedQuery(
    name = "JoinFailure.deleteOfGroup",
    query = "DELETE FROM JoinFailure f WHERE f.groupRef = :group")
public class JoinFailure {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "group_ref", nullable = false, updatable = false)
  private Long groupRef;

  @Column(name = "terminal_id", nullable = false, updatable = false)
  private String terminalId;

  @Column(nullable = false)
  private int failures;

  protected JoinFailure() {}

  JoinFailure(Long groupRef, String terminalId) {
    this.groupRef = groupRef;
    this.terminalId = terminalId;
  }

  boolean locksOut(int max) {
    return failures >= max;
  }

  void count() {
    failures++;
  }

  int failures() {
    return failures;
  }
}
