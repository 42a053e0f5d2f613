package org.portcullis.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.portcullis.error.DomainException;
import org.portcullis.error.Refusal;
import org.portcullis.token.TokenService;
import org.portcullis.web.api.Problem;
import org.portcullis.web.api.ProblemMapper;

/**
 * Authenticates every request whose resource declares {@link CustomerCaller}: the bearer token must
 * be approved for the request's terminal (which extends the terminal's tokens) and belong to one of
 * the allowed apps. Anything else is answered here, before the resource runs: 401 {@code
 * login-required} (with {@code WWW-Authenticate: Bearer}), 400 for a malformed terminal ID, 403 for
 * another app's token.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenAuthenticationFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  @Context ResourceInfo resource;

  @EJB TokenService tokens;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    CustomerCaller caller =
        Optional.ofNullable(method.getAnnotation(CustomerCaller.class))
            .orElse(resource.getResourceClass().getAnnotation(CustomerCaller.class));
    if (caller == null) {
      return;
    }
    Optional<String> token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token.isEmpty()) {
      request.abortWith(
          ProblemMapper.responseFor(
              Refusal.of(
                  TokenService.LOGIN_REQUIRED,
                  "Send the access token: Authorization: Bearer <token>")));
      return;
    }
    String terminalId =
        caller.terminalPathParam().isEmpty()
            ? request.getHeaderString(CustomerCaller.TERMINAL_HEADER)
            : request.getUriInfo().getPathParameters().getFirst(caller.terminalPathParam());
    try {
      TokenService.Approved approved = tokens.access(token.get(), terminalId);
      if (caller.apps().length > 0 && !Arrays.asList(caller.apps()).contains(approved.appId())) {
        request.abortWith(
            Problem.of(
                    Status.FORBIDDEN,
                    "wrong-app",
                    "This endpoint takes tokens of the apps " + Arrays.toString(caller.apps()))
                .toResponse());
        return;
      }
      request.setSecurityContext(
          new CallerSecurityContext(new CustomerPrincipal(approved), "Bearer", request));
    } catch (DomainException refused) {
      request.abortWith(ProblemMapper.responseFor(refused));
    }
  }

  /** The token of an {@code Authorization: Bearer <token>} header value (RFC 6750), if any. */
  public static Optional<String> bearerToken(String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(BEARER.length()).strip());
  }
}
