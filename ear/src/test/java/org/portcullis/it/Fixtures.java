package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.security.SecureRandom;

/** Creates what a test needs through the real admin API, with unique names per test. */
public final class Fixtures {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Fixtures() {}

  /**
   * A row of the SMS or mail outbox ({@code outbox} "sms" or "mail") as staff read it through the
   * admin API, looked up among the newest 200.
   */
  public static JsonObject outboxRow(String outbox, long id) {
    Api.Reply list = Api.admin().get("/api/v1/admin/outbox/" + outbox + "?limit=200");
    assertEquals(200, list.status(), list::toString);
    return list.jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(row -> row.getJsonNumber("id").longValue() == id)
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + outbox + " outbox row " + id + " in " + list));
  }

  /** A registered relying system and its API client. */
  public record TestSystem(String systemId, String secret, Api api) {}

  public static TestSystem system(String pinpadJson) {
    return system("[\"VERIFIER\"]", "\"pinpad\":" + pinpadJson);
  }

  /** A relying system with the given roles (a JSON array) and extra JSON members, if any. */
  public static TestSystem system(String roles, String extraMembers) {
    Api.Reply reply =
        Api.admin()
            .post(
                "/api/v1/admin/systems",
                "{\"name\":\"Test bank "
                    + RANDOM.nextInt(1_000_000)
                    + "\",\"roles\":"
                    + roles
                    + (extraMembers.isEmpty() ? "" : "," + extraMembers)
                    + "}");
    assertEquals(201, reply.status(), reply::toString);
    JsonObject body = reply.json();
    String systemId = body.getString("systemId");
    String secret = body.getString("secret");
    return new TestSystem(systemId, secret, Api.basic(systemId, secret));
  }

  public static TestSystem textModeSystem(String algorithm, String layout) {
    return system(
        "{\"algorithm\":\""
            + algorithm
            + "\",\"layout\":\""
            + layout
            + "\",\"shuffle\":true,\"textMode\":true,\"ttl\":\"PT2M\"}");
  }

  /** A new customer with the given PIN; returns the account name. */
  public static String customerWithPin(String pin) {
    String account = "cust-" + Integer.toHexString(RANDOM.nextInt()) + RANDOM.nextInt(1000);
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/admin/customers",
                "{\"account\":\""
                    + account
                    + "\",\"msisdn\":\"+4477009"
                    + (10000 + RANDOM.nextInt(89999))
                    + "\"}");
    assertEquals(201, created.status(), created::toString);
    Api.Reply pinSet =
        Api.admin().put("/api/v1/admin/customers/" + account + "/pin", "{\"pin\":\"" + pin + "\"}");
    assertEquals(204, pinSet.status(), pinSet::toString);
    return account;
  }

  /**
   * The one-time code a customer produces: for each PIN digit, click the cell that shows it (the
   * digits are known here because the test system allows text mode).
   */
  public static String clicksFor(JsonObject pad, String pin) {
    StringBuilder otc = new StringBuilder();
    for (char digit : pin.toCharArray()) {
      int location =
          pad.getJsonArray("cells").getValuesAs(JsonObject.class).stream()
              .filter(cell -> cell.getInt("digit") == digit - '0')
              .findFirst()
              .orElseThrow()
              .getInt("location");
      otc.append(location % 10);
    }
    return otc.toString();
  }

  /** A code of the same length that is certainly not the customer's. */
  public static String wrongClicks(JsonObject pad, String pin) {
    String right = clicksFor(pad, pin);
    char first = right.charAt(0);
    return (char) ('0' + (first - '0' + 1) % 10) + right.substring(1);
  }

  /** A password that {@code PasswordPolicy} accepts for any test account. */
  public static final String PASSWORD = "correct horse battery staple";

  /** A customer created through the admin API. */
  public record TestCustomer(String account, String msisdn) {}

  /** A new customer with a unique account and MSISDN (no PIN, no password). */
  public static TestCustomer customer() {
    String account = "cust-" + Integer.toHexString(RANDOM.nextInt()) + RANDOM.nextInt(1000);
    String msisdn = "+4479" + String.format("%09d", RANDOM.nextInt(1_000_000_000));
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/admin/customers",
                "{\"account\":\"" + account + "\",\"msisdn\":\"" + msisdn + "\"}");
    assertEquals(201, created.status(), created::toString);
    return new TestCustomer(account, msisdn);
  }

  /** A new customer whose app password is {@link #PASSWORD}. */
  public static TestCustomer customerWithPassword() {
    TestCustomer customer = customer();
    Api.Reply set =
        Api.admin()
            .put(
                "/api/v1/admin/customers/" + customer.account() + "/password",
                "{\"password\":\"" + PASSWORD + "\"}");
    assertEquals(204, set.status(), set::toString);
    return customer;
  }

  /** A terminal ID no other test uses. */
  public static String terminal() {
    return "term-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
  }
}
