package org.portcullis.web.api.pattern;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.pattern.DerivationPattern;
import org.portcullis.pattern.PatternRegistrations;
import org.portcullis.pattern.TableRules;
import org.portcullis.web.api.NoStore;

/**
 * The API of the customer's registration page ({@code /register/pattern.html#<token>}). The link's
 * unguessable token is the authorisation; an unknown token is 404, a used or expired one 410.
 */
@Path("pattern/registrations/{token}")
@Tag(name = "Pattern registration")
@Produces(MediaType.APPLICATION_JSON)
public class PatternRegistrationResource {

  public static class SubmitRequest {
    public String positions;
    public String rule;
    public DerivationPattern.Mode mode;
    public String fixedPassword;
  }

  public static class PasswordRequest {
    @NotNull public String password;
  }

  public static class CodeRequest {
    @NotNull public String code;
  }

  public static class LengthRequest {
    @NotNull public Integer length;
  }

  public static class DigitsRequest {
    @NotNull public String digits;
  }

  public record TableView(
      String name, int rows, int cols, int minLength, int maxCellUses, boolean rejectAdjacent) {
    static TableView of(String name, TableRules rules) {
      return new TableView(
          name,
          rules.rows(),
          rules.cols(),
          rules.minLength(),
          rules.maxCellUses(),
          rules.rejectAdjacent());
    }
  }

  public record PhoneView(boolean confirmed, String maskedMsisdn) {}

  public record OverviewView(
      TableView table,
      String systemName,
      Instant expiresAt,
      String state,
      PhoneView phone,
      Instant provisionalExpiresAt) {}

  public record CodeSentView(String sentTo, Instant expiresAt) {}

  public record ConfirmedPhoneView(boolean confirmed) {}

  public record CandidateView(int n, String positions) {}

  public record ConfirmationGridView(int rows, int cols, String digits, Instant expiresAt) {
    static ConfirmationGridView of(PatternRegistrations.ConfirmationGrid grid) {
      return new ConfirmationGridView(
          grid.grid().rows(), grid.grid().cols(), grid.grid().digits(), grid.expiresAt());
    }
  }

  public record FormalView(String state) {}

  public record NarrowingView(
      Integer round, Integer rows, Integer cols, List<Integer> digits, String positions) {
    static NarrowingView of(PatternRegistrations.NarrowingStep step) {
      if (step.done()) {
        return new NarrowingView(null, null, null, null, cells(step.positions()));
      }
      return new NarrowingView(step.round(), step.rows(), step.cols(), step.digits(), null);
    }
  }

  @EJB PatternRegistrations registrations;

  @GET
  @Operation(summary = "The registration: table, rules, phone and state")
  @APIResponse(responseCode = "200", description = "The registration")
  @APIResponse(responseCode = "404", description = "unknown-registration")
  @APIResponse(responseCode = "410", description = "registration-closed")
  public Response describe(@PathParam("token") String token) {
    PatternRegistrations.Overview overview = registrations.describe(token);
    return noStore(
        new OverviewView(
            TableView.of(overview.tableName(), overview.rules()),
            overview.systemName(),
            overview.expiresAt(),
            overview.state(),
            new PhoneView(overview.phoneConfirmed(), overview.maskedMsisdn()),
            overview.provisionalExpiresAt()));
  }

