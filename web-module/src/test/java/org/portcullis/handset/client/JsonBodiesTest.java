package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesTest {

  @Test
  void serverOtpRequestCarriesMsisdnAndDeviceType() throws IOException {
    JsonObject body =
        JsonBodies.parseObject(JsonBodies.serverOtpRequest("+447700900123", "android"));

    assertEquals(Map.of("msisdn", "+447700900123", "deviceType", "android"), strings(body));
  }

  @Test
  void handsetOtpEnrollmentCarriesMsisdnOtpAndDeviceType() throws IOException {
    JsonObject body =
        JsonBodies.parseObject(JsonBodies.handsetOtpEnrollment("+447700900123", "01234567", "ios"));

    assertEquals(
        Map.of("msisdn", "+447700900123", "otp", "01234567", "deviceType", "ios"), strings(body));
  }

  @Test
  void otpAndAccessRequestsHaveOneMember() throws IOException {
    assertEquals(
        Map.of("otp", "123456"), strings(JsonBodies.parseObject(JsonBodies.otp("123456"))));
    assertEquals(
        Map.of("terminalId", "h-1"),
        strings(JsonBodies.parseObject(JsonBodies.accessRequest("h-1"))));
  }

  @Test
  void keyUploadCarriesTheBase64Spki() throws IOException {
    PublicKey key = HandsetKeys.generate(KeyAlgorithm.EC_P256).getPublic();

    JsonObject body = JsonBodies.parseObject(JsonBodies.publicKey(key));

    assertEquals(Map.of("publicKey", HandsetKeys.encodePublicKey(key)), strings(body));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"quote\"d", "back\\slash", "new\nline", "</script>", "snow☃man", "\u0001"})
  void valuesAreEscapedSoTheyCannotBreakOrExtendTheJson(String nasty) throws IOException {
    String json = JsonBodies.serverOtpRequest("+447700900123", nasty);

    JsonObject body = JsonBodies.parseObject(json);
    assertEquals(nasty, body.getString("deviceType"));
    assertEquals(2, body.size());
    assertFalse(json.contains("\n"), json);
  }

  @Test
  void aPortcullisProblemBecomesItsSlugDetailFieldsAndHint() throws IOException {
    ProblemException problem =
        JsonBodies.problem(
            401,
            JsonBodies.parseObject(
                """
                {"type":"urn:portcullis:problem:login-required","title":"Unauthorized",
                 "status":401,"detail":"Log in again","accountHint":"alice",
                 "fields":{"token":"expired","count":3}}
                """));

    assertEquals(401, problem.status());
    assertEquals(ProblemException.LOGIN_REQUIRED, problem.type());
    assertTrue(problem.is("login-required"));
    assertEquals("Log in again", problem.detail());
    assertEquals("Log in again", problem.getMessage());
    assertEquals(Optional.of("alice"), problem.accountHint());
    assertEquals(Map.of("token", "expired", "count", "3"), problem.fields());
    assertEquals("ProblemException[401 login-required: Log in again]", problem.toString());
  }

  @Test
  void aProblemWithoutHintOrFieldsHasNone() throws IOException {
    ProblemException problem =
        JsonBodies.problem(
            401,
            JsonBodies.parseObject(
                "{\"type\":\"urn:portcullis:problem:otp-refused\",\"detail\":\"Wrong code\"}"));

    assertEquals(ProblemException.OTP_REFUSED, problem.type());
    assertEquals(Optional.empty(), problem.accountHint());
    assertEquals(Map.of(), problem.fields());
  }

  @Test
  void otherProblemTypesAreKeptWholeAndAMissingDetailFallsBack() throws IOException {
    ProblemException foreign =
        JsonBodies.problem(
            403,
            JsonBodies.parseObject("{\"type\":\"https://example.org/probs/x\",\"title\":\"No\"}"));
    ProblemException bare = JsonBodies.problem(410, JsonBodies.parseObject("{}"));

    assertEquals("https://example.org/probs/x", foreign.type());
    assertEquals("No", foreign.detail());
    assertEquals("about:blank", bare.type());
    assertEquals("HTTP 410", bare.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<html>oops</html>", "[1,2]", "\"text\"", "{\"a\":"})
  void anAnswerThatIsNotAJsonObjectIsAnIoFailure(String body) {
    assertThrows(IOException.class, () -> JsonBodies.parseObject(body));
  }

  @Test
  void missingOrMistypedMembersAreIoFailuresThatNameTheMemberNotTheValue() throws IOException {
    JsonObject answer =
        JsonBodies.parseObject(
            "{\"token\":\"k.secret-value\",\"handsetId\":7,\"expiresAt\":\"tomorrow\"}");

    IOException missing =
        assertThrows(IOException.class, () -> JsonBodies.requiredString(answer, "enrollmentId"));
    IOException mistyped =
        assertThrows(IOException.class, () -> JsonBodies.requiredString(answer, "handsetId"));
    IOException notAnInstant =
        assertThrows(IOException.class, () -> JsonBodies.requiredInstant(answer, "expiresAt"));

    assertTrue(missing.getMessage().contains("enrollmentId"), missing.getMessage());
    assertTrue(mistyped.getMessage().contains("handsetId"), mistyped.getMessage());
    assertFalse(notAnInstant.getMessage().contains("tomorrow"), notAnInstant.getMessage());
    assertEquals("k.secret-value", JsonBodies.requiredString(answer, "token"));
  }

  @Test
  void instantsAreIso8601() throws IOException {
    JsonObject answer = JsonBodies.parseObject("{\"expiresAt\":\"2026-11-21T10:05:00Z\"}");

    assertEquals(
        Instant.parse("2026-11-21T10:05:00Z"), JsonBodies.requiredInstant(answer, "expiresAt"));
  }

  private static Map<String, String> strings(JsonObject object) {
    return object.entrySet().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> ((jakarta.json.JsonString) e.getValue()).getString()));
  }
}
