package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the application offers around its API: readiness, the OpenAPI document, headers. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Test
  void readinessSaysUpOnceTheDatabaseAnswers() {
    Api.Reply ready = Api.anonymous().get("/health/ready");
    assertEquals(200, ready.status(), ready::toString);
    assertEquals("UP", ready.json().getString("status"));
    assertTrue(ready.text().contains("\"database\""), ready::toString);
  }

  @Test
  void theOpenApiDocumentDescribesEveryEndpoint() {
    // MicroProfile OpenAPI serves JSON on request (YAML quotes some paths, JSON never)
    Api.Reply document = Api.anonymous().get("/openapi?format=JSON");
    assertEquals(200, document.status());
    JsonObject paths = document.json().getJsonObject("paths");
    for (String path :
        List.of(
            "/api/v1/pinpad/sessions",
            "/api/v1/pinpad/sessions/{sessionKey}/verification",
            "/api/v1/admin/systems",
            "/api/v1/admin/systems/{systemId}",
            "/api/v1/admin/customers",
            "/api/v1/admin/customers/{account}",
            "/api/v1/admin/customers/{account}/pin",
            "/api/v1/admin/customers/{account}/unlock",
            "/api/v1/admin/audit/verify")) {
      assertTrue(paths.containsKey(path), () -> "OpenAPI lacks " + path + " in " + paths.keySet());
    }
    assertTrue(
        paths.keySet().stream()
            .anyMatch(p -> p.startsWith("/api/v1/pinpad/sessions/{sessionKey}/cells/")),
        () -> "OpenAPI lacks the cell images in " + paths.keySet());
    JsonObject schemes =
        document.json().getJsonObject("components").getJsonObject("securitySchemes");
    assertTrue(
        schemes.containsKey("relyingSystem") && schemes.containsKey("staff"), schemes::toString);
  }

  @Test
  void pagesAndAnswersCarrySecurityHeaders() {
    Api.Reply page = Api.anonymous().get("/demo/pinpad.html");
    assertEquals(200, page.status());
    String csp = page.header("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""));
    assertEquals("DENY", page.header("X-Frame-Options").orElse(""));
    assertFalse(page.header("X-Powered-By").isPresent(), "no product advertised");

    Api.Reply api = Api.admin().get("/api/v1/admin/systems");
    assertEquals(200, api.status());
    assertTrue(api.header("Cache-Control").orElse("").contains("no-store"));
  }
}
