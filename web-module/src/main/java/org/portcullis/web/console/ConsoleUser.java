package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.portcullis.audit.ConsoleEvents;
import org.portcullis.staff.StaffRole;

/**
 * The signed-in staff member and what their roles let them do (SPEC §3.10): auditors read
 * everything and change nothing; operators manage customers, alerts and outboxes; admins also
 * manage relying systems, pattern tables, function codes and staff.
 *
 * <p>Pages use {@code #{me.operator}} and {@code #{me.admin}} to leave out what a role may not do;
 * every action calls {@link #requireOperator()} or {@link #requireAdmin()} first, because a page
 * that hides a button does not stop a forged request.
 */
@Named("me")
@RequestScoped
public class ConsoleUser {

  @Inject SecurityContext security;

  @EJB ConsoleEvents events;

  public String getUsername() {
    Principal caller = security.getCallerPrincipal();
    return caller == null ? null : caller.getName();
  }

  public boolean isSignedIn() {
    return security.getCallerPrincipal() != null;
  }

  public Set<StaffRole> getRoles() {
    return Arrays.stream(StaffRole.values())
        .filter(role -> security.isCallerInRole(role.name()))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
  }

  /** The roles as the header shows them, e.g. "Admin". */
  public String getRoleNames() {
    return getRoles().stream()
        .map(role -> role.name().charAt(0) + role.name().substring(1).toLowerCase())
        .collect(Collectors.joining(", "));
  }

  /** May manage customers, duress alerts and outboxes. */
  public boolean isOperator() {
    return security.isCallerInRole(StaffRole.ADMIN.name())
        || security.isCallerInRole(StaffRole.OPERATOR.name());
  }

  /** May also manage relying systems, pattern tables, function codes and staff. */
  public boolean isAdmin() {
    return security.isCallerInRole(StaffRole.ADMIN.name());
  }

  /** The staff member's name for the services' audit records. */
  public String requireOperator(String action) {
    if (!isOperator()) {
      throw refused(action);
    }
    return getUsername();
  }

  /** The staff member's name for the services' audit records. */
  public String requireAdmin(String action) {
    if (!isAdmin()) {
      throw refused(action);
    }
    return getUsername();
  }

  private ForbiddenAction refused(String action) {
    String who = isSignedIn() ? getUsername() : "anonymous";
    events.refused(who, action, getRoles().toString());
    return new ForbiddenAction(who + " may not " + action);
  }
}
