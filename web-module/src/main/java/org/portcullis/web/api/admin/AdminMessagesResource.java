package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.message.MessageAdmin;
import org.portcullis.message.MessageState;
import org.portcullis.staff.StaffRole;
import org.portcullis.web.api.TotalCount;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/** Secure messages for staff: states and times, never content; deletion (admins, operators). */
@Path("admin/messages")
@Tag(name = "Admin: secure messages")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class AdminMessagesResource {

  static final int DEFAULT_LIMIT = 50;

  @EJB MessageAdmin messages;

  @GET
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(
      summary = "List secure messages, newest first",
      description =
          "`state` (AWAITING_ENROLLMENT, NOTIFIED, DELIVERED, EXPIRED, DELETED), `sender` (a"
              + " system ID) and `account` filter; `limit` 1-500 (default 50), `offset` from 0;"
              + " `X-Total-Count` says how many match. Rows carry the masked MSISDN, never a"
              + " subject or body.")
  @APIResponse(responseCode = "200", description = "The page; X-Total-Count: all that match")
  public Response list(
      @QueryParam("state") String state,
      @QueryParam("sender") String sender,
      @QueryParam("account") String account,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    MessageAdmin.Filter filter =
        new MessageAdmin.Filter(
            QueryParams.enumValue("state", state, MessageState.class), sender, account);
    List<MessageAdmin.Row> page =
        messages.page(
            filter,
            QueryParams.number("offset", offset, 0),
            QueryParams.number("limit", limit, DEFAULT_LIMIT));
    return TotalCount.ok(page, messages.count(filter));
  }

  @DELETE
  @Path("{messageId}")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR})
  @Operation(
      summary = "Delete a secure message",
      description =
          "Erases its content, every handset's copy and its replies (state DELETED); audited.")
  @APIResponse(responseCode = "200", description = "The message as it is now")
  @APIResponse(responseCode = "404", description = "unknown-message")
  @APIResponse(responseCode = "409", description = "message-closed: expired or deleted already")
  public MessageAdmin.Row delete(
      @PathParam("messageId") String messageId, @Context SecurityContext caller) {
    return messages.delete(messageId, Callers.staff(caller));
  }
}
