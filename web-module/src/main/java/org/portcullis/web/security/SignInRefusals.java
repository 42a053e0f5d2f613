package org.portcullis.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.portcullis.error.DomainException;
import org.portcullis.throttle.RateLimiter;
import org.portcullis.throttle.ThrottleSettings;

/**
 * The address budget of refused authentications ({@link RefusalThrottleFilter}) for sign-ins that
 * do not go through JAX-RS: the console's login form. A wrong staff password in the console and a
 * wrong staff password on the API draw on the same budget, so neither is a way round the other.
 */
@ApplicationScoped
public class SignInRefusals {

  @EJB ThrottleSettings settings;

  @EJB RateLimiter limiter;

  /**
   * @throws DomainException (throttled) when the address has used up its refusals; its message says
   *     when to try again
   */
  public void checkAllowed(String remoteAddress) {
    if (settings.enabled()) {
      limiter.checkNotExhausted(ThrottleKey.refused(remoteAddress), settings.address());
    }
  }

  /** Counts one refused sign-in against the address. */
  public void refused(String remoteAddress) {
    if (settings.enabled()) {
      limiter.charge(ThrottleKey.refused(remoteAddress), settings.address());
    }
  }
}
