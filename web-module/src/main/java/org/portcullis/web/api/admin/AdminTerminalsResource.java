package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.staff.StaffRole;
import org.portcullis.token.TokenService;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/** Terminals (devices): staff revoke every token held on one, e.g. a lost phone. */
@Path("admin/terminals")
@Tag(name = "Admin: customers")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR})
public class AdminTerminalsResource {

  @EJB TokenService tokens;

  @DELETE
  @Path("{terminalId}/tokens")
  @Operation(summary = "Revoke every access token on one terminal, whoever's it is")
  @APIResponse(responseCode = "200", description = "How many were revoked")
  public AdminCustomersResource.RevokedView revoke(
      @PathParam("terminalId") String terminalId, @Context SecurityContext caller) {
    return new AdminCustomersResource.RevokedView(
        tokens.revokeTerminal(terminalId, Callers.staff(caller)));
  }
}
