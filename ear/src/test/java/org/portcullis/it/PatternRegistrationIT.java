package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.it.Fixtures.TestCustomer;
import org.portcullis.time.PortcullisClock;

/**
 * Pattern tables and pattern registration over HTTP (SPEC §3.1): the strength rule, the link sent
 * by SMS and mail, phone confirmation by SMS code, form, candidates and narrowing, provisional
 * until confirmed, single use and expiry.
 */
@ExtendWith(ArquillianExtension.class)
class PatternRegistrationIT {

  private static final String TABLES = "/api/v1/admin/pattern-tables";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Inject PortcullisClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static String registration(String token) {
    return PatternFixtures.registration(token);
  }

  @Test
  void defaultTablesExistAndAWeakTableIsRefusedWithBothNumbers() {
    List<String> shapes =
        Api.admin().get(TABLES).jsonArray().getValuesAs(JsonObject.class).stream()
            .map(t -> t.getInt("rows") + "x" + t.getInt("cols") + "/" + t.getInt("minLength"))
            .toList();
    assertTrue(shapes.contains("4x12/6"), shapes::toString);
    assertTrue(shapes.contains("4x4/4"), shapes::toString);

    Api.Reply weak =
        Api.admin()
            .post(
                TABLES,
                "{\"name\":\"Tiny "
                    + System.nanoTime()
                    + "\",\"rows\":2,\"cols\":2,\"minLength\":4}");
    assertEquals(400, weak.status(), weak::toString);
    assertEquals("application/problem+json", weak.contentType());
    assertTrue(weak.json().getString("detail").contains("24"), weak::toString);
    assertTrue(weak.json().getString("detail").contains("10000"), weak::toString);

    String name = "Square " + System.nanoTime();
    Api.Reply created =
        Api.admin()
            .post(TABLES, "{\"name\":\"" + name + "\",\"rows\":5,\"cols\":5,\"minLength\":5}");
    assertEquals(201, created.status(), created::toString);
    long id = created.json().getJsonNumber("tableId").longValue();
    JsonObject table = Api.admin().get(TABLES + "/" + id).json();
    assertEquals("6375600", table.getString("orderedSelections"));
    assertEquals("100000", table.getString("pins"));
    assertEquals(2, table.getInt("maxCellUses"));
    assertEquals(
        409,
        Api.admin()
            .post(TABLES, "{\"name\":\"" + name + "\",\"rows\":5,\"cols\":5,\"minLength\":5}")
            .status());

    Api.Reply changed = Api.admin().put(TABLES + "/" + id, "{\"minLength\":6,\"maxCellUses\":1}");
    assertEquals(200, changed.status(), changed::toString);
    assertEquals(6, changed.json().getInt("minLength"));
    Api.Reply weakened =
        Api.admin().put(TABLES + "/" + id, "{\"rows\":1,\"cols\":3,\"minLength\":3}");
    assertEquals(400, weakened.status(), weakened::toString);
    assertEquals(6, Api.admin().get(TABLES + "/" + id).json().getInt("minLength"), "unchanged");

    Api.Reply retired = Api.admin().post(TABLES + "/" + id + "/retire", null);
    assertEquals(200, retired.status(), retired::toString);
    assertTrue(retired.json().getBoolean("retired"));
    TestCustomer customer = Fixtures.customer();
    Api.Reply onRetired =
        Api.admin()
            .post(
                "/api/v1/admin/customers/" + customer.account() + "/pattern-registration",
                "{\"tableId\":" + id + "}");
    assertEquals(409, onRetired.status(), onRetired::toString);
    assertEquals(401, Api.basic("nobody", "wrong").post(TABLES, "{}").status());
  }

