package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.error.DomainException;
import org.portcullis.staff.StaffDirectory;
import org.portcullis.staff.StaffDirectory.StaffView;
import org.portcullis.staff.StaffRole;
import org.portcullis.staff.StaffUsernames;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/**
 * Staff accounts: admins create them, change roles, enable and disable them and reset passwords;
 * all staff read them and change their own password. Answers never carry a password or its hash.
 */
@Path("admin/staff")
@Tag(name = "Admin: staff")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@StaffCaller(StaffRole.ADMIN)
public class AdminStaffResource {

  private static final String PASSWORD_RULE =
      "12 to 128 characters, not the username; stored only as an Argon2id hash.";

  public static class CreateRequest {
    @NotNull
    @Pattern(regexp = StaffUsernames.PATTERN, message = StaffUsernames.RULE)
    public String username;

    @NotEmpty public Set<@NotNull StaffRole> roles;
    @NotNull public String password;
  }

  public static class RolesRequest {
    @NotEmpty public Set<@NotNull StaffRole> roles;
  }

  public static class PasswordRequest {
    @NotNull public String password;
  }

  public static class OwnPasswordRequest {
    @NotNull public String currentPassword;
    @NotNull public String newPassword;
  }

  @EJB StaffDirectory staff;

  @GET
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(
      summary = "List staff accounts, ordered by username",
      description =
          "username, roles, enabled, createdAt, lastLoginAt, passwordChangedAt, lockedUntil (only"
              + " while wrong passwords keep the account locked).")
  public List<StaffView> list() {
    return staff.list();
  }

  @GET
  @Path("{username}")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(summary = "One staff account")
  @APIResponse(responseCode = "404", description = "unknown-staff")
  public StaffView get(@PathParam("username") String username) {
    return staff
        .find(username)
        .orElseThrow(
            () -> DomainException.notFound("unknown-staff", "No staff account " + username));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a staff account",
      description =
          "{username, roles, password}: username 3 to 64 of a-z, 0-9, '.', '_', '-', starting with"
              + " a letter; roles from ADMIN, OPERATOR, AUDITOR; password "
              + PASSWORD_RULE)
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400", description = "invalid-input, invalid-roles, weak-password")
  @APIResponse(responseCode = "409", description = "staff-exists")
  public Response create(
      @Valid @NotNull(message = "a JSON body is required") CreateRequest request,
      @Context SecurityContext caller) {
    StaffView created =
        staff.create(request.username, request.roles, request.password, Callers.staff(caller));
    return Response.created(
            UriBuilder.fromPath("/api/v1/admin/staff").path(created.username()).build())
        .entity(created)
        .build();
  }

  @PUT
  @Path("{username}/roles")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a staff account's roles",
      description =
          "Nobody takes ADMIN from themselves, and the last enabled admin keeps ADMIN (409).")
  @APIResponse(responseCode = "200", description = "The account as changed")
  @APIResponse(responseCode = "404", description = "unknown-staff")
  @APIResponse(responseCode = "409", description = "own-account, last-admin")
  public StaffView changeRoles(
      @PathParam("username") String username,
      @Valid @NotNull(message = "a JSON body is required") RolesRequest request,
      @Context SecurityContext caller) {
    return staff.changeRoles(username, request.roles, Callers.staff(caller));
  }

  @POST
  @Path("{username}/enable")
  @Operation(summary = "Enable a disabled staff account")
  @APIResponse(responseCode = "200", description = "The account as changed")
  @APIResponse(responseCode = "404", description = "unknown-staff")
  @APIResponse(responseCode = "409", description = "staff-already-enabled")
  public StaffView enable(@PathParam("username") String username, @Context SecurityContext caller) {
    return staff.setEnabled(username, true, Callers.staff(caller));
  }

  @POST
  @Path("{username}/disable")
  @Operation(
      summary = "Disable a staff account",
      description =
          "It can no longer log in. Nobody disables themselves, and the last enabled admin stays"
              + " enabled (409).")
  @APIResponse(responseCode = "200", description = "The account as changed")
  @APIResponse(responseCode = "404", description = "unknown-staff")
  @APIResponse(
      responseCode = "409",
      description = "staff-already-disabled, own-account, last-admin")
  public StaffView disable(
      @PathParam("username") String username, @Context SecurityContext caller) {
    return staff.setEnabled(username, false, Callers.staff(caller));
  }

  @PUT
  @Path("{username}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set a new password for a staff account",
      description = "{password}: " + PASSWORD_RULE + " Also lifts a lock left by wrong passwords.")
  @APIResponse(responseCode = "204", description = "Set")
  @APIResponse(responseCode = "400", description = "weak-password")
  @APIResponse(responseCode = "404", description = "unknown-staff")
  public void resetPassword(
      @PathParam("username") String username,
      @Valid @NotNull(message = "a JSON body is required") PasswordRequest request,
      @Context SecurityContext caller) {
    staff.resetPassword(username, request.password, Callers.staff(caller));
  }

  @PUT
  @Path("me/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(
      summary = "Change the caller's own password",
      description =
          "{currentPassword, newPassword}: the new one "
              + PASSWORD_RULE
              + " A wrong current password counts as a wrong login.")
  @APIResponse(responseCode = "204", description = "Changed")
  @APIResponse(
      responseCode = "400",
      description = "wrong-password (currentPassword), same-password, weak-password (newPassword)")
  public void changeOwnPassword(
      @Valid @NotNull(message = "a JSON body is required") OwnPasswordRequest request,
      @Context SecurityContext caller) {
    staff.changeOwnPassword(Callers.staff(caller), request.currentPassword, request.newPassword);
  }
}
