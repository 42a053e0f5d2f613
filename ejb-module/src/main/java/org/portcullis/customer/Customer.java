package org.portcullis.customer;

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

/** A bank customer. The PIN and the app password are held only as salted, peppered slow hashes. */
@Entity
@Table(name = "customer")
@NamedQuery(
    name = "Customer.byAccount",
    query = "SELECT c FROM Customer c WHERE c.account = :account")
@NamedQuery(
    name = "Customer.byMsisdn",
    query = "SELECT c FROM Customer c WHERE c.msisdn = :msisdn ORDER BY c.id")
public class Customer {

  /** Account names: 3 to 64 letters, digits, dot, dash, underscore. */
  public static final String ACCOUNT_PATTERN = "[A-Za-z0-9._-]{3,64}";

  /** E.164: a plus, then up to 15 digits, the first not zero. */
  public static final String MSISDN_PATTERN = "\\+[1-9][0-9]{6,14}";

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(nullable = false, updatable = false)
  private String account;

  @Column(nullable = false)
  private String msisdn;

  private String email;

  @Column(name = "pin_hash")
  private String pinHash;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected Customer() {}

  /**
   * An MSISDN as it may be shown where the whole number need not be: the country code's first
   * digits and the last three, e.g. {@code +44•••••••123}.
   */
  public static String masked(String msisdn) {
    int keepStart = Math.min(3, msisdn.length());
    int keepEnd = Math.max(keepStart, msisdn.length() - 3);
    return msisdn.substring(0, keepStart)
        + "•".repeat(keepEnd - keepStart)
        + msisdn.substring(keepEnd);
  }

  public Customer(String account, String msisdn, String email, Instant createdAt) {
    this.account = account;
    this.msisdn = msisdn;
    this.email = email;
    this.createdAt = createdAt;
  }

  public void changePin(String newPinHash) {
    this.pinHash = newPinHash;
  }

  public void changePassword(String newPasswordHash) {
    this.passwordHash = newPasswordHash;
  }

  public Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  public boolean hasPassword() {
    return passwordHash != null;
  }

  public Long id() {
    return id;
  }

  public String account() {
    return account;
  }

  public String msisdn() {
    return msisdn;
  }

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  public Optional<String> pinHash() {
    return Optional.ofNullable(pinHash);
  }

  public boolean hasPin() {
    return pinHash != null;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
