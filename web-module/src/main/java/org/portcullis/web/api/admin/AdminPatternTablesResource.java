package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.error.DomainException;
import org.portcullis.pattern.PatternTable;
import org.portcullis.pattern.PatternTables;
import org.portcullis.pattern.StrengthRule;
import org.portcullis.pattern.TableRules;
import org.portcullis.staff.StaffRole;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/** Pattern tables (SPEC §3.1): admins create, change and retire them; all staff read them. */
@Path("admin/pattern-tables")
@Tag(name = "Admin: pattern tables")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class AdminPatternTablesResource {

  /** On PUT every member is optional (a partial update). */
  public static class TableRequest {
    public String name;
    public Integer rows;
    public Integer cols;
    public Integer minLength;
    public Integer maxCellUses;
    public Boolean rejectAdjacent;

    PatternTables.TableSpec spec() {
      return new PatternTables.TableSpec(name, rows, cols, minLength, maxCellUses, rejectAdjacent);
    }
  }

  public record Created(long tableId) {}

  /**
   * A table with its strength: the ordered selections of {@code minLength} distinct cells and the
   * number of PINs of that length it must exceed.
   */
  public record TableView(
      long tableId,
      String name,
      int rows,
      int cols,
      int minLength,
      int maxCellUses,
      boolean rejectAdjacent,
      String orderedSelections,
      String pins,
      boolean retired,
      Instant retiredAt,
      Instant createdAt) {
    static TableView of(PatternTable table) {
      TableRules rules = table.rules();
      return new TableView(
          table.id(),
          table.name(),
          rules.rows(),
          rules.cols(),
          rules.minLength(),
          rules.maxCellUses(),
          rules.rejectAdjacent(),
          StrengthRule.orderedSelections(rules.cells(), rules.minLength()).toString(),
          StrengthRule.pins(rules.minLength()).toString(),
          table.retired(),
          table.retiredAt().orElse(null),
          table.createdAt());
    }
  }

  @EJB PatternTables tables;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffCaller(StaffRole.ADMIN)
  @Operation(
      summary = "Create a pattern table",
      description =
          "{name, rows, cols, minLength, maxCellUses (2), rejectAdjacent (true)}. A table whose"
              + " ordered selections of minLength cells do not exceed the minLength-digit PINs is"
              + " refused with both numbers (weak-table).")
  @APIResponse(responseCode = "201", description = "{tableId}")
  @APIResponse(responseCode = "400", description = "weak-table / bad-table / invalid-pattern-table")
  @APIResponse(responseCode = "409", description = "pattern-table-name-taken")
  public Response create(
      @Valid @NotNull(message = "a JSON body is required") TableRequest request,
      @Context SecurityContext caller) {
    PatternTable table = tables.create(request.spec(), Callers.staff(caller));
    return Response.created(
            UriBuilder.fromPath("/api/v1/admin/pattern-tables").path(table.id().toString()).build())
        .entity(new Created(table.id()))
        .build();
  }

  @GET
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(summary = "List pattern tables, retired ones included")
  public List<TableView> list() {
    return tables.list().stream().map(TableView::of).toList();
  }

  @GET
  @Path("{tableId: [0-9]{1,18}}")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(summary = "One pattern table")
  public TableView get(@PathParam("tableId") long tableId) {
    return tables
        .find(tableId)
        .map(TableView::of)
        .orElseThrow(
            () -> DomainException.notFound("unknown-pattern-table", "No pattern table " + tableId));
  }

  @PUT
  @Path("{tableId: [0-9]{1,18}}")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffCaller(StaffRole.ADMIN)
  @Operation(
      summary = "Change a pattern table",
      description =
          "Members given replace the current ones. Rows and columns cannot change once patterns or"
              + " registrations use the table (409 table-in-use); rule changes apply to new"
              + " registrations.")
  public TableView update(
      @PathParam("tableId") long tableId,
      @Valid @NotNull(message = "a JSON body is required") TableRequest request,
      @Context SecurityContext caller) {
    return TableView.of(tables.update(tableId, request.spec(), Callers.staff(caller)));
  }

  @POST
  @Path("{tableId: [0-9]{1,18}}/retire")
  @StaffCaller(StaffRole.ADMIN)
  @Operation(
      summary = "Retire a pattern table",
      description = "No new registrations on it; patterns registered on it keep verifying.")
  public TableView retire(@PathParam("tableId") long tableId, @Context SecurityContext caller) {
    return TableView.of(tables.retire(tableId, Callers.staff(caller)));
  }
}
