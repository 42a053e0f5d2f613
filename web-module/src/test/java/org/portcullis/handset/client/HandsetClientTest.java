package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's pure parts; its exchanges with a real server are the integration tests' job. */
class HandsetClientTest {

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:8080, http://127.0.0.1:8080/api/v1/handsets/enrollments",
    "http://127.0.0.1:8080/, http://127.0.0.1:8080/api/v1/handsets/enrollments",
    "https://bank.example/portcullis, https://bank.example/portcullis/api/v1/handsets/enrollments",
    "HTTPS://bank.example/portcullis/, HTTPS://bank.example/portcullis/api/v1/handsets/enrollments"
  })
  void theApiLiesBelowTheBaseWhateverItsTrailingSlash(String base, String enrollments) {
    HandsetClient client = new HandsetClient(URI.create(base));

    assertEquals(URI.create(enrollments), client.base().resolve(HandsetClient.ENROLLMENTS));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://bank.example/",
        "bank.example:8080",
        "/relative",
        "https://bank.example/?x=1",
        "https://bank.example/#top",
        "file:///etc/passwd"
      })
  void aBaseMustBeAnHttpOrHttpsUrlWithoutQuery(String base) {
    assertThrows(IllegalArgumentException.class, () -> new HandsetClient(URI.create(base)));
  }

  @ParameterizedTest
  @CsvSource({
    "h-42, h-42",
    "A.b_c~9, A.b_c~9",
    "a/b, a%2Fb",
    "../admin, ..%2Fadmin",
    "x?y#z, x%3Fy%23z",
    "a b, a%20b",
    "é, %C3%A9"
  })
  void idsArePercentEncodedAsOnePathSegment(String id, String segment) {
    assertEquals(segment, HandsetClient.pathSegment(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", ".."})
  void emptyIdsAndDotSegmentsAreRefused(String id) {
    assertThrows(IllegalArgumentException.class, () -> HandsetClient.pathSegment(id));
  }

  @Test
  void pollingBacksOffFrom250MsTo2Seconds() {
    List<Long> delays = new ArrayList<>();
    Duration delay = HandsetClient.FIRST_POLL_DELAY;
    for (int i = 0; i < 6; i++) {
      delays.add(delay.toMillis());
      delay = HandsetClient.nextPollDelay(delay);
    }

    assertEquals(List.of(250L, 500L, 1000L, 2000L, 2000L, 2000L), delays);
  }

  @Test
  void handsetOtpEnrollmentTextsKeywordAndAFreshCodeFromTheMsisdnBeforeAskingTheServer() {
    // port 9 (discard) is never asked: the sender fails first
    HandsetClient client = new HandsetClient(URI.create("http://127.0.0.1:9/"));
    List<String> sent = new ArrayList<>();
    IOException noSignal = new IOException("no signal");
    SmsSender failing =
        (from, text) -> {
          sent.add(from + " " + text);
          throw noSignal;
        };

    for (int i = 0; i < 2; i++) {
      IOException thrown =
          assertThrows(
              IOException.class,
              () ->
                  client.enrollWithHandsetOtp(
                      "+447700900123", "android", "JOIN", failing, Duration.ofSeconds(1)));
      assertSame(noSignal, thrown);
    }

    assertEquals(2, sent.size());
    for (String sms : sent) {
      assertTrue(sms.matches("\\+447700900123 JOIN [0-9]{8}"), sms);
    }
    assertNotEquals(sent.get(0), sent.get(1), "each enrollment makes up a new code");
  }
}
