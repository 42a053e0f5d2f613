package org.portcullis.web.api.token;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.error.Refusal;
import org.portcullis.token.TokenService;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.TokenAuthenticationFilter;

/** Customers' apps log in, use and give back their access tokens (SPEC §3.7). */
@Path("tokens")
@Tag(name = "Access tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

  /** A login. */
  public static class LoginRequest {
    @NotNull public String account;
    @NotNull public String password;
    @NotNull public String appId;
    @NotNull public String terminalId;
  }

  /** An access check. */
  public static class AccessRequest {
    @NotNull public String terminalId;
  }

  public record IssuedView(String token, Instant expiresAt) {}

  public record ApprovedView(String account, String appId, Instant expiresAt) {}

  @EJB TokenService tokens;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Log in: issue an access token for one app on one terminal",
      description =
          "Replaces that app's previous token on the terminal and extends the terminal's other"
              + " tokens. An unknown account, a wrong password and a locked login all answer 401"
              + " login-failed, after the same work.")
  @APIResponse(responseCode = "201", description = "The token (key.secret) and its expiry")
  @APIResponse(responseCode = "401", description = "login-failed")
  public Response login(@Valid @NotNull(message = "a JSON body is required") LoginRequest request) {
    TokenService.Issued issued =
        tokens.login(request.account, request.password, request.appId, request.terminalId);
    return Response.status(Response.Status.CREATED)
        .cacheControl(NoStore.cacheControl())
        .entity(new IssuedView(issued.token(), issued.expiresAt()))
        .build();
  }

  @POST
  @Path("access")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Use a token: approve it for its terminal and extend the terminal's tokens",
      description =
          "Authorization: Bearer <token>. A refusal is 401 login-required; it carries"
              + " accountHint only when the token is known, belongs to this terminal and has"
              + " expired.")
  @APIResponse(responseCode = "200", description = "Approved, with the token's new expiry")
  @APIResponse(responseCode = "401", description = "login-required")
  @SecurityRequirement(name = "accessToken")
  public Response access(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Valid @NotNull(message = "a JSON body is required") AccessRequest request) {
    TokenService.Approved approved = tokens.access(bearer(authorization), request.terminalId);
    return Response.ok(new ApprovedView(approved.account(), approved.appId(), approved.expiresAt()))
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  @DELETE
  @Path("current")
  @Operation(
      summary = "Log out: delete the presented token",
      description = "The terminal's other tokens stay as they are.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "401", description = "login-required: no such token")
  @SecurityRequirement(name = "accessToken")
  public void logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    tokens.logout(bearer(authorization));
  }

  private static String bearer(String authorization) {
    return TokenAuthenticationFilter.bearerToken(authorization)
        .orElseThrow(
            () ->
                Refusal.of(
                    TokenService.LOGIN_REQUIRED,
                    "Send the access token: Authorization: Bearer <token>"));
  }
}
