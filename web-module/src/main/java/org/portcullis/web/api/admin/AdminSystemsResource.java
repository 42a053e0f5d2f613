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
import jakarta.ws.rs.PUT;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.error.DomainException;
import org.portcullis.pattern.FunctionCodeTable;
import org.portcullis.pinpad.PinPadAlgorithm;
import org.portcullis.pinpad.PinPadLayout;
import org.portcullis.staff.StaffRole;
import org.portcullis.system.MessagePolicy;
import org.portcullis.system.PatternPolicy;
import org.portcullis.system.PinPadPolicy;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRegistry;
import org.portcullis.system.SystemRole;
import org.portcullis.web.api.InvalidFieldException;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/**
 * Registering relying systems, changing their settings, rotating their secrets and disabling them
 * (admins); listing them (all staff).
 */
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

  /** Temporary-ID settings; every field optional. */
  public static class TempIdSettings {
    public Boolean enabled;
    public String maxAge;
    public Integer maxUses;

    public TempIdSettings() {}

    TempIdSettings(PatternPolicy policy) {
      enabled = policy.tempIdsEnabled();
      maxAge = policy.tempIdMaxAge().toString();
      maxUses = policy.tempIdMaxUses();
    }
  }

  /**
   * Pattern settings; every field optional (a missing one keeps the current or default value).
   * {@code duressLockAfter} is an ISO duration or {@code NEVER}.
   */
  public static class PatternSettings {
    public String gridTtl;
    public TempIdSettings tempIds;
    public Integer pairwiseIdLength;
    public String duressLockAfter;

    public PatternSettings() {}

    PatternSettings(PatternPolicy policy) {
      gridTtl = policy.gridTtl().toString();
      tempIds = new TempIdSettings(policy);
      pairwiseIdLength = policy.pairwiseIdLength();
      duressLockAfter = policy.duressLockAfter().map(Duration::toString).orElse(NEVER);
    }
  }

  /** A sender's message settings; every field optional. */
  public static class MessageSettings {
    public String maxRetention;
    public String webhookUrl;

    public MessageSettings() {}

    MessageSettings(MessagePolicy policy) {
      maxRetention = policy.maxRetention().toString();
      webhookUrl = policy.webhookUrl().orElse(null);
    }
  }

  public static class RegisterRequest {
    @NotBlank
    @Size(max = 200)
    public String name;

    @NotEmpty public Set<@NotNull SystemRole> roles;
    public PinPadSettings pinpad;
    public PatternSettings pattern;
    public Boolean shared;
    public Set<String> attributeAllowance;
  }

  /** A partial update: members left out keep their values. */
  public static class UpdateRequest {
    @Size(min = 1, max = 200)
    public String name;

    public Set<@NotNull SystemRole> roles;
    public PinPadSettings pinpad;
    public PatternSettings pattern;
    public Boolean shared;
    public Set<String> attributeAllowance;

    /**
     * Only {@code maxRetention}; the webhook has endpoints of its own (AdminSystemWebhookResource).
     */
    public MessageSettings messages;
  }

  public static class FunctionCodesRequest {
    @NotNull public List<@NotNull Integer> positions;
    @NotNull public Map<String, String> codes;
  }

  public record FunctionCodesView(List<Integer> positions, Map<String, String> codes) {
    static FunctionCodesView of(FunctionCodeTable table) {
      return new FunctionCodesView(table.positions(), table.codes());
    }
  }

  public record Registered(String systemId, String secret) {}

  public record SystemView(
      String systemId,
      String name,
      Set<SystemRole> roles,
      boolean enabled,
      boolean shared,
      PinPadSettings pinpad,
      PatternSettings pattern,
      FunctionCodesView functionCodes,
      Set<String> attributeAllowance,
      MessageSettings messages,
      Instant createdAt) {
    static SystemView of(RelyingSystem system) {
      return new SystemView(
          system.systemId(),
          system.name(),
          system.roles(),
          system.enabled(),
          system.shared(),
          new PinPadSettings(system.pinPad()),
          new PatternSettings(system.pattern()),
          FunctionCodesView.of(system.functionCodes()),
          new TreeSet<>(system.attributeAllowance()),
          new MessageSettings(system.messages()),
          system.createdAt());
    }
  }

  private static final String NEVER = "NEVER";

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
            new SystemRegistry.Registration(
                request.name,
                request.roles,
                policy(request.pinpad),
                PatternPolicy.defaults().with(patternChange(request.pattern)),
                Boolean.TRUE.equals(request.shared),
                request.attributeAllowance == null ? Set.of() : request.attributeAllowance),
            Callers.staff(caller));
    return Response.created(
            UriBuilder.fromPath("/api/v1/admin/systems").path(credentials.systemId()).build())
        .cacheControl(NoStore.cacheControl())
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
    return SystemView.of(existing(systemId));
  }

  @PUT
  @Path("{systemId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffCaller(StaffRole.ADMIN)
  @Operation(
      summary = "Change a relying system's settings",
      description =
          "A partial update: name, roles, pinpad, pattern {gridTtl, tempIds {enabled, maxAge,"
              + " maxUses}, pairwiseIdLength, duressLockAfter (ISO duration or NEVER)}, shared,"
              + " attributeAllowance, messages {maxRetention} (a sender's longest message"
              + " retention, PT5M to P90D). Members left out keep their values.")
  @APIResponse(responseCode = "200", description = "The system as changed")
  public SystemView update(
      @PathParam("systemId") String systemId,
      @Valid @NotNull(message = "a JSON body is required") UpdateRequest request,
      @Context SecurityContext caller) {
    return SystemView.of(
        systems.update(
            systemId,
            new SystemRegistry.Update(
                request.name,
                request.roles,
                request.pinpad == null ? null : policy(request.pinpad),
                patternChange(request.pattern),
                request.shared,
                request.attributeAllowance,
                maxRetention(request.messages)),
            Callers.staff(caller)));
  }

  @GET
  @Path("{systemId}/function-codes")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(summary = "A system's function-code table (the default until changed)")
  public FunctionCodesView functionCodes(@PathParam("systemId") String systemId) {
    return FunctionCodesView.of(existing(systemId).functionCodes());
  }

  @PUT
  @Path("{systemId}/function-codes")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffCaller(StaffRole.ADMIN)
  @Operation(
      summary = "Replace a system's function-code table",
      description =
          "{positions: [1], codes: {\"0\": \"PRACTICE\", \"1\": \"READ_ONLY\", \"2\":"
              + " \"DURESS\", \"9\": \"DUMMY\"}}: positions count from the right of the typed"
              + " password (1 = rightmost); each code has one digit per position; custom names"
              + " are allowed. positions [] with codes {} turns function codes off.")
  @APIResponse(responseCode = "200", description = "The table as stored")
  @APIResponse(responseCode = "400", description = "bad-function-codes")
  public FunctionCodesView changeFunctionCodes(
      @PathParam("systemId") String systemId,
      @Valid @NotNull(message = "a JSON body is required") FunctionCodesRequest request,
      @Context SecurityContext caller) {
    return FunctionCodesView.of(
        systems
            .changeFunctionCodes(systemId, request.positions, request.codes, Callers.staff(caller))
            .functionCodes());
  }

  @POST
  @Path("{systemId}/secret")
  @StaffCaller(StaffRole.ADMIN)
  @Operation(
      summary = "Rotate a relying system's secret",
      description =
          "Answers {systemId, secret}: a new random secret, shown this once. The old secret stops"
              + " working at once.")
  @APIResponse(responseCode = "200", description = "The new secret")
  @APIResponse(responseCode = "404", description = "unknown-system")
  public Response rotateSecret(
      @PathParam("systemId") String systemId, @Context SecurityContext caller) {
    SystemRegistry.Credentials credentials = systems.rotateSecret(systemId, Callers.staff(caller));
    return Response.ok(new Registered(credentials.systemId(), credentials.secret()))
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  @POST
  @Path("{systemId}/disable")
  @StaffCaller(StaffRole.ADMIN)
  @Operation(
      summary = "Disable a relying system",
      description =
          "Its calls are refused (401) until it is enabled again; its settings and secret stay.")
  @APIResponse(responseCode = "200", description = "The system as changed")
  @APIResponse(responseCode = "404", description = "unknown-system")
  @APIResponse(responseCode = "409", description = "system-already-disabled")
  public SystemView disable(
      @PathParam("systemId") String systemId, @Context SecurityContext caller) {
    return SystemView.of(systems.disable(systemId, Callers.staff(caller)));
  }

  @POST
  @Path("{systemId}/enable")
  @StaffCaller(StaffRole.ADMIN)
  @Operation(
      summary = "Enable a disabled relying system",
      description = "It authenticates again with the secret it had.")
  @APIResponse(responseCode = "200", description = "The system as changed")
  @APIResponse(responseCode = "404", description = "unknown-system")
  @APIResponse(responseCode = "409", description = "system-already-enabled")
  public SystemView enable(
      @PathParam("systemId") String systemId, @Context SecurityContext caller) {
    return SystemView.of(systems.enable(systemId, Callers.staff(caller)));
  }

  private RelyingSystem existing(String systemId) {
    return systems
        .find(systemId)
        .orElseThrow(() -> DomainException.notFound("unknown-system", "No system " + systemId));
  }

  /** The members staff gave, as a change of a policy; durations parsed, nothing merged here. */
  private static PatternPolicy.Change patternChange(PatternSettings settings) {
    if (settings == null) {
      return null;
    }
    TempIdSettings tempIds = settings.tempIds == null ? new TempIdSettings() : settings.tempIds;
    boolean never = NEVER.equals(settings.duressLockAfter);
    return new PatternPolicy.Change(
        settings.gridTtl == null ? null : duration("pattern.gridTtl", settings.gridTtl),
        tempIds.enabled,
        tempIds.maxAge == null ? null : duration("pattern.tempIds.maxAge", tempIds.maxAge),
        tempIds.maxUses,
        settings.pairwiseIdLength,
        settings.duressLockAfter == null || never
            ? null
            : duration("pattern.duressLockAfter", settings.duressLockAfter),
        never);
  }

  private static Duration maxRetention(MessageSettings settings) {
    if (settings == null || settings.maxRetention == null) {
      return null;
    }
    return duration("messages.maxRetention", settings.maxRetention);
  }

  private static Duration duration(String field, String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field, field + " must be an ISO-8601 duration such as PT5M");
    }
  }

  private static PinPadPolicy policy(PinPadSettings settings) {
    if (settings == null) {
      return PinPadPolicy.defaults();
    }
    return PinPadPolicy.of(
        settings.algorithm,
        settings.layout,
        settings.shuffle,
        settings.textMode,
        settings.ttl == null ? null : duration("pinpad.ttl", settings.ttl));
  }
}
