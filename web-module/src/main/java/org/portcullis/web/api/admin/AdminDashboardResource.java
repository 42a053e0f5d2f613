package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.dashboard.Dashboard;
import org.portcullis.staff.StaffRole;
import org.portcullis.web.security.StaffCaller;

/** The dashboard's numbers, for any staff member. */
@Path("admin/dashboard")
@Tag(name = "Admin: dashboard")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
public class AdminDashboardResource {

  @EJB Dashboard dashboard;

  @GET
  @Operation(
      summary = "The dashboard: verifications, failures, locks, alerts and outbox queues",
      description =
          "`perMinute`: the last 30 whole minutes before `at`'s minute, oldest first, each"
              + " `{minute, ok, failed}` (zeros included). Verifications are the audit actions"
              + " pinpad.verify, pattern.verify and token.login; any outcome but OK is a failure."
              + " `verificationsLastHour` and `failuresLastHour` cover the hour before `at`;"
              + " `lockedFactors` counts factors locked now; `openDuressAlerts` those not yet"
              + " acknowledged; backlogs are QUEUED + SENDING rows, failed are FAILED rows.")
  public Dashboard.Snapshot snapshot() {
    return dashboard.snapshot();
  }
}
