package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.handset.client.AccessGrant;
import org.portcullis.handset.client.EnrolledHandset;
import org.portcullis.handset.client.HandsetClient;
import org.portcullis.handset.client.HandsetKeys;
import org.portcullis.handset.client.KeyAlgorithm;
import org.portcullis.handset.client.PendingEnrollment;
import org.portcullis.handset.client.ProblemException;
import org.portcullis.it.Fixtures.TestCustomer;
import org.portcullis.time.PortcullisClock;

/**
 * Handset enrollment over HTTP (SPEC §3.8) with the real SMS gateway simulator: the test reads the
 * server's code from the SMS the simulator received, and sends the handset's SMS through it.
 */
@ExtendWith(ArquillianExtension.class)
class HandsetIT {

  private static final String ENROLLMENTS = "/api/v1/handsets/enrollments";
  private static final Pattern CODE = Pattern.compile("code is ([0-9]{6})");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Inject PortcullisClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static String start(String msisdn) {
    Api.Reply reply =
        Api.anonymous()
            .post(ENROLLMENTS, "{\"msisdn\":\"" + msisdn + "\",\"deviceType\":\"android\"}");
    assertEquals(202, reply.status(), reply::toString);
    assertTrue(reply.json().containsKey("expiresAt"), reply::toString);
    return reply.json().getString("enrollmentId");
  }

  /** The code of the newest enrollment SMS to {@code msisdn} that is not among {@code seen}. */
  private static String codeTexted(String msisdn, List<String> seen) {
    String text = Peers.awaitSmsTo(msisdn, t -> CODE.matcher(t).find() && !seen.contains(t));
    Matcher matcher = CODE.matcher(text);
    assertTrue(matcher.find());
    return matcher.group(1);
  }

  private static Api.Reply answer(String enrollmentId, String otp) {
    return Api.anonymous()
        .post(ENROLLMENTS + "/" + enrollmentId + "/otp", "{\"otp\":\"" + otp + "\"}");
  }

  private static String wrong(String otp) {
    return String.format("%06d", (Integer.parseInt(otp) + 1) % 1_000_000);
  }

  private static void assertRefused(Api.Reply reply) {
    assertEquals(401, reply.status(), reply::toString);
    assertEquals("urn:portcullis:problem:otp-refused", reply.json().getString("type"));
  }

  private static JsonObject onlyHandset(TestCustomer customer) {
    Api.Reply reply =
        Api.admin().get("/api/v1/admin/customers/" + customer.account() + "/handsets");
    assertEquals(200, reply.status(), reply::toString);
    assertEquals(1, reply.jsonArray().size(), reply::toString);
    return reply.jsonArray().getJsonObject(0);
  }

  private static String ecKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    PublicKey key = generator.generateKeyPair().getPublic();
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  @Test
  void theReferenceClientEnrollsByServerCodeAndUploadsItsKey() throws Exception {
    TestCustomer customer = Fixtures.customer();
    HandsetClient client = new HandsetClient(URI.create(Api.BASE));
    PendingEnrollment pending = client.requestServerOtp(customer.msisdn(), "android");
    String otp = codeTexted(customer.msisdn(), List.of());

    EnrolledHandset handset = client.confirmServerOtp(pending.enrollmentId(), otp);
    // the token is an access token of app "handset" on terminal = the handset id
    AccessGrant grant = client.access(handset);
    assertEquals("handset", grant.appId());
    assertEquals(customer.account(), grant.account());

    // single use
    ProblemException again =
        assertThrows(
            ProblemException.class, () -> client.confirmServerOtp(pending.enrollmentId(), otp));
    assertEquals(410, again.status());

    client.uploadPublicKey(handset, HandsetKeys.generate(KeyAlgorithm.EC_P256).getPublic());
    JsonObject listed = onlyHandset(customer);
    assertEquals(handset.handsetId(), listed.getString("handsetId"));
    assertEquals("EC_P256", listed.getString("keyAlgorithm"));
    assertEquals("SERVER_OTP", listed.getString("enrolledBy"));
    assertEquals("android", listed.getString("deviceType"));
    assertEquals(customer.msisdn(), listed.getString("msisdn"));
  }

