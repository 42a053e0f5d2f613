package org.portcullis.web.api.group;

import jakarta.ejb.EJB;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.error.DomainException;
import org.portcullis.group.GroupContent;
import org.portcullis.group.GroupFiles;
import org.portcullis.group.GroupLiveTickets;
import org.portcullis.group.GroupMessages;
import org.portcullis.group.GroupRuleException;
import org.portcullis.web.api.InvalidFieldException;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.api.ProblemMapper;
import org.portcullis.web.security.CustomerCaller;

/**
 * What members put into a group and take out of it: messages (opaque base64), files (opaque bytes,
 * streamed), and the tickets that open the live socket. The server reads none of it.
 */
@Path("groups/{groupId}")
@Tag(name = "Private groups")
@Produces(MediaType.APPLICATION_JSON)
@CustomerCaller
@SecurityRequirement(name = "accessToken")
public class GroupContentResource {

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

  public record TicketView(String ticket, String url, Instant expiresAt) {}

  @EJB GroupMessages messages;
  @EJB GroupFiles files;
  @EJB GroupLiveTickets tickets;

  @POST
  @Path("messages")
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
  @Path("messages")
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

  @POST
  @Path("files")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(
      summary = "Upload a file to the group: opaque bytes, streamed",
      description =
          "The body is stored as it arrives; a body over the deployment's limit"
              + " (portcullis.groups.max-file-bytes, 10 MiB by default) is refused with 413 as"
              + " soon as its declared length or the bytes read pass it.")
  @APIResponse(responseCode = "201", description = "{fileId, seq, size}")
  @APIResponse(responseCode = "413", description = "file-too-large")
  public Response upload(
      @PathParam("groupId") String groupId,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body,
      @Context SecurityContext caller) {
    long declared = -1;
    if (contentLength != null && !contentLength.isBlank()) {
      try {
        declared = Long.parseLong(contentLength.strip());
      } catch (NumberFormatException e) {
        throw new InvalidFieldException("Content-Length", "Content-Length is not a number");
      }
    }
    try {
      GroupFiles.Stored stored = files.upload(groupId, body, declared, GroupCallers.of(caller));
      return Response.status(Response.Status.CREATED).entity(stored).build();
    } catch (DomainException refused) {
      if (refused.kind() == DomainException.Kind.TOO_LARGE) {
        // the rest of the body is not read: the connection goes, instead of draining it
        return Response.fromResponse(ProblemMapper.responseFor(refused))
            .header("Connection", "close")
            .build();
      }
      throw refused;
    } catch (UncheckedIOException broken) {
      throw new InvalidFieldException("body", "The upload broke off before it was complete");
    }
  }

  @GET
  @Path("files/{fileId}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(summary = "Download one of the group's files, as it was uploaded")
  @APIResponse(responseCode = "200", description = "The bytes")
  @APIResponse(responseCode = "404", description = "unknown-entry")
  public Response download(
      @PathParam("groupId") String groupId,
      @PathParam("fileId") String fileId,
      @Context SecurityContext caller) {
    GroupFiles.Download file = files.download(groupId, fileId, GroupCallers.of(caller));
    StreamingOutput bytes = out -> Files.copy(file.path(), out);
    return Response.ok(bytes, MediaType.APPLICATION_OCTET_STREAM_TYPE)
        .header(HttpHeaders.CONTENT_LENGTH, file.size())
        .header("Content-Disposition", "attachment; filename=\"" + fileId + "\"")
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  @POST
  @Path("live-tickets")
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
