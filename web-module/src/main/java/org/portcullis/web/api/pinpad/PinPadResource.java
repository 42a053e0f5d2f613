package org.portcullis.web.api.pinpad;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.pinpad.PinPadService;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.RelyingSystemCaller;

/** Scrambled PIN pad sessions (SPEC §3.6). */
@Path("pinpad/sessions")
@Tag(name = "PIN pad")
@Produces(MediaType.APPLICATION_JSON)
public class PinPadResource {

  /** What a relying system sends to open a pad. */
  public static class OpenRequest {
    @NotBlank
    @Size(max = 64)
    public String account;
  }

  /** What a relying system sends to check the customer's clicks. */
  public static class VerificationRequest {
    @NotNull
    @Pattern(regexp = "[0-9]{4,10}", message = "must be 4 to 10 digits")
    public String otc;
  }

  public record Layout(int rows, int cols) {}

  public record CellView(int location, int row, int col, String imageUrl, Integer digit) {}

  public record SessionView(
      String sessionKey, Instant expiresAt, Layout layout, List<CellView> cells) {}

  public record VerificationView(PinPadService.Result result) {}

  @EJB PinPadService pinPads;

  @POST
  @RelyingSystemCaller
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Open a PIN pad for a customer",
      description =
          "An unknown account gets a pad that looks the same and can never succeed. The digits"
              + " come as PNG images; `digit` appears only when the system allows text mode.")
  @APIResponse(responseCode = "201", description = "The pad")
  @SecurityRequirement(name = "relyingSystem")
  public Response open(
      @Valid @NotNull(message = "a JSON body is required") OpenRequest request,
      @Context SecurityContext caller) {
    PinPadService.OpenedPad pad = pinPads.open(Callers.system(caller), request.account);
    UriBuilder base = UriBuilder.fromPath("/api/v1/pinpad/sessions").path(pad.sessionKey());
    List<CellView> cells =
        pad.cells().stream()
            .map(
                cell ->
                    new CellView(
                        cell.location(),
                        cell.row(),
                        cell.col(),
                        base.clone()
                            .path("cells")
                            .path(cell.location() + ".png")
                            .build()
                            .toString(),
                        cell.digit()))
            .toList();
    return Response.created(base.build())
        .entity(
            new SessionView(
                pad.sessionKey(), pad.expiresAt(), new Layout(pad.rows(), pad.cols()), cells))
        .build();
  }

  @GET
  @Path("{sessionKey}/cells/{location: [0-9]{1,2}}.png")
  @Produces("image/png")
  @Operation(
      summary = "One key of a PIN pad as a PNG image",
      description =
          "Public: the unguessable session key is the authorisation, so a customer's browser can"
              + " load it. Never cached.")
  @APIResponse(responseCode = "200", description = "The image")
  @APIResponse(responseCode = "404", description = "Unknown session or cell")
  @APIResponse(responseCode = "410", description = "The pad was answered or expired")
  public Response cell(
      @PathParam("sessionKey") String sessionKey, @PathParam("location") int location) {
    return Response.ok(pinPads.cellImage(sessionKey, location), "image/png")
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  @POST
  @Path("{sessionKey}/verification")
  @RelyingSystemCaller
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Check the customer's one-time code",
      description =
          "One answer per pad. OK, FAIL, EXPIRED or LOCKED; a second answer is a 409 problem.")
  @APIResponse(responseCode = "200", description = "The result")
  @APIResponse(responseCode = "409", description = "The pad was already answered")
  @SecurityRequirement(name = "relyingSystem")
  public VerificationView verify(
      @PathParam("sessionKey") String sessionKey,
      @Valid @NotNull(message = "a JSON body is required") VerificationRequest request,
      @Context SecurityContext caller) {
    return new VerificationView(pinPads.verify(Callers.system(caller), sessionKey, request.otc));
  }
}