  @Test
  void theReferenceClientEnrollsByATextedCodeOnce() throws Exception {
    TestCustomer customer = Fixtures.customer();
    HandsetClient client = new HandsetClient(URI.create(Api.BASE));
    List<String> texted = new ArrayList<>();
    EnrolledHandset handset =
        client.enrollWithHandsetOtp(
            customer.msisdn(),
            "ios",
            "REG",
            (from, text) -> {
              texted.add(text);
              // as a phone would: the gateway reports the sender without the plus
              Peers.sendMo(from.substring(1), "70707", text);
            },
            Duration.ofSeconds(45));
    assertEquals(1, texted.size());
    assertTrue(texted.get(0).matches("REG [0-9]{8}"), texted::toString);
    client.uploadPublicKey(handset, HandsetKeys.generate(KeyAlgorithm.RSA_2048).getPublic());
    JsonObject listed = onlyHandset(customer);
    assertEquals("HANDSET_OTP", listed.getString("enrolledBy"));
    assertEquals("RSA", listed.getString("keyAlgorithm"));
    assertEquals("handset", client.access(handset).appId());

    // that SMS is used up: the same code again finds no unused SMS
    String otp = texted.get(0).substring(4);
    Api.Reply twice =
        Api.anonymous()
            .post(
                ENROLLMENTS, "{\"msisdn\":\"" + customer.msisdn() + "\",\"otp\":\"" + otp + "\"}");
    assertEquals(409, twice.status(), twice::toString);
    assertEquals("urn:portcullis:problem:enrollment-sms-pending", twice.json().getString("type"));
  }

  @Test
  void aWrongHandsetCodeIsRefusedAndCounted() {
    TestCustomer customer = Fixtures.customer();
    Peers.sendMo(customer.msisdn(), "70707", "REG 11112222");
    String body = "{\"msisdn\":\"" + customer.msisdn() + "\",\"otp\":\"99998888\"}";
    Api.Reply refused =
        Peers.await(
            () -> {
              Api.Reply reply = Api.anonymous().post(ENROLLMENTS, body);
              return reply.status() == 409
                  ? java.util.Optional.empty()
                  : java.util.Optional.of(reply);
            },
            "the handset's SMS to reach the server");
    assertRefused(refused);
    JsonObject counters = Api.admin().get("/api/v1/admin/customers/" + customer.account()).json();
    assertTrue(
        counters.toString().contains("\"factor\":\"OTP\",\"failures\":1"), counters::toString);
  }

  @Test
  void wrongCodesLockTheFactorAndANewCodeDoesNotResetTheCount() {
    TestCustomer customer = Fixtures.customer();
    String first = start(customer.msisdn());
    String firstCode = codeTexted(customer.msisdn(), List.of());
    for (int i = 0; i < 3; i++) {
      assertRefused(answer(first, wrong(firstCode)));
    }
    // three wrong answers kill a code
    assertEquals(410, answer(first, firstCode).status());

    List<String> seen = Peers.smsTextsTo(customer.msisdn());
    String second = start(customer.msisdn());
    String secondCode = codeTexted(customer.msisdn(), seen);
    assertRefused(answer(second, wrong(secondCode)));
    assertRefused(answer(second, wrong(wrong(secondCode))));
    // five failures in all: locked, so even the right code is refused
    assertRefused(answer(second, secondCode));

    Api.Reply unlocked =
        Api.admin()
            .post(
                "/api/v1/admin/customers/" + customer.account() + "/unlock",
                "{\"factor\":\"OTP\"}");
    assertEquals(204, unlocked.status(), unlocked::toString);
    assertEquals(201, answer(second, secondCode).status());
  }

  @Test
  void aCodeExpiresAfterFiveMinutes() {
    TestCustomer customer = Fixtures.customer();
    String enrollment = start(customer.msisdn());
    String otp = codeTexted(customer.msisdn(), List.of());
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    Api.Reply late = answer(enrollment, otp);
    assertEquals(410, late.status(), late::toString);
    assertEquals("urn:portcullis:problem:enrollment-expired", late.json().getString("type"));
  }

  @Test
  void anUnknownNumberLooksTheSameButIsNeverTextedAndNeverEnrolls() throws Exception {
    String stranger =
        "+4479" + String.format("%09d", new java.util.Random().nextInt(1_000_000_000));
    String enrollment = start(stranger);
    assertRefused(answer(enrollment, "123456"));
    Thread.sleep(3000); // two drains of the outbox
    assertTrue(Peers.smsTextsTo(stranger).isEmpty());
  }

