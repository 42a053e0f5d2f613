package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portcullis.handset.client.EnrolledHandset;
import org.portcullis.handset.client.HandsetClient;
import org.portcullis.handset.client.PendingEnrollment;
import org.portcullis.it.Fixtures.TestCustomer;

/**
 * Customers with an enrolled handset and a formal pattern, made through the real API: staff send
 * the registration link, the customer confirms the phone with the texted code, submits the pattern
 * and answers the confirmation grid; the handset enrolls by server OTP.
 *
 * <p>The passwords are computed here by plain arithmetic on the grid, independently of the server's
 * derivation code.
 */
public final class PatternFixtures {

  /** Default tables after migration. */
  static final long TABLE_4X12 = 1;

  static final long TABLE_4X4 = 2;

  /** A 4×12 pattern whose consecutive cells are not all adjacent. */
  public static final int[] CELLS = {1, 14, 27, 40, 5, 20};

  public static final int ADD = 3;

  private static final Pattern CODE = Pattern.compile("code is ([0-9]{6})");
  private static final Pattern PHONE_CODE = Pattern.compile("Portcullis code is ([0-9]{6})");

  private PatternFixtures() {}

  /** A customer, their handset and its API client. */
  public record PatternCustomer(TestCustomer customer, EnrolledHandset handset, Api api) {
    public String account() {
      return customer.account();
    }
  }

  static Fixtures.TestSystem verifier() {
    return Fixtures.system("[\"VERIFIER\"]", "");
  }

  /** A customer with a handset and the pattern {@link #CELLS} with rule +{@link #ADD}. */
  public static PatternCustomer registered() {
    TestCustomer customer = Fixtures.customer();
    register(customer, TABLE_4X12, null, "1,14,27,40,5,20", "+" + ADD);
    return withHandset(customer);
  }

  /** The customer with a freshly enrolled handset. */
  static PatternCustomer withHandset(TestCustomer customer) {
    EnrolledHandset handset = enroll(customer);
    return new PatternCustomer(
        customer, handset, Api.handset(handset.token(), handset.handsetId()));
  }

  /** Registers a pattern through the whole registration flow; answers the link's token. */
  static String register(
      TestCustomer customer, long tableId, String systemId, String positions, String rule) {
    String token = registrationToken(customer.account(), tableId, systemId);
    confirmPhone(customer, token);
    Api.Reply grid =
        Api.anonymous()
            .post(
                registration(token),
                "{\"positions\":\""
                    + positions
                    + "\""
                    + (rule == null ? "" : ",\"rule\":\"" + rule + "\"")
                    + "}");
    assertEquals(200, grid.status(), grid::toString);
    int add =
        rule == null ? 0 : Integer.parseInt(rule.substring(1)) * (rule.startsWith("-") ? -1 : 1);
    String password = password(grid.json().getString("digits"), cells(positions), add);
    Api.Reply confirmed =
        Api.anonymous()
            .post(registration(token) + "/confirmation", "{\"password\":\"" + password + "\"}");
    assertEquals(200, confirmed.status(), confirmed::toString);
    assertEquals("FORMAL", confirmed.json().getString("state"));
    return token;
  }

  /** Staff send a registration link; answers the token from its fragment. */
  static String registrationToken(String account, long tableId, String systemId) {
    Api.Reply link =
        Api.admin()
            .post(
                "/api/v1/admin/customers/" + account + "/pattern-registration",
                "{\"tableId\":"
                    + tableId
                    + (systemId == null ? "" : ",\"systemId\":\"" + systemId + "\"")
                    + "}");
    assertEquals(201, link.status(), link::toString);
    String url = link.json().getString("link");
    assertTrue(url.contains("/register/pattern.html#"), url);
    return url.substring(url.indexOf('#') + 1);
  }

  static String registration(String token) {
    return "/api/v1/pattern/registrations/" + token;
  }

  /** Asks for the phone code, reads it off the SMS the gateway simulator received, answers it. */
  static void confirmPhone(TestCustomer customer, String token) {
    List<String> before = Peers.smsTextsTo(customer.msisdn());
    Api.Reply sent = Api.anonymous().post(registration(token) + "/phone-code", null);
    assertEquals(202, sent.status(), sent::toString);
    String sms =
        Peers.awaitSmsTo(
            customer.msisdn(), t -> PHONE_CODE.matcher(t).find() && !before.contains(t));
    Matcher code = PHONE_CODE.matcher(sms);
    assertTrue(code.find());
    Api.Reply confirmed =
        Api.anonymous()
            .post(
                registration(token) + "/phone-confirmation",
                "{\"code\":\"" + code.group(1) + "\"}");
    assertEquals(200, confirmed.status(), confirmed::toString);
  }

  /** Enrolls a handset for the customer by server OTP through the reference client. */
  public static EnrolledHandset enroll(TestCustomer customer) {
    try {
      HandsetClient client = new HandsetClient(URI.create(Api.BASE));
      List<String> before = Peers.smsTextsTo(customer.msisdn());
      PendingEnrollment pending = client.requestServerOtp(customer.msisdn(), "android");
      String sms =
          Peers.awaitSmsTo(customer.msisdn(), t -> CODE.matcher(t).find() && !before.contains(t));
      Matcher code = CODE.matcher(sms);
      assertTrue(code.find());
      return client.confirmServerOtp(pending.enrollmentId(), code.group(1));
    } catch (Exception e) {
      throw new IllegalStateException("Could not enroll a handset", e);
    }
  }

  static int[] cells(String positions) {
    return java.util.Arrays.stream(positions.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /**
   * Answers a fresh challenge at {@code system} with the default table's duress code (function code
   * 2) appended, as a customer under threat would, and checks that the server took it as duress.
   * The alert it raises is what the console tests act on.
   */
  public static void answerUnderDuress(PatternCustomer customer, Fixtures.TestSystem system) {
    Api.Reply grid =
        customer
            .api()
            .post("/api/v1/pattern/challenges", "{\"systemId\":\"" + system.systemId() + "\"}");
    assertEquals(201, grid.status(), grid::toString);
    String password = password(grid.json().getString("digits"), CELLS, ADD) + "2";
    Api.Reply answer =
        system
            .api()
            .post(
                "/api/v1/pattern/verifications",
                "{\"account\":\"" + customer.account() + "\",\"password\":\"" + password + "\"}");
    assertEquals(200, answer.status(), answer::toString);
    assertEquals("DURESS", answer.json().getString("function"), answer::toString);
  }

  /** The password a pattern with rule {@code +add} gives on a grid: SPEC §3.1, fixed length. */
  public static String password(String digits, int[] cells, int add) {
    StringBuilder password = new StringBuilder();
    for (int cell : cells) {
      int digit = digits.charAt(cell - 1) - '0';
      password.append(Math.floorMod(digit + add, 10));
    }
    return password.toString();
  }
}