  @POST
  @Path("phone-code")
  @Operation(summary = "Text a 6-digit code to the customer's phone (SPEC §3.1.4)")
  @APIResponse(responseCode = "202", description = "Sent")
  @APIResponse(responseCode = "409", description = "phone-confirmed / too-many-codes / otp-locked")
  public Response sendPhoneCode(@PathParam("token") String token) {
    PatternRegistrations.CodeSent sent = registrations.sendPhoneCode(token);
    return Response.accepted(new CodeSentView(sent.sentTo(), sent.expiresAt()))
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  @POST
  @Path("phone-confirmation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Confirm the phone with the texted code")
  @APIResponse(responseCode = "200", description = "Confirmed")
  @APIResponse(responseCode = "400", description = "wrong-code / code-expired")
  public Response confirmPhone(
      @PathParam("token") String token,
      @Valid @NotNull(message = "a JSON body is required") CodeRequest request) {
    registrations.confirmPhone(token, request.code);
    return noStore(new ConfirmedPhoneView(true));
  }

  @GET
  @Path("candidates/{n: [0-9]{1,4}}")
  @Operation(
      summary = "The n-th random candidate pattern",
      description =
          "Meets the table's rules with no two consecutive cells adjacent; stable per link.")
  public Response candidate(@PathParam("token") String token, @PathParam("n") int n) {
    return noStore(new CandidateView(n, cells(registrations.candidate(token, n))));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Submit a pattern",
      description =
          "{positions: \"3,6,*,16,9\" | \"F\", rule?: \"+2\" | \"+1,-2,*3,/2\", mode?: FIXED |"
              + " VARIABLE, fixedPassword?} → the confirmation grid; the pattern is provisional for"
              + " 15 minutes. A broken rule is a 400 naming it.")
  @APIResponse(responseCode = "200", description = "The confirmation grid")
  @APIResponse(responseCode = "400", description = "The rule the pattern breaks")
  public Response submit(
      @PathParam("token") String token,
      @Valid @NotNull(message = "a JSON body is required") SubmitRequest request) {
    return noStore(
        ConfirmationGridView.of(
            registrations.submit(
                token,
                new PatternRegistrations.Submission(
                    request.positions, request.rule, request.mode, request.fixedPassword))));
  }

  @GET
  @Path("confirmation")
  @Operation(summary = "The current confirmation grid")
  @APIResponse(responseCode = "200", description = "The grid")
  @APIResponse(responseCode = "409", description = "not-provisional")
  @APIResponse(responseCode = "410", description = "provisional-expired")
  public Response confirmationGrid(@PathParam("token") String token) {
    return noStore(ConfirmationGridView.of(registrations.confirmationGrid(token)));
  }

  @POST
  @Path("confirmation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Answer the confirmation grid",
      description =
          "Right: the pattern is formal and the link used. Wrong: 400 confirmation-failed and a"
              + " fresh grid at GET confirmation; after 5 wrong answers submit the pattern again.")
  @APIResponse(responseCode = "200", description = "Formal")
  @APIResponse(responseCode = "400", description = "confirmation-failed")
  @APIResponse(responseCode = "409", description = "phone-unconfirmed / not-provisional")
  public Response confirm(
      @PathParam("token") String token,
      @Valid @NotNull(message = "a JSON body is required") PasswordRequest request) {
    registrations.confirm(token, request.password);
    return noStore(new FormalView("FORMAL"));
  }

  @POST
  @Path("narrowing")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Start narrowing",
      description =
          "{length} → {round, rows, cols, digits}: type the digits under your cells in order.")
  public Response startNarrowing(
      @PathParam("token") String token,
      @Valid @NotNull(message = "a JSON body is required") LengthRequest request) {
    return noStore(NarrowingView.of(registrations.startNarrowing(token, request.length)));
  }

  @POST
  @Path("narrowing/answers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Answer a narrowing grid",
      description =
          "{digits} → the next {round, digits} (null for cells not shown) or {positions} to submit."
              + " Two answers always suffice for tables of up to 100 cells.")
  @APIResponse(responseCode = "400", description = "narrowing-mismatch")
  public Response answerNarrowing(
      @PathParam("token") String token,
      @Valid @NotNull(message = "a JSON body is required") DigitsRequest request) {
    return noStore(NarrowingView.of(registrations.answerNarrowing(token, request.digits)));
  }

  private static String cells(List<Integer> cells) {
    return cells.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static Response noStore(Object entity) {
    return Response.ok(entity).cacheControl(NoStore.cacheControl()).build();
  }
}
