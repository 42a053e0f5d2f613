package org.portcullis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

  /**
   * The example of the Standard Webhooks specification's signature scheme; the expected value was
   * computed independently with Python's hmac module.
   */
  @Test
  void signsTheSpecificationsExample() {
    WebhookSignature signature = new WebhookSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    String header =
        signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");
    assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", header);
    assertTrue(
        signature.verify(
            "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}", header));
  }

  @Test
  void anyChangeBreaksTheSignature() {
    String secret = WebhookSignature.newSecret();
    WebhookSignature signature = new WebhookSignature(secret);
    String header = signature.sign("evt-1", 1700000000L, "{\"a\":1}");
    assertFalse(signature.verify("evt-2", 1700000000L, "{\"a\":1}", header));
    assertFalse(signature.verify("evt-1", 1700000001L, "{\"a\":1}", header));
    assertFalse(signature.verify("evt-1", 1700000000L, "{\"a\":2}", header));
    assertFalse(
        new WebhookSignature(WebhookSignature.newSecret())
            .verify("evt-1", 1700000000L, "{\"a\":1}", header));
    // a receiver that keeps an old and a new signature during a rotation accepts either
    assertTrue(signature.verify("evt-1", 1700000000L, "{\"a\":1}", "v1,AAAA " + header));
    assertFalse(signature.verify("evt-1", 1700000000L, "{\"a\":1}", null));
  }

  @Test
  void newSecretsAreRandomAndWellFormed() {
    String one = WebhookSignature.newSecret();
    assertTrue(one.matches("whsec_[A-Za-z0-9+/]{43}="), one);
    assertNotEquals(one, WebhookSignature.newSecret());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "secret", "whsec_", "whsec_!!!!", "whsec_AAAA"})
  void refusesWhatIsNotASecret(String secret) {
    assertThrows(IllegalArgumentException.class, () -> new WebhookSignature(secret));
  }

  @Test
  void showsNoKey() {
    String secret = WebhookSignature.newSecret();
    assertFalse(new WebhookSignature(secret).toString().contains(secret.substring(6, 16)));
  }
}
