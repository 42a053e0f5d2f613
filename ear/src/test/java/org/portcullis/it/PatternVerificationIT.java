package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.alert.AlertService;
import org.portcullis.it.Fixtures.TestSystem;
import org.portcullis.it.PatternFixtures.PatternCustomer;
import org.portcullis.time.PortcullisClock;

/**
 * Pattern verification over HTTP (SPEC §3.2-3.5): both flows with real handset tokens, single use,
 * expiry, illegitimate answers, temporary and pairwise IDs, function codes and duress, lockout,
 * confirmers, bad input.
 */
@ExtendWith(ArquillianExtension.class)
class PatternVerificationIT {

  private static final String CHALLENGES = "/api/v1/pattern/challenges";
  private static final String VERIFICATIONS = "/api/v1/pattern/verifications";
  private static final String USE_IDS = "/api/v1/pattern/use-ids";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Inject PortcullisClock clock;
  @Inject AlertService alerts;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static JsonObject challenge(PatternCustomer customer, TestSystem system) {
    return challenge(customer, "{\"systemId\":\"" + system.systemId() + "\"}");
  }

  private static JsonObject challenge(PatternCustomer customer, String body) {
    Api.Reply reply = customer.api().post(CHALLENGES, body);
    assertEquals(201, reply.status(), reply::toString);
    assertTrue(reply.header("Cache-Control").orElse("").contains("no-store"), reply::toString);
    return reply.json();
  }

  private static String passwordFor(JsonObject grid) {
    return PatternFixtures.password(
        grid.getString("digits"), PatternFixtures.CELLS, PatternFixtures.ADD);
  }

  /** A password of the right length that is certainly wrong. */
  private static String wrong(String password) {
    char first = password.charAt(0);
    return (char) ('0' + (first - '0' + 1) % 10) + password.substring(1);
  }

