package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.group.GroupAdmin;
import org.portcullis.group.GroupClosing;
import org.portcullis.group.GroupState;
import org.portcullis.staff.StaffRole;
import org.portcullis.web.api.InvalidFieldException;
import org.portcullis.web.api.TotalCount;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/** The private groups' metadata for staff, and closing a group now (never its content). */
@Path("admin/groups")
@Tag(name = "Admin: private groups")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
public class AdminGroupsResource {

  static final int DEFAULT_LIMIT = 50;

  @EJB GroupAdmin groups;
  @EJB GroupClosing closing;

  @GET
  @Operation(summary = "Groups, newest first: ?state=OPEN|CLOSED &offset &limit (1-500)")
  @APIResponse(responseCode = "200", description = "Rows with X-Total-Count")
  public Response list(
      @QueryParam("state") String state,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    GroupState chosen = state(state);
    return TotalCount.ok(
        groups.list(
            chosen,
            QueryParams.number("offset", offset, 0),
            QueryParams.number("limit", limit, DEFAULT_LIMIT)),
        groups.count(chosen));
  }

  @GET
  @Path("{groupId}")
  @Operation(summary = "One group's metadata")
  @APIResponse(responseCode = "404", description = "unknown-group")
  public GroupAdmin.GroupRow find(@PathParam("groupId") String groupId) {
    return groups.find(groupId);
  }

  @POST
  @Path("{groupId}/close")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR})
  @Operation(
      summary = "Close a group now",
      description =
          "As at its expiry: memberships end, sockets close, every message and file is deleted."
              + " Audited as group.close with the staff member.")
  @APIResponse(responseCode = "200", description = "The closed group's metadata")
  @APIResponse(responseCode = "409", description = "group-closed: closed already")
  public GroupAdmin.GroupRow close(
      @PathParam("groupId") String groupId, @Context SecurityContext caller) {
    closing.closeAsStaff(groupId, Callers.staff(caller));
    return groups.find(groupId);
  }

  private static GroupState state(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return GroupState.valueOf(state.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("state", "state must be OPEN or CLOSED");
    }
  }
}
