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
import java.time.Instant;
import java.util.Optional;

/**
 * A customer's formal derivation pattern for one system or (system null) every system. The pattern
 * is sealed with AES-256-GCM; a fixed password is kept only as a slow hash.
 */
@Entity
@Table(name = "derivation_pattern")
@NamedQuery(
    name = "StoredPattern.ofCustomer",
    query = "SELECT p FROM StoredPattern p WHERE p.customerRef = :customerRef")
@NamedQuery(
    name = "StoredPattern.countOfTable",
    query = "SELECT COUNT(p) FROM StoredPattern p WHERE p.tableRef = :tableRef")
public class StoredPattern {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "customer_ref", nullable = false, updatable = false)
  private Long customerRef;

  @Column(name = "system_ref", updatable = false)
  private Long systemRef;

  @Column(name = "table_ref", nullable = false, updatable = false)
  private Long tableRef;

  @Column(name = "sealed_pattern", nullable = false)
  private String sealedPattern;

  @Column(name = "fixed_hash")
  private String fixedHash;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Version private long version;

  protected StoredPattern() {}

  public StoredPattern(
      Long customerRef,
      Long systemRef,
      Long tableRef,
      String sealedPattern,
      String fixedHash,
      Instant registeredAt) {
    this.customerRef = customerRef;
    this.systemRef = systemRef;
    this.tableRef = tableRef;
    this.sealedPattern = sealedPattern;
    this.fixedHash = fixedHash;
    this.registeredAt = registeredAt;
  }

  /** Binds a sealed pattern to its customer and scope, so a sealed value cannot be moved. */
  public static String associatedData(long customerRef, Long systemRef) {
    return "pattern:" + customerRef + ":" + (systemRef == null ? "*" : systemRef);
  }

  public String associatedData() {
    return associatedData(customerRef, systemRef);
  }

  public Long id() {
    return id;
  }

  public Long customerRef() {
    return customerRef;
  }

  public Optional<Long> systemRef() {
    return Optional.ofNullable(systemRef);
  }

  public Long tableRef() {
    return tableRef;
  }

  public String sealedPattern() {
    return sealedPattern;
  }

  public Optional<String> fixedHash() {
    return Optional.ofNullable(fixedHash);
  }

  public Instant registeredAt() {
    return registeredAt;
  }
}
