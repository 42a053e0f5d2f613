package org.portcullis.pattern.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * A registration link and the customer's progress through it (SPEC §3.1): phone code, narrowing,
 * the provisional pattern and its confirmation grid. Only an HMAC of the link's token is stored;
 * every secret is sealed with this row's {@link #associatedData()}.
 */
@Entity
@Table(name = "pattern_registration")
@NamedQuery(
    name = "PatternRegistration.byTokenHash",
    query = "SELECT r FROM PatternRegistration r WHERE r.tokenHash = :tokenHash")
@NamedQuery(
    name = "PatternRegistration.openOfCustomer",
    query =
        "SELECT r FROM PatternRegistration r WHERE r.customerRef = :customerRef"
            + " AND r.state IN :states")
@NamedQuery(
    name = "PatternRegistration.countOfTable",
    query = "SELECT COUNT(r) FROM PatternRegistration r WHERE r.tableRef = :tableRef")
@NamedQuery(
    name = "PatternRegistration.purge",
    query = "DELETE FROM PatternRegistration r WHERE r.expiresAt < :before")
public class PatternRegistration {

  /** Where a registration stands. */
  public enum State {
    /** the link works; no pattern submitted yet (or the provisional one lapsed) */
    OPEN,
    /** a pattern waits for its confirmation answer */
    PROVISIONAL,
    /** confirmed: the link is used */
    FORMAL,
    /** replaced by a newer link */
    REVOKED
  }

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "token_hash", nullable = false, updatable = false)
  private String tokenHash;

  @Column(name = "customer_ref", nullable = false, updatable = false)
  private Long customerRef;

  @Column(name = "table_ref", nullable = false, updatable = false)
  private Long tableRef;

  @Column(name = "system_ref", updatable = false)
  private Long systemRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "candidate_seed", nullable = false, updatable = false)
  private String candidateSeed;

  @Column(name = "phone_code_hash")
  private String phoneCodeHash;

  @Column(name = "phone_code_expires_at")
  private Instant phoneCodeExpiresAt;

  @Column(name = "phone_codes_sent", nullable = false)
  private int phoneCodesSent;

  @Column(name = "phone_confirmed_at")
  private Instant phoneConfirmedAt;

  @Column(name = "narrowing")
  private String narrowing;

  @Column(name = "provisional_pattern")
  private String provisionalPattern;

  @Column(name = "provisional_fixed_hash")
  private String provisionalFixedHash;

  @Column(name = "provisional_expires_at")
  private Instant provisionalExpiresAt;

  @Column(name = "confirmation_grid")
  private String confirmationGrid;

  @Column(name = "confirmation_failures", nullable = false)
  private int confirmationFailures;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Version private long version;

  protected PatternRegistration() {}

  public PatternRegistration(
      String tokenHash,
      Long customerRef,
      Long tableRef,
      Long systemRef,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      String sealedCandidateSeed) {
    this.tokenHash = tokenHash;
    this.customerRef = customerRef;
    this.tableRef = tableRef;
    this.systemRef = systemRef;
    this.state = State.OPEN;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.candidateSeed = sealedCandidateSeed;
  }

  /** The associated data of everything sealed on this row; fixed before the row has an id. */
  public static String associatedData(String tokenHash) {
    return "registration:" + tokenHash;
  }

  public String associatedData() {
    return associatedData(tokenHash);
  }

  /** The link works: not used, not replaced, not past its 24 hours. */
  public boolean isLiveAt(Instant now) {
    return (state == State.OPEN || state == State.PROVISIONAL) && now.isBefore(expiresAt);
  }

  /** A provisional pattern that lapsed (15 minutes) turns the registration back to open. */
  public void lapseProvisional(Instant now) {
    if (state == State.PROVISIONAL && !now.isBefore(provisionalExpiresAt)) {
      dropProvisional();
    }
  }

  public void newPhoneCode(String codeHash, Instant codeExpiresAt) {
    this.phoneCodeHash = codeHash;
    this.phoneCodeExpiresAt = codeExpiresAt;
    this.phoneCodesSent++;
  }

  public void confirmPhone(Instant now) {
    this.phoneConfirmedAt = now;
    this.phoneCodeHash = null;
    this.phoneCodeExpiresAt = null;
  }

  /** A phone code is used once, right or wrong, so it cannot be guessed at. */
  public void dropPhoneCode() {
    this.phoneCodeHash = null;
    this.phoneCodeExpiresAt = null;
  }

  public void keepNarrowing(String sealedNarrowing) {
    this.narrowing = sealedNarrowing;
  }

  public void beProvisional(
      String sealedPattern, String fixedHash, Instant provisionalUntil, String sealedGrid) {
    this.state = State.PROVISIONAL;
    this.provisionalPattern = sealedPattern;
    this.provisionalFixedHash = fixedHash;
    this.provisionalExpiresAt = provisionalUntil;
    this.confirmationGrid = sealedGrid;
    this.confirmationFailures = 0;
    this.narrowing = null;
  }

  /** A wrong confirmation answer: a fresh grid; the count decides when to start again. */
  public int failConfirmation(String sealedGrid) {
    this.confirmationGrid = sealedGrid;
    return ++confirmationFailures;
  }

  public void dropProvisional() {
    this.state = State.OPEN;
    this.provisionalPattern = null;
    this.provisionalFixedHash = null;
    this.provisionalExpiresAt = null;
    this.confirmationGrid = null;
    this.confirmationFailures = 0;
  }

  public void complete(Instant now) {
    this.state = State.FORMAL;
    this.completedAt = now;
    this.provisionalPattern = null;
    this.provisionalFixedHash = null;
    this.confirmationGrid = null;
    this.narrowing = null;
  }

  public void revoke() {
    this.state = State.REVOKED;
  }

  public Long id() {
    return id;
  }

  public Long customerRef() {
    return customerRef;
  }

  public Long tableRef() {
    return tableRef;
  }

  public Optional<Long> systemRef() {
    return Optional.ofNullable(systemRef);
  }

  public State state() {
    return state;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String candidateSeed() {
    return candidateSeed;
  }

  public Optional<String> phoneCodeHash() {
    return Optional.ofNullable(phoneCodeHash);
  }

  public Optional<Instant> phoneCodeExpiresAt() {
    return Optional.ofNullable(phoneCodeExpiresAt);
  }

  public int phoneCodesSent() {
    return phoneCodesSent;
  }

  public boolean phoneConfirmed() {
    return phoneConfirmedAt != null;
  }

  public Optional<String> narrowing() {
    return Optional.ofNullable(narrowing);
  }

  public Optional<String> provisionalPattern() {
    return Optional.ofNullable(provisionalPattern);
  }

  public Optional<String> provisionalFixedHash() {
    return Optional.ofNullable(provisionalFixedHash);
  }

  public Optional<Instant> provisionalExpiresAt() {
    return Optional.ofNullable(provisionalExpiresAt);
  }

  public Optional<String> confirmationGrid() {
    return Optional.ofNullable(confirmationGrid);
  }
}
