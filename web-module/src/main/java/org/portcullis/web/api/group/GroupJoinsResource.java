package org.portcullis.web.api.group;

import jakarta.ejb.EJB;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.portcullis.group.GroupJoining;
import org.portcullis.group.GroupMembers;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.CustomerCaller;

/**
 * Joining a group with its code: a single-use challenge, then the code. The server asks for the
 * code so that every attempt is counted and costs the same, whatever the group.
 */
@Path("groups/{groupId}/joins")
@Tag(name = "Private groups")
@Produces(MediaType.APPLICATION_JSON)
@CustomerCaller
@SecurityRequirement(name = "accessToken")
public class GroupJoinsResource {

  /** A join's answer. */
  public static class AnswerRequest {
    public String code;
  }

  public record ChallengeView(String challengeId, Instant expiresAt) {}

  @EJB GroupJoining joining;

  @POST
  @Operation(
      summary = "Ask to join: a single-use challenge, valid 60 s",
      description =
          "Given for any well-formed group id, open, closed or unknown: the answer tells which.")
  @APIResponse(responseCode = "201", description = "The challenge")
  public Response challenge(@PathParam("groupId") String groupId, @Context SecurityContext caller) {
    GroupJoining.Challenge challenge = joining.challenge(groupId, GroupCallers.of(caller));
    return Response.status(Response.Status.CREATED)
        .cacheControl(NoStore.cacheControl())
        .entity(new ChallengeView(challenge.challengeId(), challenge.expiresAt()))
        .build();
  }

  @POST
  @Path("{challengeId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Answer the challenge with the group's code",
      description =
          "{code}. A wrong code, an unknown or closed group, and a locked terminal or group all"
              + " answer 401 join-refused after the same work. 5 wrong codes from one terminal"
              + " lock it out of the group; 100 for the group lock its joins (the creator is"
              + " mailed). The challenge is used up by any answer but a malformed code.")
  @APIResponse(responseCode = "200", description = "The membership: the group as a member sees it")
  @APIResponse(responseCode = "401", description = "join-refused")
  @APIResponse(responseCode = "409", description = "group-full; access-allowance-used for life")
  @APIResponse(responseCode = "410", description = "challenge-spent")
  @APIResponse(
      responseCode = "429",
      description = "access-allowance-used, with Retry-After until the next window")
  public GroupMembers.GroupView answer(
      @PathParam("groupId") String groupId,
      @PathParam("challengeId") String challengeId,
      @NotNull(message = "a JSON body is required") AnswerRequest request,
      @Context SecurityContext caller) {
    return joining.answer(groupId, challengeId, request.code, GroupCallers.of(caller));
  }
}
