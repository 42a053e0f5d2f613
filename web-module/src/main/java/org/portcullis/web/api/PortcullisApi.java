package org.portcullis.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The REST API. Relying systems and staff authenticate with HTTP Basic, customers' apps and
 * handsets with their access token (Bearer).
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Portcullis API",
            version = "1",
            description =
                "Verification server for banks. Errors are application/problem+json (RFC 9457)"
                    + " with a stable type urn:portcullis:problem:<slug>. Callers are"
                    + " rate-limited: over the limit, any endpoint answers 429 rate-limited with"
                    + " Retry-After (seconds)."))
@SecuritySchemes({
  @SecurityScheme(
      securitySchemeName = "relyingSystem",
      type = SecuritySchemeType.HTTP,
      scheme = "basic",
      description = "System ID and secret of a registered relying system"),
  @SecurityScheme(
      securitySchemeName = "staff",
      type = SecuritySchemeType.HTTP,
      scheme = "basic",
      description =
          "Staff username and password; 5 wrong passwords in a row lock the account for 15"
              + " minutes"),
  @SecurityScheme(
      securitySchemeName = "accessToken",
      type = SecuritySchemeType.HTTP,
      scheme = "bearer",
      description =
          "A customer's access token (key.secret) from POST /tokens or a handset enrollment;"
              + " endpoints that need the terminal read it from the Portcullis-Terminal-Id"
              + " header or their path")
})
public class PortcullisApi extends Application {}
