package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.audit.AuditCsv;
import org.portcullis.audit.AuditLog;
import org.portcullis.audit.AuditLog.AuditFilter;
import org.portcullis.audit.AuditRecord;
import org.portcullis.audit.AuditVerification;
import org.portcullis.staff.StaffRole;
import org.portcullis.time.PortcullisClock;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.api.TotalCount;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/** The audit log for staff: filtered pages, a CSV export and the integrity check. */
@Path("admin/audit")
@Tag(name = "Admin: audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
public class AdminAuditResource {

  static final int DEFAULT_LIMIT = 100;
  static final String CSV = "text/csv; charset=UTF-8";

  private static final String FILTERS =
      " Filters, all optional: `action` (exact, or a prefix when it ends with `.` or `*`:"
          + " `pattern.*`), `actor` (exact: `staff:alice`), `subject` (contains, any case),"
          + " `outcome` (exact), `from` (inclusive) and `to` (exclusive) as ISO-8601 instants"
          + " (`2024-05-01T00:00:00Z`).";

  private static final DateTimeFormatter FILE_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @EJB AuditLog audit;
  @EJB PortcullisClock clock;

  /** One audit record as staff see it. */
  public record RecordView(
      long id,
      Instant occurredAt,
      String actor,
      String action,
      String subject,
      String outcome,
      String detail,
      Long chainIndex) {

    static RecordView of(AuditRecord r) {
      return new RecordView(
          r.id(),
          r.occurredAt(),
          r.actor(),
          r.action(),
          r.subject(),
          r.outcome(),
          r.detail(),
          r.chainIndex());
    }
  }

  @GET
  @Operation(
      summary = "Search the audit log, newest first",
      description =
          "A page of records: `offset` from 0 (default 0), `limit` 1-1000 (default 100);"
              + " the `X-Total-Count` header says how many match in all."
              + FILTERS)
  @APIResponse(responseCode = "200", description = "The page; X-Total-Count: all that match")
  @APIResponse(
      responseCode = "400",
      description = "invalid-input, invalid-limit, invalid-offset, invalid-audit-filter")
  public Response search(
      @QueryParam("action") String action,
      @QueryParam("actor") String actor,
      @QueryParam("subject") String subject,
      @QueryParam("outcome") String outcome,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    AuditFilter filter = filter(action, actor, subject, outcome, from, to);
    List<RecordView> page =
        audit
            .page(
                filter,
                QueryParams.number("offset", offset, 0),
                QueryParams.number("limit", limit, DEFAULT_LIMIT))
            .stream()
            .map(RecordView::of)
            .toList();
    return TotalCount.ok(page, audit.count(filter));
  }

  @GET
  @Path("export.csv")
  @Produces(CSV)
  @Operation(
      summary = "Export the audit log as CSV, oldest first",
      description =
          "Every matching record (no paging), streamed: RFC 4180 with CRLF line ends, columns"
              + " id, occurredAt, actor, action, subject, outcome, detail, chainIndex, hash. A"
              + " field that a spreadsheet would take for a formula (starting with =, +, -, @, tab"
              + " or CR) gets a leading '. The export itself is audited (audit.export, with the"
              + " filter)."
              + FILTERS)
  @APIResponse(responseCode = "200", description = "The CSV, as an attachment")
  @APIResponse(responseCode = "400", description = "invalid-input, invalid-audit-filter")
  public Response export(
      @QueryParam("action") String action,
      @QueryParam("actor") String actor,
      @QueryParam("subject") String subject,
      @QueryParam("outcome") String outcome,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Context SecurityContext caller) {
    AuditFilter filter = filter(action, actor, subject, outcome, from, to);
    // audited before a byte is sent: a download that breaks off still leaves its record
    audit.recordExport(filter, Callers.staff(caller));
    StreamingOutput csv = out -> AuditCsv.export(audit, filter, out);
    return Response.ok(csv, CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + fileName(clock.now()) + "\"")
        .cacheControl(NoStore.cacheControl())
        .build();
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

  /** {@code portcullis-audit-20240501T123456Z.csv}: sortable, and safe in any file system. */
  static String fileName(Instant at) {
    return "portcullis-audit-" + FILE_STAMP.format(at) + ".csv";
  }

  private static AuditFilter filter(
      String action, String actor, String subject, String outcome, String from, String to) {
    return new AuditFilter(
        action,
        actor,
        subject,
        outcome,
        QueryParams.instant("from", from),
        QueryParams.instant("to", to));
  }
}
