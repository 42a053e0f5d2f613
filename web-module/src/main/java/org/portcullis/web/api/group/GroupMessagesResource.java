package org.portcullis.web.api.group;

import jakarta.ejb.EJB;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.group.GroupContent;
import org.portcullis.group.GroupMessages;
import org.portcullis.group.GroupRuleException;
import org.portcullis.web.api.InvalidFieldException;
import org.portcullis.web.security.CustomerCaller;

/** A group's stream: members post opaque messages and read what came after a sequence number. */
@Path("groups/{groupId}/messages")
@Tag(name = "Private groups")
@Produces(MediaType.APPLICATION_JSON)
@CustomerCaller
@SecurityRequirement(name = "accessToken")
public class GroupMessagesResource {

  /** The message a forward copies. */
  public static class ForwardRequest {
    public String groupId;
    public String messageId;
  }

  /** A message: base64 of at most 64 KiB of ciphertext. */
  public static class MessageRequest {
    public String ciphertext;
    public ForwardRequest forwardOf;
  }

  @EJB GroupMessages messages;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Post a message to the group",
      description =
          "{ciphertext, forwardOf?: {groupId, messageId}}: base64 of at most 64 KiB of bytes the"
              + " server never reads. With forwardOf, a copy of a message of another group of the"
              + " caller's: refused (403 rebroadcast-not-allowed) when that group does not allow"
              + " forwarding; audited either way. Live members get it at once.")
  @APIResponse(responseCode = "201", description = "{messageId, seq}")
  @APIResponse(responseCode = "400", description = "invalid-message, message-too-large")
  @APIResponse(responseCode = "403", description = "rebroadcast-not-allowed")
  public Response post(
      @PathParam("groupId") String groupId,
      @NotNull(message = "a JSON body is required") MessageRequest request,
      @Context SecurityContext caller) {
    GroupMessages.Forward forward =
        request.forwardOf == null
            ? null
            : new GroupMessages.Forward(request.forwardOf.groupId, request.forwardOf.messageId);
    GroupMessages.Posted posted =
        messages.post(groupId, request.ciphertext, forward, GroupCallers.of(caller));
    return Response.status(Response.Status.CREATED).entity(posted).build();
  }

  @GET
  @Operation(
      summary = "The group's entries after a sequence number, oldest first",
      description =
          "Messages, files, joins, departures, notices and extensions, as the live socket pushes"
              + " them: the fallback when a member is not live. ?after=seq (default 0)"
              + " &limit=1..500 (default 100).")
  @APIResponse(responseCode = "200", description = "The entries")
  public List<GroupMessages.Entry> since(
      @PathParam("groupId") String groupId,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit,
      @Context SecurityContext caller) {
    long from;
    try {
      from = GroupContent.after(after);
    } catch (GroupRuleException refused) {
      throw new InvalidFieldException(refused.field(), refused.getMessage());
    }
    return messages.since(groupId, from, limit(limit), GroupCallers.of(caller));
  }

  private static int limit(String text) {
    if (text == null || text.isBlank()) {
      return 100;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= GroupContent.MAX_FETCH) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidFieldException("limit", "limit must be 1 to " + GroupContent.MAX_FETCH);
  }
}