  @Test
  void formRegistrationIsProvisionalUntilConfirmedThenTheLinkIsUsed() throws Exception {
    TestCustomer customer = customerWithEmail();
    String token =
        PatternFixtures.registrationToken(customer.account(), PatternFixtures.TABLE_4X4, null);
    // the link went out by SMS and by mail with its QR code
    String sms = Peers.awaitSmsTo(customer.msisdn(), t -> t.contains(token));
    assertTrue(sms.contains("/register/pattern.html#" + token), sms);
    Message mail = Peers.awaitMail(customer.msisdn().substring(1) + "@example.org", m -> true);
    assertTrue(hasInlinePng((Multipart) mail.getContent()), "QR code inline");

    JsonObject overview = Api.anonymous().get(registration(token)).json();
    assertEquals(4, overview.getJsonObject("table").getInt("rows"));
    assertEquals("OPEN", overview.getString("state"));
    assertTrue(
        overview
            .getJsonObject("phone")
            .getString("maskedMsisdn")
            .endsWith(customer.msisdn().substring(customer.msisdn().length() - 3)));

    // the rules: all cells adjacent, too short, cell out of range, bad rule, negative in VARIABLE
    assertRule(token, "{\"positions\":\"1,2,3,4\"}", "all-adjacent");
    assertRule(token, "{\"positions\":\"1,3\"}", "too-short");
    assertRule(token, "{\"positions\":\"1,3,9,17\"}", "cell-out-of-range");
    assertRule(token, "{\"positions\":\"1,3,9,11\",\"rule\":\"/0\"}", "division-by-zero");
    assertRule(
        token,
        "{\"positions\":\"1,3,9,11\",\"rule\":\"-5\",\"mode\":\"VARIABLE\"}",
        "negative-result");
    assertRule(token, "{\"positions\":\"1,1,1,3,9\"}", "cell-overused");

    Api.Reply grid =
        Api.anonymous().post(registration(token), "{\"positions\":\"3,6,16,9\",\"rule\":\"+2\"}");
    assertEquals(200, grid.status(), grid::toString);
    String digits = grid.json().getString("digits");
    assertEquals(16, digits.length());
    String right = PatternFixtures.password(digits, new int[] {3, 6, 16, 9}, 2);

    // the phone comes first
    Api.Reply unconfirmed =
        Api.anonymous()
            .post(registration(token) + "/confirmation", "{\"password\":\"" + right + "\"}");
    assertEquals(409, unconfirmed.status(), unconfirmed::toString);
    assertTrue(unconfirmed.text().contains("phone-unconfirmed"));
    PatternFixtures.confirmPhone(customer, token);

    // a wrong answer keeps it provisional with a fresh grid
    String wrong = (char) ('0' + (right.charAt(0) - '0' + 1) % 10) + right.substring(1);
    Api.Reply refused =
        Api.anonymous()
            .post(registration(token) + "/confirmation", "{\"password\":\"" + wrong + "\"}");
    assertEquals(400, refused.status(), refused::toString);
    assertTrue(refused.text().contains("confirmation-failed"));
    JsonObject fresh = Api.anonymous().get(registration(token) + "/confirmation").json();
    assertEquals("PROVISIONAL", Api.anonymous().get(registration(token)).json().getString("state"));
    String answer = PatternFixtures.password(fresh.getString("digits"), new int[] {3, 6, 16, 9}, 2);
    Api.Reply formal =
        Api.anonymous()
            .post(registration(token) + "/confirmation", "{\"password\":\"" + answer + "\"}");
    assertEquals(200, formal.status(), formal::toString);
    assertEquals("FORMAL", formal.json().getString("state"));
    assertEquals(410, Api.anonymous().get(registration(token)).status(), "single use");

    // the customer can now verify with it
    PatternFixtures.PatternCustomer withHandset = PatternFixtures.withHandset(customer);
    Fixtures.TestSystem bank = PatternFixtures.verifier();
    JsonObject challenge =
        withHandset
            .api()
            .post("/api/v1/pattern/challenges", "{\"systemId\":\"" + bank.systemId() + "\"}")
            .json();
    String password =
        PatternFixtures.password(challenge.getString("digits"), new int[] {3, 6, 16, 9}, 2);
    Api.Reply ok =
        bank.api()
            .post(
                "/api/v1/pattern/verifications",
                "{\"account\":\"" + customer.account() + "\",\"password\":\"" + password + "\"}");
    assertEquals("OK", ok.json().getString("result"), ok::toString);
  }

