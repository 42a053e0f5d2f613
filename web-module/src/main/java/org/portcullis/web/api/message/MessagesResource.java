package org.portcullis.web.api.message;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.error.DomainException;
import org.portcullis.message.MessageState;
import org.portcullis.message.SecureMessages;
import org.portcullis.system.RelyingSystem;
import org.portcullis.web.api.InvalidFieldException;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.RelyingSystemCaller;

/** A sender's secure messages: submit, follow, read replies (docs/secure-messages.md). */
@Path("messages")
@Tag(name = "Secure messages")
@Produces(MediaType.APPLICATION_JSON)
@RelyingSystemCaller
@SecurityRequirement(name = "relyingSystem")
public class MessagesResource {

  /** A message to a customer's MSISDN; retention is an ISO-8601 duration. */
  public static class SubmitRequest {
    @NotNull public String msisdn;
    public String subject;
    @NotNull public String body;
    public String retention;
  }

  public record SubmittedView(String messageId, MessageState state, Instant expiresAt) {}

  public record RepliesView(String messageId, List<SecureMessages.Reply> replies) {}

  @EJB SecureMessages messages;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send a secure message to a customer's handsets",
      description =
          "{msisdn, subject?, body, retention?}: body at most 64 KiB of UTF-8, subject one line of"
              + " at most 200 characters, retention PT5M to the sender's longest (default: that"
              + " longest, P7D unless staff changed it). The content is encrypted for the"
              + " customer's handsets as a JWE and never stored in clear; the customer is texted"
              + " a notice without content. An MSISDN that is no customer's is answered the same"
              + " way (AWAITING_ENROLLMENT) and nothing is texted. With an Idempotency-Key a"
              + " repeat gets the first answer and nothing is sent again.")
  @APIResponse(responseCode = "201", description = "{messageId, state, expiresAt}")
  @APIResponse(responseCode = "400", description = "Bad input, naming the field")
  @APIResponse(responseCode = "403", description = "role-required: not a SENDER")
  @APIResponse(responseCode = "409", description = "idempotency-key-in-use: repeat the request")
  public Response submit(
      @Parameter(description = "1 to 255 visible ASCII characters chosen by the sender")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      @Valid @NotNull(message = "a JSON body is required") SubmitRequest request,
      @Context SecurityContext caller) {
    RelyingSystem sender = Callers.system(caller);
    SecureMessages.Submission submission =
        new SecureMessages.Submission(
            request.msisdn,
            request.subject,
            request.body,
            retention(request.retention),
            idempotencyKey);
    SecureMessages.Submitted submitted;
    try {
      submitted = messages.submit(sender, submission);
    } catch (DomainException raced) {
      if (!SecureMessages.IDEMPOTENCY_RACE.equals(raced.type())) {
        throw raced;
      }
      // the other request with this key has committed by now: its answer is the first one
      submitted = messages.submit(sender, submission);
    }
    return Response.created(
            UriBuilder.fromPath("/api/v1/messages").path(submitted.messageId()).build())
        .entity(new SubmittedView(submitted.messageId(), submitted.state(), submitted.expiresAt()))
        .build();
  }

  @GET
  @Path("{messageId}")
  @Operation(
      summary = "A message's state and its handsets' states",
      description =
          "state: AWAITING_ENROLLMENT, NOTIFIED, DELIVERED, EXPIRED or DELETED; handsets: one"
              + " entry per handset that has or had a copy (deviceType, state PENDING, DELIVERED"
              + " or DELETED, times). Another sender's message is 404.")
  @APIResponse(responseCode = "200", description = "The state")
  @APIResponse(responseCode = "404", description = "unknown-message")
  public SecureMessages.Status status(
      @PathParam("messageId") String messageId, @Context SecurityContext caller) {
    return messages.status(Callers.system(caller), messageId);
  }

  @GET
  @Path("{messageId}/replies")
  @Operation(
      summary = "The customer's replies to a message",
      description =
          "Oldest first, until the message's retention ends. A sender with a webhook also gets"
              + " each reply pushed.")
  @APIResponse(
      responseCode = "200",
      description = "{messageId, replies: [{replyId, createdAt, body}]}")
  @APIResponse(responseCode = "404", description = "unknown-message")
  public Response replies(
      @PathParam("messageId") String messageId, @Context SecurityContext caller) {
    return Response.ok(
            new RepliesView(messageId, messages.replies(Callers.system(caller), messageId)))
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  private static Duration retention(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(
          "retention", "retention must be an ISO-8601 duration such as P7D");
    }
  }
}
