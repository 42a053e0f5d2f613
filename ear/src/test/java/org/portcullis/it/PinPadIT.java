package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.it.Fixtures.TestSystem;
import org.portcullis.time.PortcullisClock;

/** The PIN pad end to end over HTTP, inside the server, against the assembled EAR. */
@ExtendWith(ArquillianExtension.class)
class PinPadIT {

  private static final String SESSIONS = "/api/v1/pinpad/sessions";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Inject PortcullisClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static JsonObject open(TestSystem system, String account) {
    Api.Reply reply = system.api().post(SESSIONS, "{\"account\":\"" + account + "\"}");
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  private static Api.Reply answer(TestSystem system, JsonObject pad, String otc) {
    return system
        .api()
        .post(
            SESSIONS + "/" + pad.getString("sessionKey") + "/verification",
            "{\"otc\":\"" + otc + "\"}");
  }

  private static String result(Api.Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getString("result");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "STANDARD, PHONE, 4, 3",
    "REVERSE, CALCULATOR, 4, 3",
    "ADD_N, GRID_2X5, 2, 5",
    "STANDARD, GRID_5X2, 5, 2"
  })
  void theRightClicksVerify(String algorithm, String layout, int rows, int cols) {
    TestSystem system = Fixtures.textModeSystem(algorithm, layout);
    String account = Fixtures.customerWithPin("482915");
    JsonObject pad = open(system, account);

    assertEquals(rows, pad.getJsonObject("layout").getInt("rows"));
    assertEquals(cols, pad.getJsonObject("layout").getInt("cols"));
    assertEquals(10, pad.getJsonArray("cells").size());
    Set<Integer> digits = new HashSet<>();
    Set<String> places = new HashSet<>();
    for (JsonObject cell : pad.getJsonArray("cells").getValuesAs(JsonObject.class)) {
      digits.add(cell.getInt("digit"));
      places.add(cell.getInt("row") + "," + cell.getInt("col"));
      assertTrue(cell.getInt("row") < rows && cell.getInt("col") < cols);
    }
    assertEquals(10, digits.size(), "each digit shown once");
    assertEquals(10, places.size(), "each cell in its own place");

    assertEquals("OK", result(answer(system, pad, Fixtures.clicksFor(pad, "482915"))));
  }

  @Test
  void cellsArePngImagesAndTheDigitsNeverTextUnlessAllowed() throws IOException {
    TestSystem system =
        Fixtures.system(
            "{\"algorithm\":\"STANDARD\",\"layout\":\"PHONE\",\"shuffle\":true,\"textMode\":false}");
    String account = Fixtures.customerWithPin("1357");
    Api.Reply opened = system.api().post(SESSIONS, "{\"account\":\"" + account + "\"}");
    assertEquals(201, opened.status());
    assertTrue(
        opened.header("Location").orElseThrow().contains(opened.json().getString("sessionKey")));
    assertFalse(opened.text().contains("\"digit\""), "no digit in the JSON: " + opened.text());

    for (JsonObject cell : opened.json().getJsonArray("cells").getValuesAs(JsonObject.class)) {
      Api.Reply image = Api.anonymous().get(cell.getString("imageUrl"));
      assertEquals(200, image.status());
      assertEquals("image/png", image.contentType());
      assertTrue(image.header("Cache-Control").orElse("").contains("no-store"));
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
      assertNotNull(decoded, "a real PNG");
      assertTrue(decoded.getWidth() >= 32 && decoded.getHeight() >= 32);
    }
    String key = opened.json().getString("sessionKey");
    assertEquals(404, Api.anonymous().get(SESSIONS + "/" + key + "/cells/11.png").status());
    assertEquals(404, Api.anonymous().get(SESSIONS + "/nosuchsession/cells/1.png").status());
  }

  @Test
  void aPadAcceptsOneAnswer() {
    TestSystem system = Fixtures.textModeSystem("STANDARD", "PHONE");
    String account = Fixtures.customerWithPin("2468");
    JsonObject pad = open(system, account);
    String otc = Fixtures.clicksFor(pad, "2468");

    assertEquals("OK", result(answer(system, pad, otc)));
    Api.Reply again = answer(system, pad, otc);
    assertEquals(409, again.status());
    assertEquals("application/problem+json", again.contentType());
    assertEquals("urn:portcullis:problem:session-answered", again.json().getString("type"));
    assertEquals(
        410,
        Api.anonymous().get(SESSIONS + "/" + pad.getString("sessionKey") + "/cells/1.png").status(),
        "an answered pad shows no more images");
  }

  @Test
  void aPadExpiresAfterItsLifetime() {
    TestSystem system = Fixtures.textModeSystem("REVERSE", "PHONE");
    String account = Fixtures.customerWithPin("97531");
    JsonObject pad = open(system, account);

    clock.advance(Duration.ofMinutes(2).plusSeconds(1));

    assertEquals(
        410,
        Api.anonymous()
            .get(SESSIONS + "/" + pad.getString("sessionKey") + "/cells/3.png")
            .status());
    assertEquals("EXPIRED", result(answer(system, pad, Fixtures.clicksFor(pad, "97531"))));
  }

