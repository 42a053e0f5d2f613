package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.error.DomainException;
import org.portcullis.pinpad.PinPadAlgorithm;
import org.portcullis.pinpad.PinPadLayout;
import org.portcullis.staff.StaffRole;
import org.portcullis.system.PinPadPolicy;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRegistry;
import org.portcullis.system.SystemRole;
import org.portcullis.web.api.InvalidFieldException;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/** Registering relying systems (admins); listing them (all staff). */
@Path("admin/systems")
@Tag(name = "Admin: relying systems")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class AdminSystemsResource {

  /** PIN pad settings; every field optional, defaults: STANDARD, PHONE, shuffled, no text, PT2M. */
  public static class PinPadSettings {
    public PinPadAlgorithm algorithm;
    public PinPadLayout layout;
    public Boolean shuffle;
    public Boolean textMode;
    public String ttl;

    public PinPadSettings() {}

    PinPadSettings(PinPadPolicy policy) {
      algorithm = policy.algorithm();
      layout = policy.layout();
      shuffle = policy.shuffle();
      textMode = policy.textMode();
      ttl = policy.ttl().toString();
    }
  }

  public static class RegisterRequest {
    @NotBlank
    @Size(max = 200)
    public String name;

    @NotEmpty public Set<@NotNull SystemRole> roles;
    public PinPadSettings pinpad;
  }

  public record Registered(String systemId, String secret) {}

  public record SystemView(
      String systemId,
      String name,
      Set<SystemRole> roles,
      boolean enabled,
      PinPadSettings pinpad,
      Instant createdAt) {
    static SystemView of(RelyingSystem system) {
      return new SystemView(
          system.systemId(),
          system.name(),
          system.roles(),
          system.enabled(),
          new PinPadSettings(system.pinPad()),
          system.createdAt());
    }
  }

  @EJB SystemRegistry systems;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffCaller(StaffRole.ADMIN)
  @Operation(
      summary = "Register a relying system",
      description = "Answers the system ID and its secret; the secret is shown this once.")
  @APIResponse(responseCode = "201", description = "Registered")
  public Response register(
      @Valid @NotNull(message = "a JSON body is required") RegisterRequest request,
      @Context SecurityContext caller) {
    SystemRegistry.Credentials credentials =
        systems.register(
            new SystemRegistry.Registration(request.name, request.roles, policy(request.pinpad)),
            Callers.staff(caller));
    return Response.created(
            UriBuilder.fromPath("/api/v1/admin/systems").path(credentials.systemId()).build())
        .entity(new Registered(credentials.systemId(), credentials.secret()))
        .build();
  }

  @GET
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(summary = "List relying systems (never their secrets)")
  public List<SystemView> list() {
    return systems.list().stream().map(SystemView::of).toList();
  }

  @GET
  @Path("{systemId}")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(summary = "One relying system (never its secret)")
  public SystemView get(@PathParam("systemId") String systemId) {
    return systems
        .find(systemId)
        .map(SystemView::of)
        .orElseThrow(() -> DomainException.notFound("unknown-system", "No system " + systemId));
  }

  private static PinPadPolicy policy(PinPadSettings settings) {
    if (settings == null) {
      return PinPadPolicy.defaults();
    }
    Duration ttl = null;
    if (settings.ttl != null) {
      try {
        ttl = Duration.parse(settings.ttl);
      } catch (DateTimeParseException e) {
        throw new InvalidFieldException(
            "pinpad.ttl", "pinpad.ttl must be an ISO-8601 duration such as PT2M");
      }
    }
    return PinPadPolicy.of(
        settings.algorithm, settings.layout, settings.shuffle, settings.textMode, ttl);
  }
}