  @Test
  void aProvisionalPatternLapsesAfterFifteenMinutesAndTheLinkAfterADay() {
    TestCustomer customer = Fixtures.customer();
    String token =
        PatternFixtures.registrationToken(customer.account(), PatternFixtures.TABLE_4X4, null);
    PatternFixtures.confirmPhone(customer, token);
    Api.Reply grid = Api.anonymous().post(registration(token), "{\"positions\":\"3,6,16,9\"}");
    assertEquals(200, grid.status(), grid::toString);
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    String password =
        PatternFixtures.password(grid.json().getString("digits"), new int[] {3, 6, 16, 9}, 0);
    Api.Reply lapsed =
        Api.anonymous()
            .post(registration(token) + "/confirmation", "{\"password\":\"" + password + "\"}");
    assertEquals(410, lapsed.status(), lapsed::toString);
    assertEquals("OPEN", Api.anonymous().get(registration(token)).json().getString("state"));
    clock.advance(Duration.ofHours(24));
    assertEquals(410, Api.anonymous().get(registration(token)).status());
    assertEquals(404, Api.anonymous().get(registration("A".repeat(43))).status());
  }

  @Test
  void candidatesAreStableAndMeetTheRules() {
    TestCustomer customer = Fixtures.customer();
    String token =
        PatternFixtures.registrationToken(customer.account(), PatternFixtures.TABLE_4X12, null);
    String first = candidate(token, 1);
    assertEquals(first, candidate(token, 1), "back to 1 gives the same candidate");
    assertNotEquals(first, candidate(token, 2));
    for (int n = 1; n <= 5; n++) {
      int[] cells = PatternFixtures.cells(candidate(token, n));
      assertEquals(6, cells.length);
      for (int i = 1; i < cells.length; i++) {
        int a = cells[i - 1] - 1;
        int b = cells[i] - 1;
        boolean adjacent = Math.abs(a / 12 - b / 12) <= 1 && Math.abs(a % 12 - b % 12) <= 1;
        assertTrue(!adjacent, "no two consecutive cells adjacent: " + candidate(token, n));
      }
    }
    // and a candidate registers like any pattern
    confirmAsFormal(customer, token, first);
  }

  @Test
  void narrowingFindsThePatternInTwoAnswers() {
    TestCustomer customer = Fixtures.customer();
    String token =
        PatternFixtures.registrationToken(customer.account(), PatternFixtures.TABLE_4X12, null);
    int[] mine = {7, 30, 2, 45, 19, 33};
    JsonObject round =
        Api.anonymous().post(registration(token) + "/narrowing", "{\"length\":6}").json();
    assertEquals(1, round.getInt("round"));
    Api.Reply wrongLength =
        Api.anonymous().post(registration(token) + "/narrowing/answers", "{\"digits\":\"12\"}");
    assertEquals(400, wrongLength.status(), wrongLength::toString);
    assertEquals("urn:portcullis:problem:narrowing-mismatch", wrongLength.json().getString("type"));
    int answers = 0;
    while (!round.containsKey("positions") || round.isNull("positions")) {
      JsonArray shown = round.getJsonArray("digits");
      StringBuilder typed = new StringBuilder();
      for (int cell : mine) {
        assertNotEquals(JsonValue.NULL, shown.get(cell - 1), "my cells are shown");
        typed.append(shown.getInt(cell - 1));
      }
      Api.Reply next =
          Api.anonymous()
              .post(registration(token) + "/narrowing/answers", "{\"digits\":\"" + typed + "\"}");
      assertEquals(200, next.status(), next::toString);
      round = next.json();
      answers++;
      assertTrue(answers <= 2, "two answers suffice");
    }
    assertEquals("7,30,2,45,19,33", round.getString("positions"));
    confirmAsFormal(customer, token, round.getString("positions"));
    assertEquals(
        410,
        Api.anonymous()
            .post(registration(token) + "/narrowing/answers", "{\"digits\":\"123456\"}")
            .status(),
        "the link is used");
  }

