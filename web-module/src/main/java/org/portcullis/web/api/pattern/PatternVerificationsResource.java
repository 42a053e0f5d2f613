package org.portcullis.web.api.pattern;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.pattern.PatternVerifications;
import org.portcullis.system.RelyingSystem;
import org.portcullis.web.api.InvalidFieldException;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.RelyingSystemCaller;

/** What a relying system does in a pattern verification. */
@Path("pattern")
@Tag(name = "Pattern verification")
@Produces(MediaType.APPLICATION_JSON)
@RelyingSystemCaller
@SecurityRequirement(name = "relyingSystem")
public class PatternVerificationsResource {

  /** The longest a long-poll may wait. */
  static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private static final long POLL_MILLIS = 200;

  /** Flow A: exactly one of account and tempId, with the typed password. */
  public static class VerificationRequest {
    public String account;
    public String tempId;
    @NotNull public String password;
  }

  public record VerificationView(
      PatternVerifications.Result result,
      String function,
      String pairwiseId,
      String verificationId) {}

  public record UseIdView(String useId, Instant expiresAt) {}

  public record UseIdStatusView(
      PatternVerifications.UseIdState state,
      String function,
      String pairwiseId,
      String verificationId) {}

  @EJB PatternVerifications verifications;

  @Resource ManagedScheduledExecutorService scheduler;

  @POST
  @Path("verifications")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Check a typed password (flow A)",
      description =
          "Every answer is 200 with the same shape: result OK or FAIL, function (NONE, PRACTICE,"
              + " READ_ONLY, DURESS, DUMMY or a custom name), pairwiseId on success, and a"
              + " verificationId. A DURESS answer looks like any success. An answer with no"
              + " pending verification is FAIL and audited as illegitimate.")
  @APIResponse(responseCode = "200", description = "The result")
  public Response verify(
      @Valid @NotNull(message = "a JSON body is required") VerificationRequest request,
      @Context SecurityContext caller) {
    PatternVerifications.Verification verification =
        verifications.verify(
            Callers.system(caller), request.account, request.tempId, request.password);
    return Response.ok(
            new VerificationView(
                verification.result(),
                verification.function(),
                verification.pairwiseId(),
                verification.verificationId()))
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  @POST
  @Path("use-ids")
  @Operation(
      summary = "Issue a use ID (flow B)",
      description =
          "6 random digits, valid 5 minutes, for one verification; show it to the customer.")
  @APIResponse(responseCode = "201", description = "The use ID")
  public Response issueUseId(@Context SecurityContext caller) {
    PatternVerifications.IssuedUseId issued = verifications.issueUseId(Callers.system(caller));
    return Response.status(Response.Status.CREATED)
        .cacheControl(NoStore.cacheControl())
        .entity(new UseIdView(issued.useId(), issued.expiresAt()))
        .build();
  }

  @GET
  @Path("use-ids/{useId}")
  @Operation(
      summary = "Read a use ID's result (flow B)",
      description =
          "PENDING, OK, FAIL or EXPIRED, with function, pairwiseId and verificationId once"
              + " answered. ?wait=PT20S long-polls: the answer comes as soon as the state leaves"
              + " PENDING, or after the wait (at most PT30S).")
  @APIResponse(responseCode = "200", description = "The state")
  @APIResponse(responseCode = "404", description = "unknown-use-id")
  public void useIdStatus(
      @PathParam("useId") String useId,
      @QueryParam("wait") String wait,
      @Context SecurityContext caller,
      @Suspended AsyncResponse response) {
    RelyingSystem system = Callers.system(caller);
    long deadline = System.nanoTime() + waitOf(wait).toNanos();
    poll(system, useId, deadline, response);
  }

  private void poll(RelyingSystem system, String useId, long deadline, AsyncResponse response) {
    try {
      PatternVerifications.UseIdStatus status = verifications.useIdStatus(system, useId);
      if (status.state() != PatternVerifications.UseIdState.PENDING
          || System.nanoTime() >= deadline) {
        response.resume(
            Response.ok(
                    new UseIdStatusView(
                        status.state(),
                        status.function(),
                        status.pairwiseId(),
                        status.verificationId()))
                .cacheControl(NoStore.cacheControl())
                .build());
        return;
      }
      scheduler.schedule(
          () -> poll(system, useId, deadline, response), POLL_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RuntimeException failure) {
      response.resume(failure);
    }
  }

  private static Duration waitOf(String wait) {
    if (wait == null || wait.isBlank()) {
      return Duration.ZERO;
    }
    try {
      Duration parsed = Duration.parse(wait);
      if (parsed.isNegative() || parsed.compareTo(MAX_WAIT) > 0) {
        throw new InvalidFieldException("wait", "wait is an ISO-8601 duration up to PT30S");
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("wait", "wait is an ISO-8601 duration up to PT30S");
    }
  }

  @GET
  @Path("verifications/{verificationId}/attributes")
  @Operation(
      summary = "Fetch the customer's attributes after a verification (confirmers)",
      description =
          "Once per successful verification: the attributes the customer disclosed with the"
              + " challenge and this system may receive. A second fetch is 410.")
  @APIResponse(responseCode = "200", description = "name → value")
  @APIResponse(responseCode = "403", description = "not a CONFIRMER, or a shared system")
  @APIResponse(responseCode = "409", description = "not-verified")
  @APIResponse(responseCode = "410", description = "attributes-released")
  public Response attributes(
      @PathParam("verificationId") String verificationId, @Context SecurityContext caller) {
    Map<String, String> released =
        verifications.releaseAttributes(Callers.system(caller), verificationId);
    return Response.ok(Map.of("attributes", released)).cacheControl(NoStore.cacheControl()).build();
  }
}
