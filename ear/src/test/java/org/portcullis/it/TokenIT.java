package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.it.Fixtures.TestCustomer;
import org.portcullis.time.PortcullisClock;

/**
 * Access tokens end to end over HTTP (SPEC §3.7), with the server's default settings: policy
 * SAME_PERIOD, lifetime and period 14 days, ceiling 90 days. Time moves with the server's clock.
 */
@ExtendWith(ArquillianExtension.class)
class TokenIT {

  private static final String TOKENS = "/api/v1/tokens";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Inject PortcullisClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static Api.Reply login(String account, String password, String app, String terminal) {
    return Api.anonymous()
        .post(
            TOKENS,
            "{\"account\":\""
                + account
                + "\",\"password\":\""
                + password
                + "\",\"appId\":\""
                + app
                + "\",\"terminalId\":\""
                + terminal
                + "\"}");
  }

  private static String loggedIn(TestCustomer customer, String app, String terminal) {
    Api.Reply reply = login(customer.account(), Fixtures.PASSWORD, app, terminal);
    assertEquals(201, reply.status(), reply::toString);
    return reply.json().getString("token");
  }

  private static Api.Reply access(String token, String terminal) {
    return Api.bearer(token).post(TOKENS + "/access", "{\"terminalId\":\"" + terminal + "\"}");
  }

  private static String keyOf(String token) {
    return token.substring(0, token.indexOf('.'));
  }