  @Test
  void onlyTheHandsetItselfSetsItsKeyAndOnlyAcceptableKeys() throws Exception {
    TestCustomer customer = Fixtures.customerWithPassword();
    String enrollment = start(customer.msisdn());
    Api.Reply enrolled = answer(enrollment, codeTexted(customer.msisdn(), List.of()));
    String handsetId = enrolled.json().getString("handsetId");
    String token = enrolled.json().getString("token");
    String path = "/api/v1/handsets/" + handsetId + "/public-key";

    Api.Reply noToken = Api.anonymous().put(path, "{\"publicKey\":\"" + ecKey() + "\"}");
    assertEquals(401, noToken.status(), noToken::toString);
    assertTrue(noToken.header("WWW-Authenticate").orElse("").startsWith("Bearer"));

    // an app's token on the same terminal id is not the handset's
    Api.Reply appLogin =
        Api.anonymous()
            .post(
                "/api/v1/tokens",
                "{\"account\":\""
                    + customer.account()
                    + "\",\"password\":\""
                    + Fixtures.PASSWORD
                    + "\",\"appId\":\"mobile-bank\",\"terminalId\":\""
                    + handsetId
                    + "\"}");
    assertEquals(201, appLogin.status(), appLogin::toString);
    Api.Reply wrongApp =
        Api.bearer(appLogin.json().getString("token"))
            .put(path, "{\"publicKey\":\"" + ecKey() + "\"}");
    assertEquals(403, wrongApp.status(), wrongApp::toString);

    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    String weak =
        Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded());
    for (String key : List.of(weak, "bm90IGEga2V5", "")) {
      Api.Reply refused = Api.bearer(token).put(path, "{\"publicKey\":\"" + key + "\"}");
      assertEquals(400, refused.status(), refused::toString);
      assertTrue(refused.json().getJsonObject("fields").containsKey("publicKey"));
    }
    assertFalse(onlyHandset(customer).containsKey("keyAlgorithm"), "no key was stored");

    // another handset's token is not for this terminal
    List<String> seen = Peers.smsTextsTo(customer.msisdn());
    String other = start(customer.msisdn());
    Api.Reply otherEnrolled = answer(other, codeTexted(customer.msisdn(), seen));
    assertEquals(201, otherEnrolled.status(), otherEnrolled::toString);
    Api.Reply foreign =
        Api.bearer(otherEnrolled.json().getString("token"))
            .put(path, "{\"publicKey\":\"" + ecKey() + "\"}");
    assertEquals(401, foreign.status(), foreign::toString);
  }

  @Test
  void tooManyCodesForOneNumberAre429WithRetryAfter() {
    TestCustomer customer = Fixtures.customer();
    for (int i = 0; i < 3; i++) {
      start(customer.msisdn());
    }
    Api.Reply fourth =
        Api.anonymous().post(ENROLLMENTS, "{\"msisdn\":\"" + customer.msisdn() + "\"}");
    assertEquals(429, fourth.status(), fourth::toString);
    long retryAfter = Long.parseLong(fourth.header("Retry-After").orElseThrow());
    assertTrue(retryAfter > 0 && retryAfter <= 900, fourth::toString);
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    start(customer.msisdn());
  }

  @Test
  void badInputIsAProblemAndSendsNothing() {
    for (String body :
        List.of(
            "{\"msisdn\":\"07700900123\"}",
            "{\"msisdn\":\"+447700900123\",\"deviceType\":\"" + "x".repeat(33) + "\"}",
            "{\"msisdn\":\"+447700900123\",\"otp\":\"12ab\"}",
            "{}")) {
      Api.Reply reply = Api.anonymous().post(ENROLLMENTS, body);
      assertEquals(400, reply.status(), () -> body + " → " + reply);
      assertTrue(reply.contentType().startsWith("application/problem+json"));
    }
    Api.Reply malformedOtp = answer("whatever", "12345");
    assertEquals(400, malformedOtp.status(), malformedOtp::toString);
    Api.Reply unknown = answer("no-such-enrollment", "123456");
    assertEquals(404, unknown.status(), unknown::toString);
  }
}
