package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.portcullis.error.DomainException;
import org.portcullis.staff.StaffDirectory;
import org.portcullis.staff.StaffDirectory.StaffView;
import org.portcullis.staff.StaffPasswordPolicy;
import org.portcullis.staff.StaffRole;

/**
 * The staff page: every account with its roles and sign-in state for all staff; admins create
 * accounts, change roles, enable and disable, and set a new password. The directory refuses what
 * would lock the bank out (one's own account, the last admin) and weak passwords; the page shows
 * the refusal beside the field or at the top.
 */
@Named
@ViewScoped
public class StaffPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB StaffDirectory directory;

  @Inject ConsoleUser me;

  private transient List<StaffView> rows;

  // the new account
  private String username;
  private StaffRole[] roles = {StaffRole.OPERATOR};
  private String password;
  private String repeat;

  // the account a dialog is open for
  private String selected;
  private StaffRole[] selectedRoles = {};

  public List<StaffView> getRows() {
    if (rows == null) {
      rows = directory.list();
    }
    return rows;
  }

  public StaffRole[] getAllRoles() {
    return StaffRole.values();
  }

  public int getMinPasswordLength() {
    return StaffPasswordPolicy.MIN_LENGTH;
  }

  /** Whether the account's login lock is on now. */
  public boolean locked(StaffView row) {
    return row.lockedUntil() != null && row.lockedUntil().isAfter(Instant.now());
  }

  public void startCreate() {
    me.requireAdmin("create a staff account");
    username = null;
    roles = new StaffRole[] {StaffRole.OPERATOR};
    password = null;
    repeat = null;
  }

  public void create() {
    String staff = me.requireAdmin("create a staff account");
    if (!ConsoleMessages.typedTwice(
        password, repeat, "new-staff-form:repeat", "The two passwords differ.")) {
      return;
    }
    try {
      StaffView created = directory.create(username, set(roles), password, staff);
      ConsoleMessages.done(
          "Staff account "
              + created.username()
              + " created with the roles "
              + names(created.roles())
              + ". Give them the initial password in person.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "new-staff-form");
    } finally {
      password = null;
      repeat = null;
    }
    rows = null;
  }

  /** Opens the roles dialog for an account. */
  public void editRoles(String account) {
    me.requireAdmin("change a staff member's roles");
    selected = account;
    selectedRoles =
        getRows().stream()
            .filter(row -> row.username().equals(account))
            .findFirst()
            .map(row -> row.roles().toArray(new StaffRole[0]))
            .orElse(new StaffRole[0]);
  }

  public void saveRoles() {
    String staff = me.requireAdmin("change a staff member's roles");
    try {
      StaffView changed = directory.changeRoles(selected, set(selectedRoles), staff);
      ConsoleMessages.done(
          "The roles of " + changed.username() + " are now " + names(changed.roles()) + ".");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "roles-form");
    }
    rows = null;
  }

  public void setEnabled(String account, boolean enabled) {
    String staff = me.requireAdmin(enabled ? "enable a staff account" : "disable a staff account");
    try {
      directory.setEnabled(account, enabled, staff);
      ConsoleMessages.done(
          "The account "
              + account
              + (enabled ? " is enabled." : " is disabled: it can no longer sign in."));
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "staff-form");
    }
    rows = null;
  }

  /** Opens the password dialog for an account. */
  public void startReset(String account) {
    me.requireAdmin("set a staff member's password");
    selected = account;
    password = null;
    repeat = null;
  }

  public void resetPassword() {
    String staff = me.requireAdmin("set a staff member's password");
    if (!ConsoleMessages.typedTwice(
        password, repeat, "reset-form:repeat", "The two passwords differ.")) {
      return;
    }
    try {
      directory.resetPassword(selected, password, staff);
      ConsoleMessages.done(
          "A new password is set for "
              + selected
              + "; a login lock, if any, is lifted. Give it to them in person.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "reset-form");
    } finally {
      password = null;
      repeat = null;
    }
    rows = null;
  }

  private static Set<StaffRole> set(StaffRole[] roles) {
    return roles == null || roles.length == 0
        ? EnumSet.noneOf(StaffRole.class)
        : EnumSet.copyOf(Arrays.asList(roles));
  }

  /** e.g. "ADMIN, OPERATOR". */
  public String names(Set<StaffRole> roles) {
    return roles.isEmpty()
        ? "none"
        : String.join(", ", EnumSet.copyOf(roles).stream().map(Enum::name).toList());
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public StaffRole[] getRoles() {
    return roles;
  }

  public void setRoles(StaffRole[] roles) {
    this.roles = roles;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRepeat() {
    return repeat;
  }

  public void setRepeat(String repeat) {
    this.repeat = repeat;
  }

  public String getSelected() {
    return selected;
  }

  public StaffRole[] getSelectedRoles() {
    return selectedRoles;
  }

  public void setSelectedRoles(StaffRole[] selectedRoles) {
    this.selectedRoles = selectedRoles;
  }
}
