package org.portcullis.web.api.group;

import jakarta.ejb.EJB;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.group.GroupExtensions;

/**
 * The extension page's API: what a mailed extension link offers, and the extension itself. The
 * link's token is the only credential (single use, signed); the page keeps it in the URL's
 * fragment, so it reaches the server only in these calls.
 */
@Path("group-extensions/{token}")
@Tag(name = "Private groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupExtensionsResource {

  public static class ExtendRequest {
    public String duration;
  }

  public record OfferView(
      String groupName, Instant expiresAt, String mostAllowed, Instant latestExpiry) {}

  public record ExtendedView(Instant expiresAt) {}

  @EJB GroupExtensions extensions;

  @GET
  @Operation(summary = "What an extension link offers: the expiry and how far it may move")
  @APIResponse(
      responseCode = "200",
      description = "{groupName?, expiresAt, mostAllowed, latestExpiry}")
  @APIResponse(responseCode = "404", description = "unknown-extension-link")
  @APIResponse(responseCode = "410", description = "extension-link-spent")
  public OfferView describe(@PathParam("token") String token) {
    GroupExtensions.Offer offer = extensions.describe(token);
    return new OfferView(
        offer.groupName(), offer.expiresAt(), offer.mostAllowed().toString(), offer.latestExpiry());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Extend the group once",
      description =
          "{duration: \"PT2H\"}: added to the expiry, at most the offer's mostAllowed. The link"
              + " (and every other link of the group) is used up; the members are told.")
  @APIResponse(responseCode = "200", description = "{expiresAt}: the new expiry")
  @APIResponse(responseCode = "400", description = "invalid-extension naming duration")
  public ExtendedView extend(
      @PathParam("token") String token,
      @NotNull(message = "a JSON body is required") ExtendRequest request) {
    return new ExtendedView(extensions.extend(token, request.duration));
  }
}
