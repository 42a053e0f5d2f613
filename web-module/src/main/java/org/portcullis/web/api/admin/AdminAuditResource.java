package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.audit.AuditLog;
import org.portcullis.audit.AuditVerification;
import org.portcullis.staff.StaffRole;
import org.portcullis.web.security.StaffCaller;

/** The audit log's integrity check. */
@Path("admin/audit")
@Tag(name = "Admin: audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
public class AdminAuditResource {

  @EJB AuditLog audit;

  @GET
  @Path("verify")
  @Operation(
      summary = "Verify the audit chain",
      description =
          "Links any records still waiting, then recomputes every record's hash from its content"
              + " and its predecessor's hash. `valid` is false when a record was changed, removed"
              + " or inserted; `firstBrokenIndex` says where.")
  public AuditVerification verify() {
    return audit.verify();
  }
}