  @Test
  void aFixedPasswordIsAcceptedOnlyAsTyped() {
    TestCustomer customer = Fixtures.customer();
    String token =
        PatternFixtures.registrationToken(customer.account(), PatternFixtures.TABLE_4X4, null);
    PatternFixtures.confirmPhone(customer, token);
    assertRule(token, "{\"positions\":\"F\",\"fixedPassword\":\"12\"}", "bad-fixed-password");
    Api.Reply grid =
        Api.anonymous()
            .post(registration(token), "{\"positions\":\"F\",\"fixedPassword\":\"480213\"}");
    assertEquals(200, grid.status(), grid::toString);
    assertEquals(
        400,
        Api.anonymous()
            .post(registration(token) + "/confirmation", "{\"password\":\"480214\"}")
            .status());
    Api.Reply formal =
        Api.anonymous().post(registration(token) + "/confirmation", "{\"password\":\"480213\"}");
    assertEquals(200, formal.status(), formal::toString);

    PatternFixtures.PatternCustomer withHandset = PatternFixtures.withHandset(customer);
    Fixtures.TestSystem bank = PatternFixtures.verifier();
    for (String[] typed :
        new String[][] {
          {"480213", "OK", "NONE"}, {"4802132", "OK", "DURESS"}, {"480219", "FAIL", "NONE"}
        }) {
      assertEquals(
          201,
          withHandset
              .api()
              .post("/api/v1/pattern/challenges", "{\"systemId\":\"" + bank.systemId() + "\"}")
              .status());
      JsonObject answer =
          bank.api()
              .post(
                  "/api/v1/pattern/verifications",
                  "{\"account\":\"" + customer.account() + "\",\"password\":\"" + typed[0] + "\"}")
              .json();
      assertEquals(typed[1], answer.getString("result"), typed[0]);
      assertEquals(typed[2], answer.getString("function"), typed[0]);
    }
  }

  /** Confirms the phone, submits {@code positions} (no rule) and answers the confirmation grid. */
  private static void confirmAsFormal(TestCustomer customer, String token, String positions) {
    PatternFixtures.confirmPhone(customer, token);
    Api.Reply grid =
        Api.anonymous().post(registration(token), "{\"positions\":\"" + positions + "\"}");
    assertEquals(200, grid.status(), grid::toString);
    String password =
        PatternFixtures.password(
            grid.json().getString("digits"), PatternFixtures.cells(positions), 0);
    Api.Reply formal =
        Api.anonymous()
            .post(registration(token) + "/confirmation", "{\"password\":\"" + password + "\"}");
    assertEquals(200, formal.status(), formal::toString);
    assertEquals("FORMAL", formal.json().getString("state"));
  }

  private static String candidate(String token, int n) {
    Api.Reply reply = Api.anonymous().get(registration(token) + "/candidates/" + n);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getString("positions");
  }

  private static void assertRule(String token, String body, String rule) {
    Api.Reply reply = Api.anonymous().post(registration(token), body);
    assertEquals(400, reply.status(), reply::toString);
    assertEquals("urn:portcullis:problem:" + rule, reply.json().getString("type"), reply::toString);
  }

  private static TestCustomer customerWithEmail() {
    TestCustomer plain = Fixtures.customer();
    String account = plain.account() + "m";
    String msisdn = "+4478" + plain.msisdn().substring(5);
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/admin/customers",
                "{\"account\":\""
                    + account
                    + "\",\"msisdn\":\""
                    + msisdn
                    + "\",\"email\":\""
                    + msisdn.substring(1)
                    + "@example.org\"}");
    assertEquals(201, created.status(), created::toString);
    return new TestCustomer(account, msisdn);
  }

  private static boolean hasInlinePng(Multipart multipart) throws Exception {
    List<BodyPart> parts = new ArrayList<>();
    for (int i = 0; i < multipart.getCount(); i++) {
      parts.add(multipart.getBodyPart(i));
    }
    for (BodyPart part : parts) {
      if (part.isMimeType("image/png")) {
        return true;
      }
      if (part.getContent() instanceof Multipart nested && hasInlinePng(nested)) {
        return true;
      }
    }
    return false;
  }
}
