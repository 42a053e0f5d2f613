package org.portcullis.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates staff and keeps their accounts (SPEC §3.10). Every change is audited with the
 * acting staff member's username ({@code actor}); no method ever returns or records a password or
 * its hash, except {@link #authenticate}'s entity, which stays inside the server.
 */
public interface StaffDirectory {

  /**
   * An account as the console shows it: never its password hash.
   *
   * @param lockedUntil when the login lock of {@link StaffMember} ends; null when not locked
   * @param lastLoginAt null when the account never logged in
   * @param passwordChangedAt null for an account made before this was recorded
   */
  record StaffView(
      String username,
      Set<StaffRole> roles,
      boolean enabled,
      Instant createdAt,
      Instant lastLoginAt,
      Instant passwordChangedAt,
      Instant lockedUntil) {}

  /**
   * The enabled, unlocked staff member with this username and password. Costs one password hash
   * whatever the answer, so that its timing tells nothing about the account. Counts a wrong
   * password against an existing account and locks it after {@link StaffMember#MAX_FAILED_LOGINS}
   * in a row for {@link StaffMember#LOGIN_LOCK}, during which even the right password is refused; a
   * success ends the run and records the login. Audited: {@code staff.login} OK or FAIL, {@code
   * staff.lock}. A refusal is an empty answer, never an exception, so that the count it raised
   * commits.
   */
  Optional<StaffMember> authenticate(String username, String password);

  /** Creates the first admin ({@code admin}) when no staff account exists yet. */
  boolean createFirstAdmin(String password);

  /** Every account, ordered by username. */
  List<StaffView> list();

  Optional<StaffView> find(String username);

  /**
   * Creates an enabled account. Audited ({@code staff.create}).
   *
   * @throws org.portcullis.error.DomainException bad input: {@code invalid-username} (field {@code
   *     username}, {@link StaffUsernames}), {@code invalid-roles} (field {@code roles}, none
   *     given), {@code weak-password} (field {@code password}, {@link StaffPasswordPolicy});
   *     conflict {@code staff-exists}
   */
  StaffView create(String username, Set<StaffRole> roles, String initialPassword, String actor);

  /**
   * Replaces the account's roles. Audited ({@code staff.roles}).
   *
   * @throws org.portcullis.error.DomainException not found {@code unknown-staff}; bad input {@code
   *     invalid-roles}; conflict {@code own-account} or {@code last-admin} ({@link StaffGuards})
   */
  StaffView changeRoles(String username, Set<StaffRole> roles, String actor);

  /**
   * Enables or disables the account; {@link #authenticate} refuses a disabled one. Audited ({@code
   * staff.enable}, {@code staff.disable}).
   *
   * @throws org.portcullis.error.DomainException not found {@code unknown-staff}; conflict {@code
   *     staff-already-enabled} or {@code staff-already-disabled}, {@code own-account} or {@code
   *     last-admin} ({@link StaffGuards})
   */
  StaffView setEnabled(String username, boolean enabled, String actor);

  /**
   * An admin sets a new password for the account, for a forgotten password or a locked account: it
   * also lifts the login lock. Audited ({@code staff.password-reset}).
   *
   * @throws org.portcullis.error.DomainException not found {@code unknown-staff}; bad input {@code
   *     weak-password} (field {@code password})
   */
  void resetPassword(String username, String newPassword, String actor);

  /**
   * A staff member changes their own password, proving the current one. A wrong current password
   * counts as a wrong login (so that an unattended session cannot be used to guess it) and is
   * refused without undoing that count. Audited ({@code staff.password-change} OK or FAIL).
   *
   * @throws org.portcullis.error.DomainException not found {@code unknown-staff}; conflict {@code
   *     staff-disabled} or {@code staff-locked}; bad input {@code wrong-password} (field {@code
   *     currentPassword}, a {@link org.portcullis.error.Refusal}), {@code same-password} or {@code
   *     weak-password} (field {@code newPassword})
   */
  void changeOwnPassword(String username, String currentPassword, String newPassword);
}
