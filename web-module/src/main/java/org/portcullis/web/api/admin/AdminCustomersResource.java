package org.portcullis.web.api.admin;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerAttributes;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.handset.HandsetService;
import org.portcullis.lockout.Factor;
import org.portcullis.lockout.LockoutService;
import org.portcullis.pattern.PatternRegistrations;
import org.portcullis.staff.StaffRole;
import org.portcullis.token.TokenService;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.security.Callers;
import org.portcullis.web.security.StaffCaller;

/**
 * Customers: create, read, set PIN and password, unlock a factor, tokens and handsets. Operators
 * and admins change; all read.
 */
@Path("admin/customers")
@Tag(name = "Admin: customers")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "staff")
@StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR})
public class AdminCustomersResource {

  public static class CreateRequest {
    @NotBlank
    @Pattern(
        regexp = Customer.ACCOUNT_PATTERN,
        message = "must be 3-64 letters, digits, '.', '-' or '_'")
    public String account;

    @NotBlank
    @Pattern(
        regexp = Customer.MSISDN_PATTERN,
        message = "must be an E.164 number such as +447700900123")
    public String msisdn;

    @Size(max = 254)
    public String email;
  }

  public static class PinRequest {
    @NotNull public String pin;
  }

  public static class PasswordRequest {
    @NotNull public String password;
  }

  public static class UnlockRequest {
    @NotNull public Factor factor;
  }

  public record CustomerView(
      String account,
      String msisdn,
      String email,
      boolean hasPin,
      boolean hasPassword,
      Instant createdAt,
      List<LockoutService.Counter> locks) {}

  public record RevokedView(int revoked) {}

  @EJB CustomerService customers;
  @EJB LockoutService lockout;
  @EJB TokenService tokens;
  @EJB HandsetService handsets;
  @EJB PatternRegistrations registrations;
  @EJB CustomerAttributes attributes;

  /** The table to register on, and the system the pattern is for (none: every system). */
  public static class RegistrationRequest {
    @NotNull public Long tableId;
    public String systemId;
  }

  public record RegistrationLink(String link, Instant expiresAt) {}

  public static class AttributesRequest {
    @NotNull public Map<String, String> attributes;
  }

  public record AttributesView(Map<String, String> attributes) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a customer")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "409", description = "The account exists")
  public Response create(
      @Valid @NotNull(message = "a JSON body is required") CreateRequest request,
      @Context SecurityContext caller) {
    Customer customer =
        customers.create(
            new CustomerService.NewCustomer(request.account, request.msisdn, request.email),
            Callers.staff(caller));
    return Response.created(
            UriBuilder.fromPath("/api/v1/admin/customers").path(customer.account()).build())
        .entity(view(customer))
        .build();
  }

  @GET
  @Path("{account}")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(summary = "One customer, with the lock state of each factor")
  public CustomerView get(@PathParam("account") String account) {
    return view(
        customers
            .find(account)
            .orElseThrow(
                () -> DomainException.notFound("unknown-customer", "No customer " + account)));
  }

  @PUT
  @Path("{account}/pin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the customer's PIN (4-10 digits; stored only as a slow hash)")
  @APIResponse(responseCode = "204", description = "Set")
  public void setPin(
      @PathParam("account") String account,
      @Valid @NotNull(message = "a JSON body is required") PinRequest request,
      @Context SecurityContext caller) {
    customers.setPin(account, request.pin, Callers.staff(caller));
  }

  @PUT
  @Path("{account}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set the customer's app password",
      description =
          "12 to 128 characters, not one repeated character or a run, not containing the account"
              + " name; stored only as an Argon2id hash.")
  @APIResponse(responseCode = "204", description = "Set")
  public void setPassword(
      @PathParam("account") String account,
      @Valid @NotNull(message = "a JSON body is required") PasswordRequest request,
      @Context SecurityContext caller) {
    customers.setPassword(account, request.password, Callers.staff(caller));
  }

  @POST
  @Path("{account}/unlock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Lift the lock of one factor and reset its failure counter")
  @APIResponse(responseCode = "204", description = "Unlocked")
  public void unlock(
      @PathParam("account") String account,
      @Valid @NotNull(message = "a JSON body is required") UnlockRequest request,
      @Context SecurityContext caller) {
    lockout.unlock(account, request.factor, Callers.staff(caller));
  }

  @GET
  @Path("{account}/tokens")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(
      summary = "The customer's access tokens",
      description = "Key, app, terminal, issued, expires, last used; never a secret.")
  public List<TokenService.TokenInfo> tokens(@PathParam("account") String account) {
    return tokens.ofCustomer(account);
  }

  @DELETE
  @Path("{account}/tokens")
  @Operation(summary = "Revoke every access token of the customer, on every terminal")
  @APIResponse(responseCode = "200", description = "How many were revoked")
  public RevokedView revokeTokens(
      @PathParam("account") String account, @Context SecurityContext caller) {
    return new RevokedView(tokens.revokeCustomer(account, Callers.staff(caller)));
  }

  @GET
  @Path("{account}/handsets")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(summary = "The customer's enrolled handsets, with their key algorithm")
  public List<HandsetService.HandsetInfo> handsets(@PathParam("account") String account) {
    return handsets.ofCustomer(account);
  }

  @POST
  @Path("{account}/pattern-registration")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR})
  @Operation(
      summary = "Send the customer a pattern registration link",
      description =
          "{tableId, systemId?}: a single-use link valid 24 hours, texted to the customer's MSISDN"
              + " and mailed (with a QR code) when they have an email address. Replaces any open"
              + " registration of the customer. The answer carries the link too, for staff who"
              + " hand it over in person.")
  @APIResponse(responseCode = "201", description = "{link, expiresAt}")
  @APIResponse(responseCode = "409", description = "pattern-table-retired")
  public Response startRegistration(
      @PathParam("account") String account,
      @Valid @NotNull(message = "a JSON body is required") RegistrationRequest request,
      @Context SecurityContext caller) {
    PatternRegistrations.Link link =
        registrations.start(account, request.tableId, request.systemId, Callers.staff(caller));
    return Response.status(Response.Status.CREATED)
        .cacheControl(NoStore.cacheControl())
        .entity(new RegistrationLink(link.url(), link.expiresAt()))
        .build();
  }

  @PUT
  @Path("{account}/attributes")
  @Consumes(MediaType.APPLICATION_JSON)
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR})
  @Operation(
      summary = "Replace the customer's profile attributes",
      description =
          "{attributes: {address, phone, email, dateOfBirth, custom.*: value}}; stored encrypted."
              + " An empty map deletes them all.")
  @APIResponse(responseCode = "204", description = "Stored")
  public void replaceAttributes(
      @PathParam("account") String account,
      @Valid @NotNull(message = "a JSON body is required") AttributesRequest request,
      @Context SecurityContext caller) {
    attributes.replace(account, request.attributes, Callers.staff(caller));
  }

  @GET
  @Path("{account}/attributes")
  @StaffCaller({StaffRole.ADMIN, StaffRole.OPERATOR, StaffRole.AUDITOR})
  @Operation(summary = "The customer's profile attributes (the read is audited)")
  public Response readAttributes(
      @PathParam("account") String account, @Context SecurityContext caller) {
    return Response.ok(new AttributesView(attributes.read(account, Callers.staff(caller))))
        .cacheControl(NoStore.cacheControl())
        .build();
  }

  private CustomerView view(Customer customer) {
    return new CustomerView(
        customer.account(),
        customer.msisdn(),
        customer.email().orElse(null),
        customer.hasPin(),
        customer.hasPassword(),
        customer.createdAt(),
        lockout.counters(customer));
  }
}
