package org.portcullis.web.api.admin;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.customer.Customer;
import org.portcullis.error.DomainException;
import org.portcullis.mail.MailAddresses;
import org.portcullis.outbox.OutboxAdmin;
import org.portcullis.outbox.OutboxState;
import org.portcullis.staff.StaffRole;
import org.portcullis.web.api.TotalCount;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/**
 * The SMS and mail outboxes: rows with their state (never their text), retries, and test sends that
 * check a gateway. Admins and operators change; auditors read.
 */
@Path("admin/outbox")
@Tag(name = "Admin: outboxes")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR})
public class AdminOutboxResource {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_TEST_TEXT = 1600;

  public static class TestSms {
    @NotBlank
    @Pattern(
        regexp = Customer.MSISDN_PATTERN,
        message = "must be an E.164 number such as +447700900123")
    public String to;

    @NotBlank
    @Size(max = MAX_TEST_TEXT)
    public String text;
  }

  public static class TestMail {
    @NotBlank
    @Size(max = 254)
    @Pattern(
        regexp = MailAddresses.EMAIL_PATTERN,
        message = "must be an e-mail address such as someone@example.org")
    public String to;

    @NotBlank
    @Size(max = 200)
    public String subject;

    @NotBlank
    @Size(max = 50_000)
    public String text;
  }

  /** The id of a queued message. */
  public record Queued(long id) {}

  @EJB OutboxAdmin outbox;

  @GET
  @Path("sms")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(
      summary = "List the SMS outbox, newest first",
      description =
          "`state` filters (QUEUED, SENDING, SENT, DELIVERED, FAILED); `limit` 1-500 (default"
              + " 50), `offset` from 0. Rows carry the gateway's message id of each part, never"
              + " the text. The `X-Total-Count` header says how many rows the state has in all.")
  @APIResponse(responseCode = "200", description = "The page; X-Total-Count: all rows in the state")
  public Response sms(
      @QueryParam("state") String state,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    OutboxState only = state(state);
    List<OutboxAdmin.SmsRow> page =
        outbox.listSms(
            only,
            QueryParams.number("limit", limit, DEFAULT_LIMIT),
            QueryParams.number("offset", offset, 0));
    return TotalCount.ok(page, outbox.countSms(only));
  }

  @GET
  @Path("mail")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(
      summary = "List the mail outbox, newest first",
      description =
          "`state`, `limit` and `offset` as for SMS, and `X-Total-Count`. Rows carry the"
              + " Message-ID once sent, never the subject or body.")
  @APIResponse(responseCode = "200", description = "The page; X-Total-Count: all rows in the state")
  public Response mail(
      @QueryParam("state") String state,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    OutboxState only = state(state);
    List<OutboxAdmin.MailRow> page =
        outbox.listMail(
            only,
            QueryParams.number("limit", limit, DEFAULT_LIMIT),
            QueryParams.number("offset", offset, 0));
    return TotalCount.ok(page, outbox.countMail(only));
  }

  @GET
  @Path("webhook")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(
      summary = "List the webhook outbox, newest first",
      description =
          "Pushes of customers' replies to senders' webhooks. `state`, `limit` and `offset` as"
              + " for SMS, and `X-Total-Count`. Rows carry the URL and the webhook-id, never the"
              + " body or the secret.")
  @APIResponse(responseCode = "200", description = "The page; X-Total-Count: all rows in the state")
  public Response webhooks(
      @QueryParam("state") String state,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    OutboxState only = state(state);
    List<OutboxAdmin.WebhookRow> page =
        outbox.listWebhooks(
            only,
            QueryParams.number("limit", limit, DEFAULT_LIMIT),
            QueryParams.number("offset", offset, 0));
    return TotalCount.ok(page, outbox.countWebhooks(only));
  }

  @POST
  @Path("webhook/{id}/retry")
  @Operation(summary = "Make a FAILED or QUEUED webhook push due now, its attempts reset")
  @APIResponse(responseCode = "200", description = "The row, queued")
  @APIResponse(responseCode = "404", description = "No such push")
  @APIResponse(responseCode = "409", description = "The push is sending or sent")
  public OutboxAdmin.WebhookRow retryWebhook(
      @PathParam("id") String id, @Context SecurityContext caller) {
    return outbox.retryWebhook(id(id), Callers.staff(caller));
  }

  @POST
  @Path("sms/{id}/retry")
  @Operation(summary = "Make a FAILED or QUEUED SMS due now, its attempts reset")
  @APIResponse(responseCode = "200", description = "The row, queued")
  @APIResponse(responseCode = "404", description = "No such SMS")
  @APIResponse(responseCode = "409", description = "The SMS is sending, sent or delivered")
  public OutboxAdmin.SmsRow retrySms(@PathParam("id") String id, @Context SecurityContext caller) {
    return outbox.retrySms(id(id), Callers.staff(caller));
  }

  @POST
  @Path("mail/{id}/retry")
  @Operation(summary = "Make a FAILED or QUEUED mail due now, its attempts reset")
  @APIResponse(responseCode = "200", description = "The row, queued")
  @APIResponse(responseCode = "404", description = "No such mail")
  @APIResponse(responseCode = "409", description = "The mail is sending or sent")
  public OutboxAdmin.MailRow retryMail(
      @PathParam("id") String id, @Context SecurityContext caller) {
    return outbox.retryMail(id(id), Callers.staff(caller));
  }

  @POST
  @Path("sms")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send a test SMS",
      description = "Queues it like any other SMS; follow it in the list to check the gateway.")
  @APIResponse(responseCode = "202", description = "Queued")
  public Response testSms(
      @Valid @NotNull(message = "a JSON body is required") TestSms request,
      @Context SecurityContext caller) {
    return Response.accepted(
            new Queued(outbox.testSms(request.to, request.text, Callers.staff(caller))))
        .build();
  }

  @POST
  @Path("mail")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send a test mail",
      description = "Queues it (text and HTML alternatives) like any other mail.")
  @APIResponse(responseCode = "202", description = "Queued")
  public Response testMail(
      @Valid @NotNull(message = "a JSON body is required") TestMail request,
      @Context SecurityContext caller) {
    return Response.accepted(
            new Queued(
                outbox.testMail(request.to, request.subject, request.text, Callers.staff(caller))))
        .build();
  }

  /** A state name, any case; null or empty for all states. */
  static OutboxState state(String value) {
    return QueryParams.enumValue("state", value, OutboxState.class);
  }

  /** An outbox row id; anything else names no row. */
  static long id(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw DomainException.notFound("unknown-outbox-message", "No such outbox message");
    }
  }
}
