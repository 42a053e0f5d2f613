package org.portcullis.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import org.portcullis.error.DomainException;
import org.portcullis.throttle.RateLimiter;
import org.portcullis.throttle.ThrottleSettings;
import org.portcullis.web.api.ProblemMapper;

/**
 * Bounds the guessing of secrets (system secrets, staff passwords, access tokens, customers' login
 * passwords, enrollment codes) per client address, without limiting an authenticated caller by
 * anything but its own key.
 *
 * <p>How: every 401 answered to a request with no authenticated caller is counted against {@code
 * refused:<address>} at the address rate, and before authentication a request from an address whose
 * count is over that limit is answered 429 without looking at its credentials.
 *
 * <ul>
 *   <li>The count is taken from the response, so it covers every refusal alike: those of the
 *       authentication filters (which abort, so {@link ThrottleFilter} never sees them) and those
 *       of public endpoints that check a secret themselves (login, enrollment codes), with no edit
 *       to the filters or the resources. A 401 answered to an authenticated caller is a refusal of
 *       someone else's secret (a customer's answer relayed by a relying system): it is not counted
 *       here, so that a system is not shut out by its customers' mistakes; the customer lockout
 *       counts those.
 *   <li>The gate looks before authenticating, so an address over its limit learns nothing more:
 *       refusing only after the check would still let a right guess through. It takes no token
 *       (only refusals do), so callers that authenticate never use up their address; and the count
 *       runs into debt ({@link RateLimiter#charge}), so guesses admitted concurrently while the
 *       gate was open are all paid for.
 *   <li>Refusals are counted apart from the address's unauthenticated calls ({@code address:}), so
 *       that busy public traffic from one address (a NAT) does not shut out a relying system behind
 *       it; only refused authentications do, and only while that address keeps failing.
 * </ul>
 *
 * <p>It runs before the authentication filters. With {@code portcullis.throttle.enabled=false} it
 * does nothing.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 1)
public class RefusalThrottleFilter implements ContainerRequestFilter, ContainerResponseFilter {

  /** The request property holding the key that a refusal of this request is counted against. */
  private static final String KEY = RefusalThrottleFilter.class.getName() + ".key";

  @Context HttpServletRequest http;

  @EJB ThrottleSettings settings;

  @EJB RateLimiter limiter;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!settings.enabled()) {
      return;
    }
    String key = ThrottleKey.refused(http.getRemoteAddr());
    request.setProperty(KEY, key);
    try {
      limiter.checkNotExhausted(key, settings.address());
    } catch (DomainException throttled) {
      request.abortWith(ProblemMapper.responseFor(throttled));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() == Status.UNAUTHORIZED.getStatusCode()
        && request.getProperty(KEY) instanceof String key
        && !ThrottleKey.authenticated(request.getSecurityContext().getUserPrincipal())) {
      limiter.charge(key, settings.address());
    }
  }
}
