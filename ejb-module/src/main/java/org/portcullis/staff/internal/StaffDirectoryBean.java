package org.portcullis.staff.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.error.DomainException;
import org.portcullis.error.Refusal;
import org.portcullis.staff.StaffDirectory;
import org.portcullis.staff.StaffGuards;
import org.portcullis.staff.StaffMember;
import org.portcullis.staff.StaffPasswordPolicy;
import org.portcullis.staff.StaffRole;
import org.portcullis.staff.StaffUsernames;
import org.portcullis.time.PortcullisClock;

/**
 * Staff accounts with Argon2id password hashes. The rules live in {@link StaffMember} (login lock),
 * {@link StaffGuards}, {@link StaffPasswordPolicy} and {@link StaffUsernames}; this bean adds the
 * transaction, the row locks and the audit.
 *
 * <p>Row locks: a change that could take away an admin first locks every enabled account (in id
 * order, so concurrent changes cannot deadlock) and only then counts the admins, so that two admins
 * disabling each other at once cannot both succeed. A login hashes without a lock and locks its own
 * row only to count the outcome, so concurrent requests of one staff member do not queue behind
 * each other's hash.
 */
@Stateless
public class StaffDirectoryBean implements StaffDirectory {

  static final String FIRST_ADMIN = "admin";

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;
  @EJB PortcullisClock clock;
  @EJB AuditLog audit;

  @Override
  // it writes (the count, the lock, the login time, the audit) and refuses by answering empty, so
  // that what a wrong password counted commits
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Optional<StaffMember> authenticate(String username, String password) {
    Instant now = clock.now();
    // a name that breaks the rule cannot be an account; it is not repeated into the audit log
    String subject = "staff:" + (StaffUsernames.valid(username) ? username : "?");
    Optional<StaffMember> found =
        StaffUsernames.valid(username) ? byUsername(username) : Optional.empty();
    if (found.isEmpty()) {
      keys.hasher().slowVerifyNothing(password);
      return refuseLogin(subject, "unknown account");
    }
    StaffMember member = found.get();
    if (member.isLockedAt(now)) {
      // the same cost as a check, so a locked account does not answer faster than another
      keys.hasher().slowVerifyNothing(password);
      return refuseLogin(subject, "locked");
    }
    boolean matches = keys.hasher().slowVerify(password, member.passwordHash());
    if (matches && member.enabled() && !member.loginWorthRecording(now)) {
      // the common case of staff automation: nothing to write, no row lock
      return Optional.of(member);
    }
    em.refresh(member, LockModeType.PESSIMISTIC_WRITE);
    if (!member.enabled()) {
      return refuseLogin(subject, "disabled");
    }
    if (member.isLockedAt(now)) {
      return refuseLogin(subject, "locked");
    }
    if (!matches) {
      refuseLogin(subject, "wrong password");
      countFailure(member, subject, now);
      return Optional.empty();
    }
    member.recordLogin(now);
    audit.record(subject, "staff.login", subject, "OK", null);
    return Optional.of(member);
  }

  private Optional<StaffMember> refuseLogin(String subject, String why) {
    audit.record(subject, "staff.login", subject, "FAIL", why);
    return Optional.empty();
  }

  /** Counts a wrong password against {@code member}, whose row this transaction has locked. */
  private void countFailure(StaffMember member, String subject, Instant now) {
    if (member.recordFailedLogin(now)) {
      audit.record(
          "server",
          "staff.lock",
          subject,
          "OK",
          member.failedLogins()
              + " wrong passwords in a row; locked until "
              + member.lockedUntil(now).orElseThrow());
    }
  }

