package org.portcullis.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.error.DomainException;
import org.portcullis.pinpad.PinPadAlgorithm;
import org.portcullis.pinpad.PinPadLayout;

class PinPadPolicyTest {

  @ParameterizedTest
  @ValueSource(strings = {"PT30S", "PT31S", "PT2M", "PT9M59S", "PT10M"})
  void acceptsLifetimesFromThirtySecondsToTenMinutes(Duration ttl) {
    PinPadPolicy policy =
        new PinPadPolicy(PinPadAlgorithm.STANDARD, PinPadLayout.CALCULATOR, false, true, ttl);

    assertEquals(ttl, policy.ttl());
    assertEquals(PinPadAlgorithm.STANDARD, policy.algorithm());
    assertEquals(PinPadLayout.CALCULATOR, policy.layout());
    assertFalse(policy.shuffle());
    assertTrue(policy.textMode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "-PT1M", "PT29S", "PT29.999S", "PT10M0.001S", "PT10M1S", "PT1H"})
  void refusesLifetimesOutsideTheBoundsAsBadInput(Duration ttl) {
    DomainException refused =
        assertThrows(
            DomainException.class,
            () -> new PinPadPolicy(PinPadAlgorithm.STANDARD, PinPadLayout.PHONE, true, false, ttl));

    assertEquals(DomainException.Kind.BAD_INPUT, refused.kind());
    assertEquals("invalid-pinpad-policy", refused.type());
    assertTrue(refused.fields().containsKey("pinpad.ttl"), refused.fields()::toString);
    assertTrue(refused.getMessage().contains("PT30S") && refused.getMessage().contains("PT10M"));
  }

  @Test
  void defaultsLiveTwoMinutes() {
    PinPadPolicy policy = PinPadPolicy.defaults();

    assertEquals(Duration.ofMinutes(2), policy.ttl());
    assertEquals(PinPadLayout.PHONE, policy.layout());
    assertTrue(policy.shuffle());
  }

  @org.junit.jupiter.api.Test
  void missingSettingsTakeTheDefaultsAndGivenOnesAreKept() {
    PinPadPolicy partial =
        PinPadPolicy.of(org.portcullis.pinpad.PinPadAlgorithm.ADD_N, null, false, null, null);
    org.junit.jupiter.api.Assertions.assertEquals(
        org.portcullis.pinpad.PinPadAlgorithm.ADD_N, partial.algorithm());
    org.junit.jupiter.api.Assertions.assertEquals(
        org.portcullis.pinpad.PinPadLayout.PHONE, partial.layout());
    org.junit.jupiter.api.Assertions.assertFalse(partial.shuffle());
    org.junit.jupiter.api.Assertions.assertFalse(partial.textMode());
    org.junit.jupiter.api.Assertions.assertEquals(PinPadPolicy.DEFAULT_TTL, partial.ttl());
  }
}
