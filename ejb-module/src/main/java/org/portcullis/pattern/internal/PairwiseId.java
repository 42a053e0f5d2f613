package org.portcullis.pattern.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's stored pairwise ID at one system (SPEC §3.2). */
@Entity
@Table(name = "pairwise_id")
@NamedQuery(
    name = "PairwiseId.ofCustomer",
    query =
        "SELECT p FROM PairwiseId p WHERE p.systemRef = :systemRef AND p.customerRef = :customerRef")
@NamedQuery(
    name = "PairwiseId.countOfValue",
    query = "SELECT COUNT(p) FROM PairwiseId p WHERE p.systemRef = :systemRef AND p.value = :value")
public class PairwiseId {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "system_ref", nullable = false, updatable = false)
  private Long systemRef;

  @Column(name = "customer_ref", nullable = false, updatable = false)
  private Long customerRef;

  @Column(name = "pairwise_value", nullable = false, updatable = false)
  private String value;

  @Column(nullable = false, updatable = false)
  private int counter;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected PairwiseId() {}

  public PairwiseId(
      Long systemRef, Long customerRef, String value, int counter, Instant createdAt) {
    this.systemRef = systemRef;
    this.customerRef = customerRef;
    this.value = value;
    this.counter = counter;
    this.createdAt = createdAt;
  }

  public String value() {
    return value;
  }
}
