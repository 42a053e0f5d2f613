package org.portcullis.web.api.pattern;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.handset.HandsetService;
import org.portcullis.pattern.PatternVerifications;
import org.portcullis.web.api.InvalidFieldException;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.CustomerCaller;

/** What an enrolled handset does in a pattern verification: get the grid, answer (flow B). */
@Path("pattern")
@Tag(name = "Pattern verification")
@Produces(MediaType.APPLICATION_JSON)
@CustomerCaller(apps = HandsetService.HANDSET_APP)
@SecurityRequirement(name = "accessToken")
public class PatternChallengesResource {

  /** Exactly one of systemId (flow A) and useId (flow B). */
  public static class ChallengeRequest {
    public String systemId;
    public String useId;

    @Size(max = 50)
    public Set<String> disclose;
  }

  public static class AnswerRequest {
    @NotNull public String eventId;
    @NotNull public String password;
  }

  public record ChallengeView(
      String eventId, int rows, int cols, String digits, Instant expiresAt, String tempId) {}

  @EJB PatternVerifications verifications;

  @POST
  @Path("challenges")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Get a presented grid",
      description =
          "Authorization: Bearer <handset token>, Portcullis-Terminal-Id: <handset id>. Flow A:"
              + " {systemId, disclose?} (disclose: attribute names a CONFIRMER may receive after"
              + " success). Flow B: {useId} as the relying system shows it. Replaces an older"
              + " pending verification of the same customer and system. tempId is present when"
              + " the system uses temporary IDs.")
  @APIResponse(responseCode = "201", description = "The grid")
  @APIResponse(responseCode = "404", description = "unknown-system / unknown-use-id")
  @APIResponse(responseCode = "409", description = "no-pattern / pattern-locked")
  public Response challenge(
      @Valid @NotNull(message = "a JSON body is required") ChallengeRequest request,
      @Context SecurityContext caller) {
    if ((request.systemId == null) == (request.useId == null)) {
      throw new InvalidFieldException("systemId", "Send exactly one of systemId and useId");
    }
    PatternVerifications.Challenge challenge =
        request.systemId != null
            ? verifications.challenge(Callers.customer(caller), request.systemId, request.disclose)
            : verifications.claimUseId(Callers.customer(caller), request.useId, request.disclose);
    return Response.status(Response.Status.CREATED)
        .cacheControl(NoStore.cacheControl())
        .entity(
            new ChallengeView(
                challenge.eventId(),
                challenge.grid().rows(),
                challenge.grid().cols(),
                challenge.grid().digits(),
                challenge.expiresAt(),
                challenge.tempId()))
        .build();
  }

  @POST
  @Path("answers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Answer a flow-B grid",
      description =
          "The password read off the grid through the pattern, with any function code. One answer"
              + " per grid; the relying system reads the result by its use ID.")
  @APIResponse(responseCode = "202", description = "Answer taken")
  @APIResponse(responseCode = "404", description = "unknown-event")
  @APIResponse(responseCode = "409", description = "already-answered")
  public Response answer(
      @Valid @NotNull(message = "a JSON body is required") AnswerRequest request,
      @Context SecurityContext caller) {
    verifications.answer(Callers.customer(caller), request.eventId, request.password);
    return Response.accepted().cacheControl(NoStore.cacheControl()).build();
  }
}
