package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.alert.AlertService;
import org.portcullis.staff.StaffRole;
import org.portcullis.web.api.InvalidFieldException;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/** Duress alerts: all staff see them; operators and admins acknowledge them. */
@Path("admin/alerts")
@Tag(name = "Admin: alerts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class AdminAlertsResource {

  @EJB AlertService alerts;

  @GET
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(
      summary = "List alerts, newest first",
      description = "?state=OPEN (default: not yet acknowledged) or ALL; at most 500.")
  public List<AlertService.AlertView> list(
      @QueryParam("state") @DefaultValue("OPEN") String state) {
    if (!"OPEN".equals(state) && !"ALL".equals(state)) {
      throw new InvalidFieldException("state", "state is OPEN or ALL");
    }
    return alerts.list("OPEN".equals(state));
  }

  @POST
  @Path("{id: [0-9]{1,18}}/acknowledge")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR})
  @Operation(summary = "Acknowledge an alert (409 if it already was)")
  public AlertService.AlertView acknowledge(
      @PathParam("id") long id, @Context SecurityContext caller) {
    return alerts.acknowledge(id, Callers.staff(caller));
  }
}
