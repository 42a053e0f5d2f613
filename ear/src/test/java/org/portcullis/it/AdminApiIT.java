package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.it.PinPadIT.assertProblem;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The staff API: authentication, validation, and that refused requests change nothing. */
@ExtendWith(ArquillianExtension.class)
class AdminApiIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Test
  void registeringASystemShowsItsSecretOnceAndTheSecretWorks() {
    Api.Reply registered =
        Api.admin()
            .post(
                "/api/v1/admin/systems",
                "{\"name\":\"Front desk\",\"roles\":[\"VERIFIER\",\"CONFIRMER\"],"
                    + "\"pinpad\":{\"algorithm\":\"ADD_N\",\"layout\":\"GRID_5X2\",\"shuffle\":false,"
                    + "\"textMode\":false,\"ttl\":\"PT3M\"}}");
    assertEquals(201, registered.status(), registered::toString);
    String systemId = registered.json().getString("systemId");
    String secret = registered.json().getString("secret");
    assertTrue(systemId.matches("[1-9][0-9]{7}"), systemId);
    assertTrue(secret.length() >= 43, "at least 256 bits, base64url");
    assertTrue(registered.header("Location").orElseThrow().endsWith("/admin/systems/" + systemId));

    Api.Reply read = Api.admin().get("/api/v1/admin/systems/" + systemId);
    assertEquals(200, read.status());
    assertFalse(read.text().contains(secret), "the secret is never shown again");
    JsonObject pinpad = read.json().getJsonObject("pinpad");
    assertEquals("ADD_N", pinpad.getString("algorithm"));
    assertEquals("GRID_5X2", pinpad.getString("layout"));
    assertEquals("PT3M", pinpad.getString("ttl"));

    Api.Reply asSystem =
        Api.basic(systemId, secret).post("/api/v1/pinpad/sessions", "{\"account\":\"someone\"}");
    assertEquals(201, asSystem.status(), asSystem::toString);
  }

  @Test
  void badSystemRegistrationsAreRefusedAndCreateNothing() {
    int before = Api.admin().get("/api/v1/admin/systems").jsonArray().size();
    assertProblem(
        Api.admin().post("/api/v1/admin/systems", "{\"name\":\"\",\"roles\":[\"VERIFIER\"]}"),
        400,
        "invalid-input");
    assertProblem(
        Api.admin().post("/api/v1/admin/systems", "{\"name\":\"No roles\",\"roles\":[]}"),
        400,
        "invalid-input");
    assertProblem(
        Api.admin().post("/api/v1/admin/systems", "{\"name\":\"X\",\"roles\":[\"KING\"]}"),
        400,
        "malformed-json");
    Api.Reply badTtl =
        Api.admin()
            .post(
                "/api/v1/admin/systems",
                "{\"name\":\"X\",\"roles\":[\"VERIFIER\"],\"pinpad\":{\"ttl\":\"two minutes\"}}");
    assertProblem(badTtl, 400, "invalid-input");
    assertTrue(badTtl.json().getJsonObject("fields").containsKey("pinpad.ttl"));
    Api.Reply longTtl =
        Api.admin()
            .post(
                "/api/v1/admin/systems",
                "{\"name\":\"X\",\"roles\":[\"VERIFIER\"],\"pinpad\":{\"ttl\":\"PT1H\"}}");
    assertProblem(longTtl, 400, "invalid-pinpad-policy");
    assertEquals(before, Api.admin().get("/api/v1/admin/systems").jsonArray().size());
  }

  @Test
  void customersAreValidatedAndUnique() {
    String account = "valid-" + System.nanoTime();
    Api.Reply badMsisdn =
        Api.admin()
            .post(
                "/api/v1/admin/customers",
                "{\"account\":\"" + account + "\",\"msisdn\":\"0770 090 0123\"}");
    assertProblem(badMsisdn, 400, "invalid-input");
    assertTrue(badMsisdn.json().getJsonObject("fields").containsKey("msisdn"));
    assertProblem(Api.admin().get("/api/v1/admin/customers/" + account), 404, "unknown-customer");

    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/admin/customers",
                "{\"account\":\""
                    + account
                    + "\",\"msisdn\":\"+447700900123\",\"email\":\"a@example.org\"}");
    assertEquals(201, created.status(), created::toString);
    assertEquals("+447700900123", created.json().getString("msisdn"));
    assertFalse(created.json().getBoolean("hasPin"));
    assertEquals(4, created.json().getJsonArray("locks").size(), "one counter per factor");

    assertProblem(
        Api.admin()
            .post(
                "/api/v1/admin/customers",
                "{\"account\":\"" + account + "\",\"msisdn\":\"+447700900999\"}"),
        409,
        "customer-exists");
    assertEquals(
        "+447700900123",
        Api.admin().get("/api/v1/admin/customers/" + account).json().getString("msisdn"),
        "the refused duplicate changed nothing");
  }

  @Test
  void pinsFollowTheBankPolicyAndAreNeverShown() {
    String account = Fixtures.customerWithPin("123456");
    for (String bad : new String[] {"123", "12345678901", "12a4", ""}) {
      assertProblem(
          Api.admin()
              .put("/api/v1/admin/customers/" + account + "/pin", "{\"pin\":\"" + bad + "\"}"),
          400,
          "invalid-pin");
    }
    assertProblem(
        Api.admin().put("/api/v1/admin/customers/nobody-here/pin", "{\"pin\":\"1234\"}"),
        404,
        "unknown-customer");
    Api.Reply read = Api.admin().get("/api/v1/admin/customers/" + account);
    assertTrue(read.json().getBoolean("hasPin"));
    assertFalse(read.text().contains("123456"));
    assertFalse(read.text().contains("argon2"));
  }

  @Test
  void customersGetAnAppPasswordThatIsNeverShown() {
    String account = Fixtures.customerWithPin("246810");
    String path = "/api/v1/admin/customers/" + account + "/password";
    Api.Reply weak = Api.admin().put(path, "{\"password\":\"short\"}");
    assertProblem(weak, 400, "weak-password");
    assertTrue(weak.json().getJsonObject("fields").containsKey("password"));
    assertProblem(
        Api.admin().put(path, "{\"password\":\"my " + account + " secret\"}"),
        400,
        "weak-password");
    assertFalse(
        Api.admin().get("/api/v1/admin/customers/" + account).json().getBoolean("hasPassword"),
        "refused passwords change nothing");

    Api.Reply set = Api.admin().put(path, "{\"password\":\"correct horse battery\"}");
    assertEquals(204, set.status(), set::toString);
    Api.Reply read = Api.admin().get("/api/v1/admin/customers/" + account);
    assertTrue(read.json().getBoolean("hasPassword"));
    assertFalse(read.text().contains("horse"));
    assertProblem(
        Api.admin()
            .put(
                "/api/v1/admin/customers/nobody-at-all/password",
                "{\"password\":\"correct horse battery\"}"),
        404,
        "unknown-customer");
  }

  @Test
  void staffMustAuthenticate() {
    assertProblem(Api.anonymous().get("/api/v1/admin/systems"), 401, "unauthenticated");
    assertProblem(
        Api.basic("admin", "not-the-password").get("/api/v1/admin/systems"),
        401,
        "unauthenticated");
    assertProblem(
        Api.basic("mallory", Api.ADMIN_PASSWORD).get("/api/v1/admin/systems"),
        401,
        "unauthenticated");
    Fixtures.TestSystem system = Fixtures.textModeSystem("STANDARD", "PHONE");
    assertProblem(system.api().get("/api/v1/admin/systems"), 401, "unauthenticated");
    assertProblem(
        Api.admin().post("/api/v1/admin/customers/x/unlock", "{\"factor\":\"FACE\"}"),
        400,
        "malformed-json");
  }

  @Test
  void unknownPathsAndMethodsAreProblemsToo() {
    assertProblem(Api.admin().get("/api/v1/no-such-thing"), 404, "not-found");
    assertProblem(
        Api.admin().send("DELETE", "/api/v1/admin/systems", null), 405, "method-not-allowed");
  }
}
