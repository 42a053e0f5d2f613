package org.portcullis.pattern.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A customer's temporary ID at one system (SPEC §3.2): random digits unrelated to the customer,
 * reused while younger than the system's maximum age and handed out fewer than its maximum uses.
 */
@Entity
@Table(name = "pattern_temp_id")
@NamedQuery(
    name = "TempId.ofCustomer",
    query =
        "SELECT t FROM TempId t WHERE t.systemRef = :systemRef AND t.customerRef = :customerRef")
@NamedQuery(
    name = "TempId.byValue",
    query = "SELECT t FROM TempId t WHERE t.systemRef = :systemRef AND t.tempId = :tempId")
public class TempId {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "system_ref", nullable = false, updatable = false)
  private Long systemRef;

  @Column(name = "customer_ref", nullable = false, updatable = false)
  private Long customerRef;

  @Column(name = "temp_id", nullable = false, updatable = false)
  private String tempId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int uses;

  @Version private long version;

  protected TempId() {}

  public TempId(Long systemRef, Long customerRef, String tempId, Instant createdAt) {
    this.systemRef = systemRef;
    this.customerRef = customerRef;
    this.tempId = tempId;
    this.createdAt = createdAt;
  }

  /** Still good for another use: younger than {@code maxAge}, used fewer than {@code maxUses}. */
  public boolean reusable(Instant now, Duration maxAge, int maxUses) {
    return now.isBefore(createdAt.plus(maxAge)) && uses < maxUses;
  }

  public void use() {
    uses++;
  }

  public Long customerRef() {
    return customerRef;
  }

  public String tempId() {
    return tempId;
  }

  public int uses() {
    return uses;
  }
}
