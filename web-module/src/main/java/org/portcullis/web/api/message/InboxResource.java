package org.portcullis.web.api.message;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.handset.HandsetService;
import org.portcullis.message.Inbox;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.CustomerCaller;

/** A handset's secure-message inbox (docs/secure-messages.md), with the handset's own token. */
@Path("handsets/{handsetId}/inbox")
@Tag(name = "Secure messages")
@Produces(MediaType.APPLICATION_JSON)
@CustomerCaller(apps = HandsetService.HANDSET_APP, terminalPathParam = "handsetId")
@SecurityRequirement(name = "accessToken")
public class InboxResource {

  /** A reply's text. */
  public static class ReplyRequest {
    @NotNull public String body;
  }

  public record InboxView(String handsetId, List<Inbox.Entry> messages) {}

  @EJB Inbox inbox;

  @GET
  @Operation(
      summary = "The handset's messages",
      description =
          "Newest first, those neither deleted nor expired: messageId, senderSystemId,"
              + " senderName, state (PENDING or DELIVERED on this handset), submittedAt,"
              + " expiresAt, deliveredAt and jwe, the message as a JWE (RFC 7516 general JSON"
              + " serialization) with this handset's recipient entry only: protected header"
              + " {enc A256GCM, msg, snd}, recipient header {alg RSA-OAEP-256 or ECDH-ES+A256KW,"
              + " kid = the handset id, epk}. The plaintext is {subject?, body}. Acknowledge each"
              + " message after decrypting it; until then it stays here.")
  @APIResponse(responseCode = "200", description = "{handsetId, messages}")
  @APIResponse(responseCode = "401", description = "login-required")
  public Response list(@PathParam("handsetId") String handsetId, @Context SecurityContext caller) {
    return Response.ok(new InboxView(handsetId, inbox.list(handsetId, terminal(caller))))
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  @POST
  @Path("{messageId}/ack")
  @Operation(
      summary = "Acknowledge a decrypted message",
      description =
          "The copy becomes DELIVERED and so does the message; from the first acknowledgement on"
              + " the server can no longer read it. A repeat changes nothing.")
  @APIResponse(responseCode = "200", description = "The inbox entry as it is now")
  @APIResponse(responseCode = "404", description = "unknown-message")
  public Inbox.Entry acknowledge(
      @PathParam("handsetId") String handsetId,
      @PathParam("messageId") String messageId,
      @Context SecurityContext caller) {
    return inbox.acknowledge(handsetId, terminal(caller), messageId);
  }

  @DELETE
  @Path("{messageId}")
  @Operation(
      summary = "Delete a message from this handset",
      description =
          "Gone at once for this handset (its wrapped key is erased). When no handset of the"
              + " customer has it any more, its content is erased and the sender sees DELETED.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "unknown-message")
  public void delete(
      @PathParam("handsetId") String handsetId,
      @PathParam("messageId") String messageId,
      @Context SecurityContext caller) {
    inbox.delete(handsetId, terminal(caller), messageId);
  }

  @POST
  @Path("{messageId}/replies")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Reply to a message",
      description =
          "{body}: at most 64 KiB of UTF-8. Stored sealed for the sender, who fetches it or has"
              + " it pushed to its webhook.")
  @APIResponse(responseCode = "201", description = "{replyId, messageId, createdAt}")
  @APIResponse(responseCode = "400", description = "invalid-reply or reply-too-large")
  @APIResponse(responseCode = "404", description = "unknown-message")
  public Response reply(
      @PathParam("handsetId") String handsetId,
      @PathParam("messageId") String messageId,
      @Valid @NotNull(message = "a JSON body is required") ReplyRequest request,
      @Context SecurityContext caller) {
    return Response.status(Response.Status.CREATED)
        .entity(inbox.reply(handsetId, terminal(caller), messageId, request.body))
        .build();
  }

  private static String terminal(SecurityContext caller) {
    return Callers.customer(caller).terminalId();
  }
}
