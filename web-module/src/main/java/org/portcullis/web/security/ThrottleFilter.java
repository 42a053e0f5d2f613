package org.portcullis.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.portcullis.error.DomainException;
import org.portcullis.throttle.RateLimiter;
import org.portcullis.throttle.ThrottleSettings;
import org.portcullis.throttle.TokenBucket.Rate;
import org.portcullis.web.api.ProblemMapper;

/**
 * Rate-limits every API request that authentication let through (SPEC §3.4), by its caller: a
 * relying system by its system ID, a handset or customer's app by its terminal, a staff member by
 * username, and a request with no authenticated caller (public endpoints) by its client address
 * ({@link ThrottleKey}). Over the limit, the answer is 429 {@code rate-limited} with {@code
 * Retry-After}; nothing else runs.
 *
 * <p>It runs after the authentication filters, so that an authenticated caller is limited by its
 * own key only, whoever shares its address. Requests those filters refuse never get here; {@link
 * RefusalThrottleFilter} counts them. With {@code portcullis.throttle.enabled=false} it does
 * nothing.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class ThrottleFilter implements ContainerRequestFilter {

  @Context HttpServletRequest http;

  @EJB ThrottleSettings settings;

  @EJB RateLimiter limiter;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!settings.enabled()) {
      return;
    }
    ThrottleKey key =
        ThrottleKey.of(request.getSecurityContext().getUserPrincipal(), http.getRemoteAddr());
    try {
      limiter.check(key.key(), rateOf(key));
    } catch (DomainException throttled) {
      request.abortWith(ProblemMapper.responseFor(throttled));
    }
  }

  /** The configured rate of the key's kind of caller. A per-system rate would be chosen here. */
  private Rate rateOf(ThrottleKey key) {
    return switch (key.limit()) {
      case SYSTEM -> settings.system();
      case HANDSET -> settings.handset();
      case STAFF -> settings.staff();
      case ADDRESS -> settings.address();
    };
  }
}
