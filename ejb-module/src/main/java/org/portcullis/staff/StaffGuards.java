package org.portcullis.staff;

import java.util.Set;
import org.portcullis.error.DomainException;

/**
 * The two rules that keep the bank from locking itself out of Portcullis when staff change an
 * account's roles or enabled flag:
 *
 * <ul>
 *   <li>nobody disables their own account or takes ADMIN from themselves ({@code own-account}): a
 *       slip of the hand should not end one's own access, and another admin can do it;
 *   <li>the last enabled admin can neither be disabled nor lose ADMIN ({@code last-admin}): without
 *       one, staff accounts could only be repaired in the database.
 * </ul>
 *
 * <p>The second rule looks beyond the first: the last admin is normally the one acting, but two
 * admins disabling each other at once, or a caller other than a staff member, must not leave none.
 * Stateless and thread-safe.
 */
public final class StaffGuards {

  private StaffGuards() {}

  /**
   * Checks that {@code actor} may give {@code target} these roles and this enabled flag.
   *
   * @param enabledAdmins how many enabled admins there are before the change, counting {@code
   *     target} if it is one
   * @throws DomainException conflict {@code own-account} or {@code last-admin}
   */
  public static void checkChange(
      String actor,
      StaffMember target,
      Set<StaffRole> newRoles,
      boolean newEnabled,
      long enabledAdmins) {
    boolean disables = target.enabled() && !newEnabled;
    boolean dropsAdmin =
        target.roles().contains(StaffRole.ADMIN) && !newRoles.contains(StaffRole.ADMIN);
    if (target.username().equals(actor) && (disables || dropsAdmin)) {
      throw DomainException.conflict(
          "own-account",
          "You cannot disable your own account or take ADMIN from yourself; ask another admin");
    }
    boolean endsAnAdmin =
        target.isActiveAdmin() && !(newEnabled && newRoles.contains(StaffRole.ADMIN));
    if (endsAnAdmin && enabledAdmins <= 1) {
      throw DomainException.conflict(
          "last-admin",
          target.username() + " is the last enabled admin: enable or appoint another admin first");
    }
  }
}
