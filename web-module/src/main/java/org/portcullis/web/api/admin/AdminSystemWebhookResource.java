package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.staff.StaffRole;
import org.portcullis.system.SystemRegistry;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.api.admin.AdminSystemsResource.SystemView;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/**
 * Where a sender's replies are pushed: setting a sender's webhook (with a new secret) and removing
 * it (admins).
 */
@Path("admin/systems/{systemId}/webhook")
@Tag(name = "Admin: relying systems")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
public class AdminSystemWebhookResource {

  /** Where a sender's replies are pushed. */
  public static class WebhookRequest {
    @NotNull public String url;
  }

  /** The webhook and its signing secret, shown this once. */
  public record WebhookView(String systemId, String url, String secret) {}

  @EJB SystemRegistry systems;

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffCaller(StaffRole.ADMIN)
  @Operation(
      summary = "Push a sender's replies to a webhook",
      description =
          "{url}: an https URL (http only to localhost). Answers {systemId, url, secret}: a new"
              + " signing secret (whsec_…), shown this once; pushes are signed with it as"
              + " Standard Webhooks specifies (webhook-id, webhook-timestamp, webhook-signature)."
              + " A secret set before stops being used at once.")
  @APIResponse(responseCode = "200", description = "The webhook and its secret")
  @APIResponse(responseCode = "400", description = "invalid-webhook-url")
  @APIResponse(responseCode = "403", description = "role-required: the system is not a SENDER")
  public Response setWebhook(
      @PathParam("systemId") String systemId,
      @Valid @NotNull(message = "a JSON body is required") WebhookRequest request,
      @Context SecurityContext caller) {
    SystemRegistry.Webhook webhook =
        systems.setWebhook(systemId, request.url, Callers.staff(caller));
    return Response.ok(new WebhookView(webhook.systemId(), webhook.url(), webhook.secret()))
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  @DELETE
  @StaffCaller(StaffRole.ADMIN)
  @Operation(
      summary = "Stop pushing a sender's replies",
      description = "Replies stay available at GET /api/v1/messages/{id}/replies.")
  @APIResponse(responseCode = "200", description = "The system as changed")
  @APIResponse(responseCode = "409", description = "no-webhook")
  public SystemView removeWebhook(
      @PathParam("systemId") String systemId, @Context SecurityContext caller) {
    return SystemView.of(systems.removeWebhook(systemId, Callers.staff(caller)));
  }
}
