package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
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

  /** One audit record as staff see it. */
  public record RecordView(
      long id,
      Instant occurredAt,
      String actor,
      String action,
      String subject,
      String outcome,
      String detail,
      Long chainIndex) {}

  @GET
  @Operation(
      summary = "Search the audit log, newest first",
      description =
          "?action=pattern.verify&subject=customer:alice&limit=100 (1-1000, default 100).")
  public List<RecordView> search(
      @QueryParam("action") String action,
      @QueryParam("subject") String subject,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return audit.search(action, subject, limit).stream()
        .map(
            r ->
                new RecordView(
                    r.id(),
                    r.occurredAt(),
                    r.actor(),
                    r.action(),
                    r.subject(),
                    r.outcome(),
                    r.detail(),
                    r.chainIndex()))
        .toList();
  }

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