  /** The customer's tokens as staff see them, by key. */
  private static Map<String, JsonObject> listed(TestCustomer customer) {
    Api.Reply reply = Api.admin().get("/api/v1/admin/customers/" + customer.account() + "/tokens");
    assertEquals(200, reply.status(), reply::toString);
    return reply.jsonArray().getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(t -> t.getString("key"), Function.identity()));
  }

  private static Instant expiry(TestCustomer customer, String token) {
    return Instant.parse(listed(customer).get(keyOf(token)).getString("expiresAt"));
  }

  private static void assertLoginRequired(Api.Reply reply, String accountHint) {
    assertEquals(401, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
    assertEquals("urn:portcullis:problem:login-required", reply.json().getString("type"));
    assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith("Bearer"), reply::toString);
    if (accountHint == null) {
      assertFalse(reply.json().containsKey("accountHint"), reply::toString);
    } else {
      assertEquals(accountHint, reply.json().getString("accountHint"), reply::toString);
    }
  }

  @Test
  void aLoginIssuesATokenThatTheAccessApproves() {
    TestCustomer customer = Fixtures.customerWithPassword();
    String terminal = Fixtures.terminal();
    Instant before = clock.now();
    Api.Reply reply = login(customer.account(), Fixtures.PASSWORD, "mobile-bank", terminal);
    assertEquals(201, reply.status(), reply::toString);
    assertTrue(reply.header("Cache-Control").orElse("").contains("no-store"), reply::toString);
    String token = reply.json().getString("token");
    assertTrue(token.matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"), token);
    Instant expiresAt = Instant.parse(reply.json().getString("expiresAt"));
    assertFalse(expiresAt.isBefore(before.plus(Duration.ofDays(14))), expiresAt::toString);
    assertTrue(expiresAt.isBefore(clock.now().plus(Duration.ofDays(14)).plusSeconds(1)));

    Api.Reply approved = access(token, terminal);
    assertEquals(200, approved.status(), approved::toString);
    assertEquals(customer.account(), approved.json().getString("account"));
    assertEquals("mobile-bank", approved.json().getString("appId"));
    assertTrue(approved.json().containsKey("expiresAt"));

    JsonObject listedToken = listed(customer).get(keyOf(token));
    assertEquals(terminal, listedToken.getString("terminalId"));
    assertEquals("mobile-bank", listedToken.getString("appId"));
    assertTrue(listedToken.containsKey("lastUsedAt"), listedToken::toString);
    String listing =
        Api.admin().get("/api/v1/admin/customers/" + customer.account() + "/tokens").text();
    assertFalse(listing.contains(token.substring(23)), "a listing never shows a secret");
    assertFalse(listing.contains("secret"), listing);
  }

  @Test
  void anAccessExtendsEveryTokenOfItsTerminalAndNoOther() {
    TestCustomer customer = Fixtures.customerWithPassword();
    String phone = Fixtures.terminal();
    String tablet = Fixtures.terminal();
    String bank = loggedIn(customer, "mobile-bank", phone);
    String cards = loggedIn(customer, "cards", phone);
    String onTablet = loggedIn(customer, "mobile-bank", tablet);
    Instant bankBefore = expiry(customer, bank);
    Instant cardsBefore = expiry(customer, cards);
    Instant tabletBefore = expiry(customer, onTablet);

    clock.advance(Duration.ofDays(5));
    // cards is the newer login (bank was pushed back by that login): cards gains five days
    Api.Reply approved = access(cards, phone);
    assertEquals(200, approved.status(), approved::toString);

    Instant cardsAfter = expiry(customer, cards);
    assertEquals(Instant.parse(approved.json().getString("expiresAt")), cardsAfter);
    Duration gain = Duration.between(cardsBefore, cardsAfter);
    assertTrue(gain.compareTo(Duration.ofDays(4)) > 0, gain::toString); // now + 14 days
    // SAME_PERIOD: the other token of the phone is pushed back by the same period
    assertEquals(bankBefore.plus(gain), expiry(customer, bank));
    // the tablet is another terminal: untouched
    assertEquals(tabletBefore, expiry(customer, onTablet));
  }

  @Test
  void aLoginExtendsTheTerminalsOtherTokensAndReplacesItsOwnApp() {
    TestCustomer customer = Fixtures.customerWithPassword();
    String phone = Fixtures.terminal();
    String bank = loggedIn(customer, "mobile-bank", phone);
    Instant bankBefore = expiry(customer, bank);
    String cards = loggedIn(customer, "cards", phone);

    clock.advance(Duration.ofDays(2));
    String cardsAgain = loggedIn(customer, "cards", phone);
    assertNotEquals(cards, cardsAgain);
    // SAME_PERIOD on login: the others gain the lifetime, twice by now
    assertEquals(bankBefore.plus(Duration.ofDays(28)), expiry(customer, bank));

    // the replaced token is gone: refused without a hint, as any unknown token
    assertLoginRequired(access(cards, phone), null);
    assertEquals(200, access(cardsAgain, phone).status());
    assertEquals(2, listed(customer).size());
  }

  @Test
  void anExpiredTokenOfThisTerminalNamesItsAccountAndNothingElseDoes() {
    TestCustomer customer = Fixtures.customerWithPassword();
    String phone = Fixtures.terminal();
    String token = loggedIn(customer, "mobile-bank", phone);
    String otherPhone = Fixtures.terminal();

    clock.advance(Duration.ofDays(14).plusSeconds(1));
    assertLoginRequired(access(token, phone), customer.account());
    assertLoginRequired(access(token, otherPhone), null);
    String wrongSecret = keyOf(token) + "." + "A".repeat(42) + "A";
    assertLoginRequired(access(wrongSecret, phone), null);
    assertLoginRequired(access("not-a-token", phone), null);
    Api.Reply noToken =
        Api.anonymous().post(TOKENS + "/access", "{\"terminalId\":\"" + phone + "\"}");
    assertLoginRequired(noToken, null);
  }

  @Test
  void noExtensionPassesTheCeilingOfNinetyDaysFromLogin() {
    TestCustomer customer = Fixtures.customerWithPassword();
    String phone = Fixtures.terminal();
    String token = loggedIn(customer, "mobile-bank", phone);
    Instant issued = Instant.parse(listed(customer).get(keyOf(token)).getString("issuedAt"));
    Instant ceiling = issued.plus(Duration.ofDays(90));

    Instant lastExpiry = null;
    for (int day = 13; day <= 89; day += 13) {
      clock.advance(Duration.ofDays(13));
      int today = day;
      Api.Reply approved = access(token, phone);
      assertEquals(200, approved.status(), () -> "day " + today + ": " + approved);
      lastExpiry = Instant.parse(approved.json().getString("expiresAt"));
      assertFalse(lastExpiry.isAfter(ceiling), lastExpiry + " beyond " + ceiling);
    }
    assertEquals(ceiling, lastExpiry); // day 78 + 14 would be day 92
    clock.advance(Duration.between(clock.now(), ceiling).minusSeconds(60));
    assertEquals(200, access(token, phone).status());
    clock.advance(Duration.ofSeconds(61));
    assertLoginRequired(access(token, phone), customer.account());
  }

  @Test
  void logoutDeletesThatTokenOnly() {
    TestCustomer customer = Fixtures.customerWithPassword();
    String phone = Fixtures.terminal();
    String bank = loggedIn(customer, "mobile-bank", phone);
    String cards = loggedIn(customer, "cards", phone);

    assertEquals(204, Api.bearer(bank).delete(TOKENS + "/current").status());
    assertLoginRequired(access(bank, phone), null);
    assertEquals(200, access(cards, phone).status());
    assertLoginRequired(Api.bearer(bank).delete(TOKENS + "/current"), null);
    assertLoginRequired(Api.anonymous().delete(TOKENS + "/current"), null);
  }

  @Test
  void staffRevokeATerminalOrACustomer() {
    TestCustomer alice = Fixtures.customerWithPassword();
    TestCustomer bob = Fixtures.customerWithPassword();
    String shared = Fixtures.terminal();
    String own = Fixtures.terminal();
    String aliceShared = loggedIn(alice, "mobile-bank", shared);
    String bobShared = loggedIn(bob, "cards", shared);
    String aliceOwn = loggedIn(alice, "mobile-bank", own);

    Api.Reply terminal = Api.admin().delete("/api/v1/admin/terminals/" + shared + "/tokens");
    assertEquals(200, terminal.status(), terminal::toString);
    assertEquals(2, terminal.json().getInt("revoked"));
    assertLoginRequired(access(aliceShared, shared), null);
    assertLoginRequired(access(bobShared, shared), null);
    assertEquals(200, access(aliceOwn, own).status());

    Api.Reply customer =
        Api.admin().delete("/api/v1/admin/customers/" + alice.account() + "/tokens");
    assertEquals(200, customer.status(), customer::toString);
    assertEquals(1, customer.json().getInt("revoked"));
    assertLoginRequired(access(aliceOwn, own), null);
    assertTrue(listed(alice).isEmpty());

    assertEquals(
        401, Api.basic("nobody", "wrong").delete("/api/v1/admin/terminals/x/tokens").status());
    assertEquals(
        404, Api.admin().delete("/api/v1/admin/customers/no-such-customer/tokens").status());
  }

  @Test
  void wrongPasswordsLockTheLoginWhichAnswersLikeAnUnknownAccount() {
    TestCustomer customer = Fixtures.customerWithPassword();
    String phone = Fixtures.terminal();
    Api.Reply unknown = login("no-such-" + customer.account(), Fixtures.PASSWORD, "app", phone);
    assertEquals(401, unknown.status(), unknown::toString);
    assertEquals("urn:portcullis:problem:login-failed", unknown.json().getString("type"));

    for (int i = 0; i < 5; i++) {
      Api.Reply wrong = login(customer.account(), "wrong password " + i, "app", phone);
      assertEquals(401, wrong.status(), wrong::toString);
      assertEquals(unknown.json(), wrong.json(), "a wrong password answers as an unknown account");
    }
    Api.Reply locked = login(customer.account(), Fixtures.PASSWORD, "app", phone);
    assertEquals(unknown.json(), locked.json(), "a locked login answers the same");
    assertTrue(listed(customer).isEmpty());

    clock.advance(Duration.ofSeconds(61)); // the first lock lasts a minute
    assertEquals(201, login(customer.account(), Fixtures.PASSWORD, "app", phone).status());
  }

  @Test
  void staffUnlockAPasswordLogin() {
    TestCustomer customer = Fixtures.customerWithPassword();
    String phone = Fixtures.terminal();
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(customer.account(), "not the password " + i, "app", phone).status());
    }
    assertEquals(401, login(customer.account(), Fixtures.PASSWORD, "app", phone).status());
    Api.Reply unlocked =
        Api.admin()
            .post(
                "/api/v1/admin/customers/" + customer.account() + "/unlock",
                "{\"factor\":\"PASSWORD\"}");
    assertEquals(204, unlocked.status(), unlocked::toString);
    assertEquals(201, login(customer.account(), Fixtures.PASSWORD, "app", phone).status());
  }

  @Test
  void badInputIsAProblemAndIssuesNothing() {
    TestCustomer customer = Fixtures.customerWithPassword();
    String phone = Fixtures.terminal();
    Map<String, String> cases =
        Map.of(
            "{\"account\":\"" + customer.account() + "\",\"password\":\"x\",\"appId\":\"a\"}",
            "terminalId",
            "{\"account\":\""
                + customer.account()
                + "\",\"password\":\""
                + Fixtures.PASSWORD
                + "\",\"appId\":\"a b\",\"terminalId\":\""
                + phone
                + "\"}",
            "appId",
            "{\"account\":\""
                + customer.account()
                + "\",\"password\":\""
                + Fixtures.PASSWORD
                + "\",\"appId\":\"a\",\"terminalId\":\"has space\"}",
            "terminalId",
            "{\"account\":\""
                + customer.account()
                + "\",\"password\":\""
                + "p".repeat(1025)
                + "\",\"appId\":\"a\",\"terminalId\":\""
                + phone
                + "\"}",
            "password");
    cases.forEach(
        (body, field) -> {
          Api.Reply reply = Api.anonymous().post(TOKENS, body);
          assertEquals(400, reply.status(), reply::toString);
          assertTrue(reply.json().getJsonObject("fields").containsKey(field), reply::toString);
        });
    Api.Reply notJson = Api.anonymous().post(TOKENS, "{\"account\":");
    assertEquals(400, notJson.status(), notJson::toString);
    assertEquals("urn:portcullis:problem:malformed-json", notJson.json().getString("type"));

    String token = loggedIn(customer, "app", phone);
    Api.Reply badTerminal = access(token, "bad terminal");
    assertEquals(400, badTerminal.status(), badTerminal::toString);
    assertEquals(1, listed(customer).size(), "only the one good login issued a token");
  }
}