  @Test
  void fiveWrongAnswersLockThePinPadUntilStaffUnlock() {
    TestSystem system = Fixtures.textModeSystem("STANDARD", "GRID_2X5");
    String account = Fixtures.customerWithPin("0000");
    // a PIN of one repeated digit: any other digit in the first click is wrong
    for (int attempt = 1; attempt <= 5; attempt++) {
      JsonObject pad = open(system, account);
      assertEquals("FAIL", result(answer(system, pad, Fixtures.wrongClicks(pad, "0000"))));
    }
    JsonObject customer = Api.admin().get("/api/v1/admin/customers/" + account).json();
    JsonObject pinpadLock =
        customer.getJsonArray("locks").getValuesAs(JsonObject.class).stream()
            .filter(l -> l.getString("factor").equals("PINPAD"))
            .findFirst()
            .orElseThrow();
    assertTrue(pinpadLock.getBoolean("locked"));
    assertEquals(5, pinpadLock.getInt("failures"));

    JsonObject locked = open(system, account);
    assertEquals("LOCKED", result(answer(system, locked, Fixtures.clicksFor(locked, "0000"))));

    // the lock lapses after a minute; a wrong answer then locks for two
    clock.advance(Duration.ofSeconds(61));
    JsonObject afterLapse = open(system, account);
    assertEquals(
        "FAIL", result(answer(system, afterLapse, Fixtures.wrongClicks(afterLapse, "0000"))));
    clock.advance(Duration.ofSeconds(61));
    JsonObject stillLocked = open(system, account);
    assertEquals(
        "LOCKED", result(answer(system, stillLocked, Fixtures.clicksFor(stillLocked, "0000"))));

    Api.Reply unlock =
        Api.admin()
            .post("/api/v1/admin/customers/" + account + "/unlock", "{\"factor\":\"PINPAD\"}");
    assertEquals(204, unlock.status(), unlock::toString);
    JsonObject unlocked = open(system, account);
    assertEquals("OK", result(answer(system, unlocked, Fixtures.clicksFor(unlocked, "0000"))));
  }

  @Test
  void anUnknownAccountGetsALookalikePadThatNeverSucceeds() {
    TestSystem system = Fixtures.textModeSystem("STANDARD", "PHONE");
    String known = Fixtures.customerWithPin("1234");
    JsonObject real = open(system, known);
    JsonObject fake = open(system, "nobody-" + System.nanoTime());

    assertEquals(real.keySet(), fake.keySet());
    assertEquals(real.getJsonObject("layout"), fake.getJsonObject("layout"));
    assertEquals(real.getJsonArray("cells").size(), fake.getJsonArray("cells").size());
    assertEquals(real.getString("sessionKey").length(), fake.getString("sessionKey").length());
    assertEquals("FAIL", result(answer(system, fake, Fixtures.clicksFor(fake, "1234"))));
  }

  @Test
  void badInputIsAProblemAndChangesNothing() {
    TestSystem system = Fixtures.textModeSystem("STANDARD", "PHONE");
    String account = Fixtures.customerWithPin("5555");
    JsonObject pad = open(system, account);
    String key = pad.getString("sessionKey");

    Api.Reply letters = answer(system, pad, "12a4");
    Api.Reply tooShort = answer(system, pad, "123");
    Api.Reply noBody = system.api().post(SESSIONS + "/" + key + "/verification", null);
    Api.Reply notJson = system.api().post(SESSIONS + "/" + key + "/verification", "{otc: 12");
    Api.Reply noAccount = system.api().post(SESSIONS, "{}");
    assertAll(
        () -> assertProblem(letters, 400, "invalid-input"),
        () ->
            assertEquals(
                "must be 4 to 10 digits", letters.json().getJsonObject("fields").getString("otc")),
        () -> assertProblem(tooShort, 400, "invalid-input"),
        () -> assertProblem(noBody, 400, "invalid-input"),
        () -> assertProblem(notJson, 400, "malformed-json"),
        () -> assertProblem(noAccount, 400, "invalid-input"),
        () -> assertTrue(noAccount.json().getJsonObject("fields").containsKey("account")));

    // none of that consumed the pad or counted as a failure
    assertEquals("OK", result(answer(system, pad, Fixtures.clicksFor(pad, "5555"))));
    JsonObject customer = Api.admin().get("/api/v1/admin/customers/" + account).json();
    customer
        .getJsonArray("locks")
        .getValuesAs(JsonObject.class)
        .forEach(l -> assertEquals(0, l.getInt("failures")));
  }

  @Test
  void callersMustAuthenticateAndOnlyTouchTheirOwnPads() {
    TestSystem mine = Fixtures.textModeSystem("STANDARD", "PHONE");
    TestSystem other = Fixtures.textModeSystem("STANDARD", "PHONE");
    String account = Fixtures.customerWithPin("8080");
    JsonObject pad = open(mine, account);

    Api.Reply anonymous = Api.anonymous().post(SESSIONS, "{\"account\":\"" + account + "\"}");
    assertProblem(anonymous, 401, "unauthenticated");
    assertTrue(anonymous.header("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertProblem(
        Api.basic(mine.systemId(), "wrong-secret").post(SESSIONS, "{\"account\":\"x\"}"),
        401,
        "unauthenticated");
    assertProblem(
        Api.basic("00000000", mine.secret()).post(SESSIONS, "{\"account\":\"x\"}"),
        401,
        "unauthenticated");
    assertProblem(answer(other, pad, Fixtures.clicksFor(pad, "8080")), 404, "unknown-session");
    assertProblem(
        Api.admin().post(SESSIONS, "{\"account\":\"" + account + "\"}"), 401, "unauthenticated");

    assertEquals("OK", result(answer(mine, pad, Fixtures.clicksFor(pad, "8080"))));
  }

  static void assertProblem(Api.Reply reply, int status, String slug) {
    assertEquals(status, reply.status(), reply::toString);
    assertEquals("application/problem+json", reply.contentType(), reply::toString);
    JsonObject problem = reply.json();
    assertEquals("urn:portcullis:problem:" + slug, problem.getString("type"), reply::toString);
    assertEquals(status, problem.getInt("status"));
    assertFalse(problem.getString("detail").isBlank());
  }
}
