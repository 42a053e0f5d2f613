package org.portcullis.alert;

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

/** An alert staff see at once in the console: today a duress answer. */
@Entity
@Table(name = "alert")
@NamedQuery(name = "Alert.all", query = "SELECT a FROM Alert a ORDER BY a.raisedAt DESC, a.id DESC")
@NamedQuery(
    name = "Alert.open",
    query =
        "SELECT a FROM Alert a WHERE a.acknowledgedAt IS NULL ORDER BY a.raisedAt DESC, a.id DESC")
@NamedQuery(
    name = "Alert.countOpen",
    query = "SELECT COUNT(a) FROM Alert a WHERE a.acknowledgedAt IS NULL")
@NamedQuery(
    name = "Alert.locksDue",
    query = "SELECT a FROM Alert a WHERE a.lockDueAt <= :now AND a.lockedAt IS NULL ORDER BY a.id")
public class Alert {

  public static final String DURESS = "DURESS";

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(name = "customer_ref", nullable = false, updatable = false)
  private Long customerRef;

  @Column(name = "system_ref", updatable = false)
  private Long systemRef;

  @Column(name = "verification_ref", updatable = false)
  private Long verificationRef;

  @Column(name = "raised_at", nullable = false, updatable = false)
  private Instant raisedAt;

  @Column(name = "lock_due_at", updatable = false)
  private Instant lockDueAt;

  @Column(name = "locked_at")
  private Instant lockedAt;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Column(name = "acknowledged_by")
  private String acknowledgedBy;

  @Version private long version;

  protected Alert() {}

  public Alert(
      String kind,
      Long customerRef,
      Long systemRef,
      Long verificationRef,
      Instant raisedAt,
      Instant lockDueAt) {
    this.kind = kind;
    this.customerRef = customerRef;
    this.systemRef = systemRef;
    this.verificationRef = verificationRef;
    this.raisedAt = raisedAt;
    this.lockDueAt = lockDueAt;
  }

  public void acknowledge(String staffUsername, Instant now) {
    this.acknowledgedAt = now;
    this.acknowledgedBy = staffUsername;
  }

  public void locked(Instant now) {
    this.lockedAt = now;
  }

  public Long id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public Long customerRef() {
    return customerRef;
  }

  public Optional<Long> systemRef() {
    return Optional.ofNullable(systemRef);
  }

  public Instant raisedAt() {
    return raisedAt;
  }

  public Optional<Instant> lockDueAt() {
    return Optional.ofNullable(lockDueAt);
  }

  public Optional<Instant> lockedAt() {
    return Optional.ofNullable(lockedAt);
  }

  public boolean acknowledged() {
    return acknowledgedAt != null;
  }

  public Optional<Instant> acknowledgedAt() {
    return Optional.ofNullable(acknowledgedAt);
  }

  public Optional<String> acknowledgedBy() {
    return Optional.ofNullable(acknowledgedBy);
  }
}
