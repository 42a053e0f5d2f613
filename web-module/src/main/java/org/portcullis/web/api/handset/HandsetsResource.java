package org.portcullis.web.api.handset;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.portcullis.handset.HandsetPublicKeys;
import org.portcullis.handset.HandsetService;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.CustomerCaller;

/** Handset enrollment by one-time code and the handset's public key (SPEC §3.8). */
@Path("handsets")
@Tag(name = "Handsets")
@Produces(MediaType.APPLICATION_JSON)
public class HandsetsResource {

  /** Without {@code otp}: send me a code. With {@code otp}: I texted this code. */
  public static class EnrollmentRequest {
    @NotNull public String msisdn;
    public String deviceType;
    public String otp;
  }

  /** The code from the server's SMS. */
  public static class OtpRequest {
    @NotNull public String otp;
    public String msisdn;
  }

  /** The handset's public key. */
  public static class PublicKeyRequest {
    @NotNull public String publicKey;
  }

  public record StartedView(String enrollmentId, Instant expiresAt) {}

  public record EnrolledView(String handsetId, String token, Instant expiresAt) {}

  @EJB HandsetService handsets;

  @EJB HandsetPublicKeys keys;

  @POST
  @Path("enrollments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Enroll a handset",
      description =
          "Server OTP: {msisdn, deviceType} → 202 {enrollmentId}; the server texts a 6-digit code"
              + " (valid 5 minutes) that goes to POST enrollments/{enrollmentId}/otp. Handset"
              + " OTP: the handset texts 'REG <6-10 digits>' to the service number and sends"
              + " {msisdn, otp, deviceType} here → 201 {handsetId, token}; until that SMS has"
              + " arrived the answer is 409 enrollment-sms-pending (retry shortly). Too many"
              + " codes for one number → 429 with Retry-After.")
  @APIResponse(responseCode = "201", description = "Enrolled (handset OTP)")
  @APIResponse(responseCode = "202", description = "Code sent (server OTP)")
  @APIResponse(responseCode = "401", description = "otp-refused")
  @APIResponse(responseCode = "409", description = "enrollment-sms-pending")
  @APIResponse(responseCode = "429", description = "too-many-codes")
  public Response enroll(
      @Valid @NotNull(message = "a JSON body is required") EnrollmentRequest request) {
    if (request.otp == null) {
      HandsetService.Started started = handsets.startServerOtp(request.msisdn, request.deviceType);
      return Response.accepted(new StartedView(started.enrollmentId(), started.expiresAt()))
          .build();
    }
    return created(handsets.enrollWithHandsetOtp(request.msisdn, request.otp, request.deviceType));
  }

  @POST
  @Path("enrollments/{enrollmentId}/otp")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Answer a server OTP",
      description =
          "Single use; wrong codes count toward the OTP lockout and a code dies after 3 wrong"
              + " answers. If msisdn is given it must be the enrollment's.")
  @APIResponse(responseCode = "201", description = "Enrolled: the handset id and its token")
  @APIResponse(responseCode = "401", description = "otp-refused")
  @APIResponse(responseCode = "404", description = "No such enrollment")
  @APIResponse(responseCode = "410", description = "The code expired or the enrollment is over")
  public Response confirm(
      @PathParam("enrollmentId") String enrollmentId,
      @Valid @NotNull(message = "a JSON body is required") OtpRequest request) {
    return created(handsets.confirmServerOtp(enrollmentId, request.msisdn, request.otp));
  }

  @PUT
  @Path("{handsetId}/public-key")
  @Consumes(MediaType.APPLICATION_JSON)
  @CustomerCaller(apps = HandsetService.HANDSET_APP, terminalPathParam = "handsetId")
  @Operation(
      summary = "Upload (or replace) the handset's public key",
      description =
          "Authorization: Bearer <the handset's token>. Base64 of the DER X.509"
              + " SubjectPublicKeyInfo of an RSA key of at least 2048 bits or an EC P-256 key.")
  @APIResponse(responseCode = "204", description = "Stored")
  @APIResponse(responseCode = "400", description = "invalid-public-key, saying why")
  @APIResponse(responseCode = "401", description = "login-required")
  @SecurityRequirement(name = "accessToken")
  public void uploadPublicKey(
      @PathParam("handsetId") String handsetId,
      @Valid @NotNull(message = "a JSON body is required") PublicKeyRequest request,
      @Context SecurityContext caller) {
    keys.uploadPublicKey(handsetId, Callers.customer(caller).terminalId(), request.publicKey);
  }

  private static Response created(HandsetService.Enrolled enrolled) {
    return Response.status(Response.Status.CREATED)
        .cacheControl(NoStore.cacheControl())
        .entity(new EnrolledView(enrolled.handsetId(), enrolled.token(), enrolled.expiresAt()))
        .build();
  }
}
