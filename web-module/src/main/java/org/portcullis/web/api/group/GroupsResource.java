package org.portcullis.web.api.group;

import jakarta.ejb.EJB;
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
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.group.GroupClosing;
import org.portcullis.group.GroupMembers;
import org.portcullis.group.GroupOpening;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.CustomerCaller;

/**
 * A customer's app opens a private group, reads it, leaves it, or closes the one it opened. Every
 * call carries the app's access token and its terminal (the member). Joining, messages, files and
 * the live socket's tickets have resources of their own below {@code groups/{groupId}}.
 */
@Path("groups")
@Tag(name = "Private groups")
@Produces(MediaType.APPLICATION_JSON)
@CustomerCaller
@SecurityRequirement(name = "accessToken")
public class GroupsResource {

  /** Entries admitted per window. */
  public static class AllowanceRequest {
    public Integer count;
    public String per;
  }

  /** A group to open; the domain checks every member and names the one at fault. */
  public static class OpenRequest {
    public String name;
    public String validity;
    public AllowanceRequest accesses;
    public Boolean rebroadcast;
    public String notice;
    public List<String> invitees;
    public String code;
  }

  /**
   * The opened group. {@code code} (only for a server-made code) and {@code joinUrl} are shown this
   * once; {@code qrPng} is the join link as a base64 PNG.
   */
  public record OpenedView(
      String groupId,
      String memberId,
      String code,
      String joinUrl,
      String qrPng,
      Instant expiresAt,
      String kdfSalt,
      boolean rebroadcast) {}

  @EJB GroupOpening opening;
  @EJB GroupMembers members;
  @EJB GroupClosing closing;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Open a private group; the caller's terminal is its first member",
      description =
          "{name?, validity?: \"PT2H\", accesses?: {count: 3, per?: \"P1D\"}, rebroadcast,"
              + " notice?: \"PT15M\", invitees?: [emails], code?}. At least one of validity and"
              + " accesses. Without code the server makes a 16-symbol Crockford base32 code (80"
              + " bits) and returns it this once; an own code needs 50 bits (10 symbols) and no"
              + " trivial pattern (400 weak-code). Invitees are mailed the code, the join link"
              + " and its QR code; the outbox erases those mails once sent.")
  @APIResponse(responseCode = "201", description = "The group, its code and join link (once)")
  @APIResponse(
      responseCode = "400",
      description = "invalid-group-terms, invalid-code, weak-code, naming the field")
  public Response open(
      @NotNull(message = "a JSON body is required") OpenRequest request,
      @Context SecurityContext caller) {
    GroupOpening.Opened opened =
        opening.open(
            new GroupOpening.Request(
                request.name,
                request.validity,
                request.accesses == null
                    ? null
                    : new GroupOpening.Allowance(request.accesses.count, request.accesses.per),
                request.rebroadcast,
                request.notice,
                request.invitees,
                request.code),
            GroupCallers.of(caller));
    return Response.created(URI.create("groups/" + opened.groupId()))
        .cacheControl(NoStore.cacheControl())
        .entity(
            new OpenedView(
                opened.groupId(),
                opened.memberId(),
                opened.code(),
                opened.joinUrl(),
                Base64.getEncoder().encodeToString(opened.qrPng()),
                opened.expiresAt(),
                opened.kdfSalt(),
                opened.rebroadcast()))
        .build();
  }

  @GET
  @Path("{groupId}")
  @Operation(
      summary = "The caller's group: its terms, its members (by member id) and its newest seq")
  @APIResponse(responseCode = "200", description = "The group as its member sees it")
  @APIResponse(responseCode = "404", description = "unknown-group (or not a member)")
  @APIResponse(responseCode = "410", description = "group-closed")
  public GroupMembers.GroupView describe(
      @PathParam("groupId") String groupId, @Context SecurityContext caller) {
    return members.describe(groupId, GroupCallers.of(caller));
  }

  @DELETE
  @Path("{groupId}")
  @Operation(
      summary = "The creator closes its group now",
      description =
          "Memberships end, live sockets close (code 4000), every message and file is deleted.")
  @APIResponse(responseCode = "204", description = "Closed")
  @APIResponse(responseCode = "403", description = "not-group-creator")
  public void close(@PathParam("groupId") String groupId, @Context SecurityContext caller) {
    closing.closeAsCreator(groupId, GroupCallers.of(caller));
  }

  @DELETE
  @Path("{groupId}/members/me")
  @Operation(summary = "Leave the group (the creator closes it instead)")
  @APIResponse(responseCode = "204", description = "Left; the others are told")
  @APIResponse(responseCode = "409", description = "creator-cannot-leave")
  public void leave(@PathParam("groupId") String groupId, @Context SecurityContext caller) {
    members.leave(groupId, GroupCallers.of(caller));
  }
}
