package org.portcullis.web.api.group;

import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.group.GroupLiveTickets;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.CustomerCaller;

/** The single-use tickets that open a member's live socket of a group. */
@Path("groups/{groupId}/live-tickets")
@Tag(name = "Private groups")
@Produces(MediaType.APPLICATION_JSON)
@CustomerCaller
@SecurityRequirement(name = "accessToken")
public class GroupLiveTicketsResource {

  public record TicketView(String ticket, String url, Instant expiresAt) {}

  @EJB GroupLiveTickets tickets;

  @POST
  @Operation(
      summary = "A ticket that opens the caller's live socket of the group",
      description =
          "Single use, valid 30 s. Open the WebSocket at url (ws[s]://…/ws/v1/groups/{groupId}"
              + "?ticket=…) within that time. See docs/private-groups.md for its frames.")
  @APIResponse(responseCode = "201", description = "{ticket, url, expiresAt}")
  public Response ticket(@PathParam("groupId") String groupId, @Context SecurityContext caller) {
    GroupLiveTickets.Ticket ticket = tickets.issue(groupId, GroupCallers.of(caller));
    return Response.status(Response.Status.CREATED)
        .cacheControl(NoStore.cacheControl())
        .entity(new TicketView(ticket.ticket(), ticket.url(), ticket.expiresAt()))
        .build();
  }
}
