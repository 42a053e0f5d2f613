package org.portcullis.web.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The security context the authentication filters put on a request: the authenticated caller, the
 * scheme it used, and roles only for staff.
 */
record CallerSecurityContext(Principal principal, String scheme, ContainerRequestContext request)
    implements SecurityContext {

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String role) {
    return principal instanceof StaffPrincipal staff
        && staff.member().roles().stream().anyMatch(r -> r.name().equals(role));
  }

  @Override
  public boolean isSecure() {
    return request.getSecurityContext().isSecure();
  }

  @Override
  public String getAuthenticationScheme() {
    return scheme;
  }
}