  @Override
  public boolean createFirstAdmin(String password) {
    long staff = em.createNamedQuery("StaffMember.count", Long.class).getSingleResult();
    if (staff > 0) {
      return false;
    }
    requireStrong(FIRST_ADMIN, password, "password");
    em.persist(
        new StaffMember(
            FIRST_ADMIN,
            keys.hasher().slowHash(password),
            EnumSet.of(StaffRole.ADMIN),
            clock.now()));
    audit.record("server", "staff.create", "staff:" + FIRST_ADMIN, "OK", "first admin");
    return true;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<StaffView> list() {
    Instant now = clock.now();
    return em.createNamedQuery("StaffMember.all", StaffMember.class)
        .getResultStream()
        .map(m -> view(m, now))
        .toList();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<StaffView> find(String username) {
    if (!StaffUsernames.valid(username)) {
      return Optional.empty();
    }
    return byUsername(username).map(m -> view(m, clock.now()));
  }

  @Override
  public StaffView create(
      String username, Set<StaffRole> roles, String initialPassword, String actor) {
    if (!StaffUsernames.valid(username)) {
      throw DomainException.badInput("invalid-username", "username", StaffUsernames.RULE);
    }
    requireRoles(roles);
    requireStrong(username, initialPassword, "password");
    if (byUsername(username).isPresent()) {
      throw DomainException.conflict(
          "staff-exists", "A staff account " + username + " already exists");
    }
    Instant now = clock.now();
    StaffMember member =
        new StaffMember(username, keys.hasher().slowHash(initialPassword), roles, now);
    em.persist(member);
    audit.record(
        "staff:" + actor, "staff.create", "staff:" + username, "OK", "roles=" + roles(roles));
    return view(member, now);
  }

  @Override
  public StaffView changeRoles(String username, Set<StaffRole> roles, String actor) {
    requireRoles(roles);
    long admins = lockEnabledStaff();
    StaffMember member = existing(username);
    StaffGuards.checkChange(actor, member, roles, member.enabled(), admins);
    String before = roles(member.roles());
    member.changeRoles(roles);
    audit.record(
        "staff:" + actor,
        "staff.roles",
        "staff:" + username,
        "OK",
        "roles=" + roles(roles) + " (were " + before + ")");
    return view(member, clock.now());
  }

  @Override
  public StaffView setEnabled(String username, boolean enabled, String actor) {
    long admins = lockEnabledStaff();
    StaffMember member = existing(username);
    if (member.enabled() == enabled) {
      String state = enabled ? "enabled" : "disabled";
      throw DomainException.conflict(
          "staff-already-" + state, "The account " + username + " is " + state + " already");
    }
    StaffGuards.checkChange(actor, member, member.roles(), enabled, admins);
    if (enabled) {
      member.enable();
    } else {
      member.disable();
    }
    audit.record(
        "staff:" + actor,
        enabled ? "staff.enable" : "staff.disable",
        "staff:" + username,
        "OK",
        null);
    return view(member, clock.now());
  }

  @Override
  public void resetPassword(String username, String newPassword, String actor) {
    requireStrong(username, newPassword, "password");
    StaffMember member = existing(username);
    Instant now = clock.now();
    boolean wasLocked = member.isLockedAt(now);
    member.resetPassword(keys.hasher().slowHash(newPassword), now);
    audit.record(
        "staff:" + actor,
        "staff.password-reset",
        "staff:" + username,
        "OK",
        wasLocked ? "login lock lifted" : null);
  }

  @Override
  public void changeOwnPassword(String username, String currentPassword, String newPassword) {
    StaffMember member = existing(username);
    Instant now = clock.now();
    if (!member.enabled()) {
      throw DomainException.conflict("staff-disabled", "The account " + username + " is disabled");
    }
    if (member.isLockedAt(now)) {
      throw DomainException.conflict(
          "staff-locked",
          "The account is locked after too many wrong passwords until "
              + member.lockedUntil(now).orElseThrow()
              + "; an admin can reset the password");
    }
    requireStrong(username, newPassword, "newPassword");
    if (newPassword.equals(currentPassword)) {
      throw DomainException.badInput(
          "same-password", "newPassword", "The new password must differ from the current one");
    }
    String subject = "staff:" + username;
    if (!keys.hasher().slowVerify(currentPassword, member.passwordHash())) {
      audit.record(subject, "staff.password-change", subject, "FAIL", "wrong current password");
      countFailure(member, subject, now);
      // a Refusal commits: the count and the audit records above stay
      throw Refusal.badInput("wrong-password", "currentPassword", "The current password is wrong");
    }
    member.changePassword(keys.hasher().slowHash(newPassword), now);
    audit.record(subject, "staff.password-change", subject, "OK", null);
  }

  private static void requireRoles(Set<StaffRole> roles) {
    if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
      throw DomainException.badInput(
          "invalid-roles", "roles", "A staff account needs at least one role of " + roles(null));
    }
  }

  private static void requireStrong(String username, String password, String field) {
    Optional<String> problem = StaffPasswordPolicy.problem(username, password);
    if (problem.isPresent()) {
      throw DomainException.badInput("weak-password", field, problem.get());
    }
  }

  /** Roles in a stable order for the audit log; null: every role. */
  private static String roles(Set<StaffRole> roles) {
    return (roles == null ? EnumSet.allOf(StaffRole.class) : EnumSet.copyOf(roles)).toString();
  }

  /**
   * Locks every enabled account, in id order, and counts the enabled admins among them: the count
   * that {@link StaffGuards} needs stays true until this transaction ends.
   */
  private long lockEnabledStaff() {
    return em.createNamedQuery("StaffMember.enabled", StaffMember.class)
        .setParameter("enabled", true)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .filter(StaffMember::isActiveAdmin)
        .count();
  }

  /** The account, its row locked until the transaction ends. */
  private StaffMember existing(String username) {
    Optional<StaffMember> member =
        StaffUsernames.valid(username)
            ? em.createNamedQuery("StaffMember.byUsername", StaffMember.class)
                .setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
            : Optional.empty();
    return member.orElseThrow(
        () -> DomainException.notFound("unknown-staff", "No staff account " + username));
  }

  private Optional<StaffMember> byUsername(String username) {
    return em.createNamedQuery("StaffMember.byUsername", StaffMember.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  private static StaffView view(StaffMember member, Instant now) {
    return new StaffView(
        member.username(),
        member.roles(),
        member.enabled(),
        member.createdAt(),
        member.lastLoginAt().orElse(null),
        member.passwordChangedAt().orElse(null),
        member.lockedUntil(now).orElse(null));
  }
}
