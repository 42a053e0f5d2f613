package org.portcullis.web.security;

import jakarta.ws.rs.core.SecurityContext;
import org.portcullis.system.RelyingSystem;
import org.portcullis.token.TokenService;

/** Reads the authenticated caller that {@link ApiAuthenticationFilter} put in the context. */
public final class Callers {

  private Callers() {}

  public static RelyingSystem system(SecurityContext context) {
    if (context.getUserPrincipal() instanceof SystemPrincipal principal) {
      return principal.system();
    }
    throw new IllegalStateException("Endpoint is not annotated @RelyingSystemCaller");
  }

  public static String staff(SecurityContext context) {
    if (context.getUserPrincipal() instanceof StaffPrincipal principal) {
      return principal.getName();
    }
    throw new IllegalStateException("Endpoint is not annotated @StaffCaller");
  }

  /** The approved access token of a {@link CustomerCaller} endpoint's caller. */
  public static TokenService.Approved customer(SecurityContext context) {
    if (context.getUserPrincipal() instanceof CustomerPrincipal principal) {
      return principal.token();
    }
    throw new IllegalStateException("Endpoint is not annotated @CustomerCaller");
  }
}
