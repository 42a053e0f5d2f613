package org.portcullis.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.portcullis.staff.StaffDirectory;
import org.portcullis.staff.StaffMember;
import org.portcullis.staff.StaffRole;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRegistry;
import org.portcullis.web.api.Problem;

/**
 * Authenticates every API request whose resource declares a caller ({@link RelyingSystemCaller},
 * {@link StaffCaller}) and refuses the rest with a 401 or 403 problem. Endpoints with neither
 * annotation are public (a PIN pad's images, authorised by their unguessable session key).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

  private static final String REALM = "Basic realm=\"portcullis\", charset=\"UTF-8\"";

  @Context ResourceInfo resource;

  @EJB SystemRegistry systems;

  @EJB StaffDirectory staff;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Class<?> type = resource.getResourceClass();
    StaffCaller staffCaller =
        Optional.ofNullable(method.getAnnotation(StaffCaller.class))
            .orElse(type.getAnnotation(StaffCaller.class));
    boolean systemCaller =
        method.isAnnotationPresent(RelyingSystemCaller.class)
            || type.isAnnotationPresent(RelyingSystemCaller.class);
    if (staffCaller == null && !systemCaller) {
      return;
    }
    Optional<BasicCredentials> credentials =
        BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (credentials.isEmpty()) {
      refuse(request, "Send HTTP Basic credentials");
      return;
    }
    String user = credentials.get().user();
    String password = credentials.get().password();
    if (staffCaller != null) {
      Optional<StaffMember> member = staff.authenticate(user, password);
      if (member.isEmpty()) {
        refuse(request, "Unknown staff member or wrong password");
        return;
      }
      Set<StaffRole> allowed = Set.copyOf(Arrays.asList(staffCaller.value()));
      if (member.get().roles().stream().noneMatch(allowed::contains)) {
        request.abortWith(
            Problem.of(
                    Status.FORBIDDEN, "forbidden", "This needs one of the staff roles " + allowed)
                .toResponse());
        return;
      }
      request.setSecurityContext(
          new CallerSecurityContext(
              new StaffPrincipal(member.get()), SecurityContext.BASIC_AUTH, request));
    } else {
      Optional<RelyingSystem> system = systems.authenticate(user, password);
      if (system.isEmpty()) {
        refuse(request, "Unknown system ID or wrong secret");
        return;
      }
      request.setSecurityContext(
          new CallerSecurityContext(
              new SystemPrincipal(system.get()), SecurityContext.BASIC_AUTH, request));
    }
  }

  private static void refuse(ContainerRequestContext request, String detail) {
    Response response = Problem.of(Status.UNAUTHORIZED, "unauthenticated", detail).toResponse();
    response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, REALM);
    request.abortWith(response);
  }
}
