package org.portcullis.staff;

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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A staff account; the password is held as an Argon2id hash.
 *
 * <p>Wrong passwords lock the account: after {@link #MAX_FAILED_LOGINS} in a row it refuses every
 * login for {@link #LOGIN_LOCK}, and each further wrong password while the run lasts locks it
 * again, so that a guesser gets one try per lock period. A right password (outside a lock) or an
 * admin's password reset ends the run.
 */
@Entity
@Table(name = "staff_member")
@NamedQuery(
    name = "StaffMember.byUsername",
    query = "SELECT s FROM StaffMember s WHERE s.username = :username")
@NamedQuery(name = "StaffMember.count", query = "SELECT COUNT(s) FROM StaffMember s")
@NamedQuery(name = "StaffMember.all", query = "SELECT s FROM StaffMember s ORDER BY s.username")
// ordered by id so that every transaction that locks them takes the locks in the same order
@NamedQuery(
    name = "StaffMember.enabled",
    query = "SELECT s FROM StaffMember s WHERE s.enabled = :enabled ORDER BY s.id")
public class StaffMember {

  /** Wrong passwords in a row that lock the account. */
  public static final int MAX_FAILED_LOGINS = 5;

  /** How long a lock lasts. */
  public static final Duration LOGIN_LOCK = Duration.ofMinutes(15);

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(nullable = false, updatable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private String roles;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** Wrong passwords since the last successful login or password reset. */
  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  /** Null only for accounts made before this was recorded. */
  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  @Version private long version;

  protected StaffMember() {}

  public StaffMember(
      String username, String passwordHash, Set<StaffRole> roles, Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.roles = encode(roles);
    this.enabled = true;
    this.createdAt = createdAt;
    this.passwordChangedAt = createdAt;
  }

  private static String encode(Set<StaffRole> roles) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("A staff member needs at least one role");
    }
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  /** Whether wrong passwords have locked the account at {@code now}. */
  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /**
   * Counts a wrong password.
   *
   * @return whether this failure locked the account
   */
  public boolean recordFailedLogin(Instant now) {
    failedLogins++;
    if (failedLogins >= MAX_FAILED_LOGINS) {
      lockedUntil = now.plus(LOGIN_LOCK);
      return true;
    }
    return false;
  }

  /** How often a run of successful logins is written down (last login, audit record). */
  public static final java.time.Duration LOGIN_RECORD_INTERVAL = java.time.Duration.ofMinutes(1);

  /**
   * Whether a successful login at {@code now} must be written: it ends a run of wrong passwords, or
   * the last one written is older than {@link #LOGIN_RECORD_INTERVAL}. Staff automation signs in on
   * every API call; writing each one would lock the row and add an audit record per request.
   */
  public boolean loginWorthRecording(Instant now) {
    return failedLogins > 0
        || lockedUntil != null
        || lastLoginAt == null
        || !now.isBefore(lastLoginAt.plus(LOGIN_RECORD_INTERVAL));
  }

  /** A successful login ends the run of wrong passwords. */
  public void recordLogin(Instant now) {
    failedLogins = 0;
    lockedUntil = null;
    lastLoginAt = now;
  }

  /** The staff member changed their own password (the lock state is theirs to keep). */
  public void changePassword(String newPasswordHash, Instant now) {
    this.passwordHash = newPasswordHash;
    this.passwordChangedAt = now;
  }

  /**
   * An admin set a new password: the wrong guesses were at the old one, so the run ends and any
   * lock is lifted.
   */
  public void resetPassword(String newPasswordHash, Instant now) {
    changePassword(newPasswordHash, now);
    failedLogins = 0;
    lockedUntil = null;
  }

  public void changeRoles(Set<StaffRole> newRoles) {
    this.roles = encode(newRoles);
  }

  public void enable() {
    this.enabled = true;
  }

  public void disable() {
    this.enabled = false;
  }

  /** An enabled account with the ADMIN role: one that can manage staff. */
  public boolean isActiveAdmin() {
    return enabled && roles().contains(StaffRole.ADMIN);
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean enabled() {
    return enabled;
  }

  public Set<StaffRole> roles() {
    return Arrays.stream(roles.split(","))
        .filter(r -> !r.isEmpty())
        .map(StaffRole::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
  }

  public Instant createdAt() {
    return createdAt;
  }

  public int failedLogins() {
    return failedLogins;
  }

  /** When the current lock ends; empty when the account is not locked at {@code now}. */
  public Optional<Instant> lockedUntil(Instant now) {
    return isLockedAt(now) ? Optional.of(lockedUntil) : Optional.empty();
  }

  public Optional<Instant> lastLoginAt() {
    return Optional.ofNullable(lastLoginAt);
  }

  public Optional<Instant> passwordChangedAt() {
    return Optional.ofNullable(passwordChangedAt);
  }
}