  private static JsonObject verify(TestSystem system, String account, String password) {
    Api.Reply reply =
        system
            .api()
            .post(
                VERIFICATIONS,
                "{\"account\":\"" + account + "\",\"password\":\"" + password + "\"}");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  @Test
  void flowAVerifiesOnceWithAStablePairwiseIdPerSystem() {
    PatternCustomer customer = PatternFixtures.registered();
    TestSystem bank = PatternFixtures.verifier();
    TestSystem shop = PatternFixtures.verifier();

    JsonObject grid = challenge(customer, bank);
    assertEquals(4, grid.getInt("rows"));
    assertEquals(12, grid.getInt("cols"));
    assertEquals(48, grid.getString("digits").length());
    assertFalse(grid.containsKey("tempId") && !grid.isNull("tempId"), "no temp IDs by default");
    String password = passwordFor(grid);

    JsonObject ok = verify(bank, customer.account(), password);
    assertEquals("OK", ok.getString("result"));
    assertEquals("NONE", ok.getString("function"));
    String pairwise = ok.getString("pairwiseId");
    assertTrue(pairwise.matches("[0-9]{8}"), pairwise);
    assertFalse(ok.getString("verificationId").isEmpty());

    // consumed: the same answer again finds no pending verification
    JsonObject again = verify(bank, customer.account(), password);
    assertEquals("FAIL", again.getString("result"));
    assertEquals("NONE", again.getString("function"));
    assertFalse(again.containsKey("pairwiseId"), "no pairwise ID without success");

    // stable at the same system, different at another
    assertEquals(
        pairwise,
        verify(bank, customer.account(), passwordFor(challenge(customer, bank)))
            .getString("pairwiseId"));
    String atShop =
        verify(shop, customer.account(), passwordFor(challenge(customer, shop)))
            .getString("pairwiseId");
    assertNotEquals(pairwise, atShop);
  }

  @Test
  void answersWithoutAPendingVerificationFailAndAreAuditedAsIllegitimate() {
    PatternCustomer customer = PatternFixtures.registered();
    TestSystem bank = PatternFixtures.verifier();
    JsonObject none = verify(bank, customer.account(), "123456");
    assertEquals("FAIL", none.getString("result"));
    JsonObject unknown = verify(bank, "nobody-" + System.nanoTime(), "123456");
    assertEquals("FAIL", unknown.getString("result"));
    assertEquals(none.keySet(), unknown.keySet(), "same shape for known and unknown accounts");
    Api.Reply audit = Api.admin().get("/api/v1/admin/audit?action=pattern.verify&limit=50");
    assertEquals(200, audit.status(), audit::toString);
    assertTrue(audit.text().contains("ILLEGITIMATE"), audit::toString);
    // an illegitimate answer is not a failure of the customer's pattern
    JsonObject customerView =
        Api.admin().get("/api/v1/admin/customers/" + customer.account()).json();
    assertTrue(
        customerView.getJsonArray("locks").getValuesAs(JsonObject.class).stream()
            .allMatch(lock -> lock.getInt("failures") == 0),
        customerView::toString);
  }

  @Test
  void aGridExpiresAfterItsLifetimeAndANewChallengeReplacesTheOld() {
    PatternCustomer customer = PatternFixtures.registered();
    TestSystem bank = PatternFixtures.verifier();

    String password = passwordFor(challenge(customer, bank));
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertEquals("FAIL", verify(bank, customer.account(), password).getString("result"));

    String first = passwordFor(challenge(customer, bank));
    String second = passwordFor(challenge(customer, bank));
    if (!first.equals(second)) {
      assertEquals("FAIL", verify(bank, customer.account(), first).getString("result"));
      assertEquals(
          "OK",
          verify(bank, customer.account(), passwordFor(challenge(customer, bank)))
              .getString("result"));
    }
    JsonObject third = challenge(customer, bank);
    assertEquals("OK", verify(bank, customer.account(), passwordFor(third)).getString("result"));
  }

  @Test
  void everyDefaultFunctionCodeAndACustomTable() {
    PatternCustomer customer = PatternFixtures.registered();
    TestSystem bank =
        Fixtures.system("[\"VERIFIER\"]", "\"pattern\":{\"duressLockAfter\":\"NEVER\"}");
    String[][] cases = {{"0", "PRACTICE"}, {"1", "READ_ONLY"}, {"2", "DURESS"}, {"9", "DUMMY"}};
    for (String[] c : cases) {
      JsonObject answer =
          verify(bank, customer.account(), passwordFor(challenge(customer, bank)) + c[0]);
      assertEquals("OK", answer.getString("result"), c[1]);
      assertEquals(c[1], answer.getString("function"));
      assertTrue(answer.getString("pairwiseId").matches("[0-9]{8}"));
    }
    // an unknown code, or one digit too many or too few: failure
    assertEquals(
        "FAIL",
        verify(bank, customer.account(), passwordFor(challenge(customer, bank)) + "5")
            .getString("result"));
    assertEquals(
        "FAIL",
        verify(bank, customer.account(), passwordFor(challenge(customer, bank)) + "00")
            .getString("result"));

    Api.Reply changed =
        Api.admin()
            .put(
                "/api/v1/admin/systems/" + bank.systemId() + "/function-codes",
                "{\"positions\":[3,1],\"codes\":{\"42\":\"SILENT_ALARM\",\"07\":\"PRACTICE\"}}");
    assertEquals(200, changed.status(), changed::toString);
    String password = passwordFor(challenge(customer, bank));
    // positions 3 and 1 from the right of the typed 8 characters: p p p p p 4 p 2 → code "42"
    String typed = password.substring(0, 5) + "4" + password.substring(5) + "2";
    JsonObject custom = verify(bank, customer.account(), typed);
    assertEquals("OK", custom.getString("result"));
    assertEquals("SILENT_ALARM", custom.getString("function"));
    assertEquals(
        "FAIL",
        verify(bank, customer.account(), passwordFor(challenge(customer, bank)) + "2")
            .getString("result"));

    Api.Reply bad =
        Api.admin()
            .put(
                "/api/v1/admin/systems/" + bank.systemId() + "/function-codes",
                "{\"positions\":[1],\"codes\":{\"12\":\"TOO_LONG\"}}");
    assertEquals(400, bad.status(), bad::toString);
    Api.Reply kept =
        Api.admin().get("/api/v1/admin/systems/" + bank.systemId() + "/function-codes");
    assertTrue(kept.text().contains("SILENT_ALARM"), kept::toString);
  }

  @Test
  void duressRaisesAnAlertNotifiesDutyAndLocksAfterTheSession() throws Exception {
    PatternCustomer customer = PatternFixtures.registered();
    TestSystem bank =
        Fixtures.system("[\"VERIFIER\"]", "\"pattern\":{\"duressLockAfter\":\"PT10M\"}");
    JsonObject plain = verify(bank, customer.account(), passwordFor(challenge(customer, bank)));
    JsonObject duress =
        verify(bank, customer.account(), passwordFor(challenge(customer, bank)) + "2");
    assertEquals(plain.keySet(), duress.keySet(), "same shape as a plain success");
    assertEquals("OK", duress.getString("result"));
    assertEquals("DURESS", duress.getString("function"));
    assertEquals(plain.getString("pairwiseId"), duress.getString("pairwiseId"));

    JsonObject alert =
        Api.admin().get("/api/v1/admin/alerts").jsonArray().getValuesAs(JsonObject.class).stream()
            .filter(a -> customer.account().equals(a.getString("account")))
            .findFirst()
            .orElseThrow();
    assertEquals("DURESS", alert.getString("kind"));
    assertEquals(bank.systemId(), alert.getString("systemId"));
    Peers.awaitMail(
        "duty@portcullis.test",
        m -> {
          try {
            return m.getSubject().contains("DURESS")
                    && String.valueOf(m.getContent()).contains(customer.account())
                || m.getSubject().contains("DURESS")
                    && m.getContent() instanceof jakarta.mail.Multipart mp
                    && mp.getBodyPart(0).getContent().toString().contains(customer.account());
          } catch (Exception e) {
            return false;
          }
        });

    // the session goes on undisturbed; the lock comes once the system's delay has passed
    assertEquals(
        201,
        customer.api().post(CHALLENGES, "{\"systemId\":\"" + bank.systemId() + "\"}").status());
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertTrue(alerts.applyDueLocks() >= 1);
    Api.Reply locked =
        customer.api().post(CHALLENGES, "{\"systemId\":\"" + bank.systemId() + "\"}");
    assertEquals(409, locked.status(), locked::toString);
    assertTrue(locked.text().contains("pattern-locked"), locked::toString);
    JsonObject view = Api.admin().get("/api/v1/admin/customers/" + customer.account()).json();
    assertTrue(
        view.getJsonArray("locks").getValuesAs(JsonObject.class).stream()
            .allMatch(lock -> lock.getBoolean("hardLocked")),
        view::toString);

    long id = alert.getJsonNumber("id").longValue();
    Api.Reply ack = Api.admin().post("/api/v1/admin/alerts/" + id + "/acknowledge", null);
    assertEquals(200, ack.status(), ack::toString);
    assertEquals("admin", ack.json().getString("acknowledgedBy"));
    assertEquals(
        409, Api.admin().post("/api/v1/admin/alerts/" + id + "/acknowledge", null).status());
    assertFalse(Api.admin().get("/api/v1/admin/alerts").text().contains("\"id\":" + id + ","));
  }

  @Test
  void temporaryIdsAreReusedUntilTheirUsesOrAgeRunOut() {
    PatternCustomer customer = PatternFixtures.registered();
    TestSystem desk =
        Fixtures.system(
            "[\"VERIFIER\"]",
            "\"pattern\":{\"tempIds\":{\"enabled\":true,\"maxAge\":\"PT1H\",\"maxUses\":2}}");
    JsonObject first = challenge(customer, desk);
    String tempId = first.getString("tempId");
    assertTrue(tempId.matches("[0-9]{8}"), tempId);
    Api.Reply byTemp =
        desk.api()
            .post(
                VERIFICATIONS,
                "{\"tempId\":\"" + tempId + "\",\"password\":\"" + passwordFor(first) + "\"}");
    assertEquals("OK", byTemp.json().getString("result"), byTemp::toString);

    assertEquals(tempId, challenge(customer, desk).getString("tempId"), "second use");
    String renewed = challenge(customer, desk).getString("tempId");
    assertNotEquals(tempId, renewed, "two uses spent");
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    JsonObject aged = challenge(customer, desk);
    assertNotEquals(renewed, aged.getString("tempId"), "older than its maximum age");
    // the old temporary ID no longer names the customer
    Api.Reply stale =
        desk.api()
            .post(
                VERIFICATIONS,
                "{\"tempId\":\"" + renewed + "\",\"password\":\"" + passwordFor(aged) + "\"}");
    assertEquals("FAIL", stale.json().getString("result"));
  }

  @Test
  void flowBByUseIdWithLongPoll() throws Exception {
    PatternCustomer customer = PatternFixtures.registered();
    TestSystem atm = PatternFixtures.verifier();
    Api.Reply issued = atm.api().post(USE_IDS, null);
    assertEquals(201, issued.status(), issued::toString);
    String useId = issued.json().getString("useId");
    assertTrue(useId.matches("[0-9]{6}"), useId);
    assertEquals("PENDING", atm.api().get(USE_IDS + "/" + useId).json().getString("state"));

    JsonObject grid = challenge(customer, "{\"useId\":\"" + useId + "\"}");
    // the use ID is single use
    assertEquals(404, customer.api().post(CHALLENGES, "{\"useId\":\"" + useId + "\"}").status());

    CompletableFuture<Api.Reply> longPoll =
        CompletableFuture.supplyAsync(() -> atm.api().get(USE_IDS + "/" + useId + "?wait=PT20S"));
    Thread.sleep(500);
    assertFalse(longPoll.isDone(), "the long-poll waits while the state is PENDING");
    Api.Reply answered =
        customer
            .api()
            .post(
                "/api/v1/pattern/answers",
                "{\"eventId\":\""
                    + grid.getString("eventId")
                    + "\",\"password\":\""
                    + passwordFor(grid)
                    + "\"}");
    assertEquals(202, answered.status(), answered::toString);
    JsonObject result = longPoll.get(10, TimeUnit.SECONDS).json();
    assertEquals("OK", result.getString("state"));
    assertEquals("NONE", result.getString("function"));
    assertTrue(result.getString("pairwiseId").matches("[0-9]{8}"));

    Api.Reply twice =
        customer
            .api()
            .post(
                "/api/v1/pattern/answers",
                "{\"eventId\":\""
                    + grid.getString("eventId")
                    + "\",\"password\":\""
                    + passwordFor(grid)
                    + "\"}");
    assertEquals(409, twice.status(), twice::toString);
    // another system cannot read it
    assertEquals(404, PatternFixtures.verifier().api().get(USE_IDS + "/" + useId).status());

    String late = atm.api().post(USE_IDS, null).json().getString("useId");
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertEquals("EXPIRED", atm.api().get(USE_IDS + "/" + late).json().getString("state"));
    assertEquals(404, customer.api().post(CHALLENGES, "{\"useId\":\"" + late + "\"}").status());
  }

  @Test
  void fiveWrongAnswersLockThePatternUntilStaffUnlock() {
    PatternCustomer customer = PatternFixtures.registered();
    TestSystem bank = PatternFixtures.verifier();
    for (int i = 0; i < 5; i++) {
      JsonObject grid = challenge(customer, bank);
      assertEquals(
          "FAIL", verify(bank, customer.account(), wrong(passwordFor(grid))).getString("result"));
    }
    Api.Reply locked =
        customer.api().post(CHALLENGES, "{\"systemId\":\"" + bank.systemId() + "\"}");
    assertEquals(409, locked.status(), locked::toString);
    Api.Reply unlock =
        Api.admin()
            .post(
                "/api/v1/admin/customers/" + customer.account() + "/unlock",
                "{\"factor\":\"PATTERN\"}");
    assertEquals(204, unlock.status(), unlock::toString);
    assertEquals(
        "OK",
        verify(bank, customer.account(), passwordFor(challenge(customer, bank)))
            .getString("result"));
  }

  @Test
  void aConfirmerGetsTheIntersectionOnce() {
    PatternCustomer customer = PatternFixtures.registered();
    Api.Reply stored =
        Api.admin()
            .put(
                "/api/v1/admin/customers/" + customer.account() + "/attributes",
                "{\"attributes\":{\"email\":\"ann@example.org\",\"address\":\"1 High St\",\"dateOfBirth\":\"1980-02-29\"}}");
    assertEquals(204, stored.status(), stored::toString);
    TestSystem hotel =
        Fixtures.system(
            "[\"VERIFIER\",\"CONFIRMER\"]", "\"attributeAllowance\":[\"email\",\"address\"]");
    JsonObject grid =
        challenge(
            customer,
            "{\"systemId\":\"" + hotel.systemId() + "\",\"disclose\":[\"email\",\"dateOfBirth\"]}");
    JsonObject ok = verify(hotel, customer.account(), passwordFor(grid));
    assertEquals("OK", ok.getString("result"));
    String path = VERIFICATIONS + "/" + ok.getString("verificationId") + "/attributes";
    Api.Reply released = hotel.api().get(path);
    assertEquals(200, released.status(), released::toString);
    JsonObject attributes = released.json().getJsonObject("attributes");
    assertEquals(1, attributes.size(), attributes::toString);
    assertEquals("ann@example.org", attributes.getString("email"));
    assertEquals(410, hotel.api().get(path).status(), "once");

    // a plain verifier may not be sent a disclosure set; a shared confirmer never gets attributes
    TestSystem bank = PatternFixtures.verifier();
    Api.Reply refused =
        customer
            .api()
            .post(
                CHALLENGES, "{\"systemId\":\"" + bank.systemId() + "\",\"disclose\":[\"email\"]}");
    assertEquals(400, refused.status(), refused::toString);
    TestSystem fleet =
        Fixtures.system(
            "[\"VERIFIER\",\"CONFIRMER\"]", "\"shared\":true,\"attributeAllowance\":[\"email\"]");
    JsonObject fleetOk = verify(fleet, customer.account(), passwordFor(challenge(customer, fleet)));
    assertEquals(
        403,
        fleet
            .api()
            .get(VERIFICATIONS + "/" + fleetOk.getString("verificationId") + "/attributes")
            .status());
  }

  @Test
  void aHandsetOverItsRateIsToldToWaitAndServedAgainAfterwards() {
    PatternCustomer customer = PatternFixtures.registered();
    TestSystem bank = PatternFixtures.verifier();
    // the handset limit is 10 per second with a burst of 40; the clock stands still so that a
    // slow machine cannot refill the bucket while the 60 requests go out
    clock.freeze();
    Api.Reply throttled = null;
    for (int i = 0; i < 60 && throttled == null; i++) {
      Api.Reply reply =
          customer.api().post(CHALLENGES, "{\"systemId\":\"" + bank.systemId() + "\"}");
      if (reply.status() == 429) {
        throttled = reply;
      } else {
        assertEquals(201, reply.status(), reply::toString);
      }
    }
    assertTrue(throttled != null, "60 challenges at once exceed the burst");
    assertEquals("application/problem+json", throttled.contentType());
    assertTrue(throttled.text().contains("rate-limited"), throttled::toString);
    long wait = Long.parseLong(throttled.header("Retry-After").orElseThrow());
    assertTrue(wait >= 1, "Retry-After in whole seconds");
    // the relying system has its own budget
    assertEquals("FAIL", verify(bank, customer.account(), "000000").getString("result"));
    clock.advance(Duration.ofSeconds(wait));
    assertEquals(
        "OK",
        verify(bank, customer.account(), passwordFor(challenge(customer, bank)))
            .getString("result"));
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    PatternCustomer customer = PatternFixtures.registered();
    TestSystem bank = PatternFixtures.verifier();
    JsonObject grid = challenge(customer, bank);
    String password = passwordFor(grid);
    Api.Reply both =
        bank.api()
            .post(
                VERIFICATIONS,
                "{\"account\":\""
                    + customer.account()
                    + "\",\"tempId\":\"12345678\",\"password\":\""
                    + password
                    + "\"}");
    assertEquals(400, both.status(), both::toString);
    assertEquals("application/problem+json", both.contentType());
    Api.Reply letters =
        bank.api()
            .post(
                VERIFICATIONS,
                "{\"account\":\"" + customer.account() + "\",\"password\":\"12ab\"}");
    assertEquals(400, letters.status(), letters::toString);
    assertEquals(400, bank.api().post(VERIFICATIONS, "{not json").status());
    assertEquals(400, customer.api().post(CHALLENGES, "{}").status());
    assertEquals(404, customer.api().post(CHALLENGES, "{\"systemId\":\"00000000\"}").status());
    assertEquals(
        401,
        Api.anonymous().post(CHALLENGES, "{\"systemId\":\"" + bank.systemId() + "\"}").status());
    assertEquals(
        401,
        Api.anonymous().post(VERIFICATIONS, "{\"account\":\"x\",\"password\":\"1\"}").status());
    // the pending verification survived all of that
    assertEquals("OK", verify(bank, customer.account(), password).getString("result"));
  }
}
