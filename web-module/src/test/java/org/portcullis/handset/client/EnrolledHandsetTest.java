package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnrolledHandsetTest {

  private static final String SECRET = "q7Zk3vVx-Lm0_9aBcDeFgH";
  private static final Instant EXPIRES = Instant.parse("2026-11-21T10:05:00Z");

  @Test
  void toStringShowsTheTokenKeyButNeverTheSecret() {
    EnrolledHandset handset = new EnrolledHandset("h-42", "tk1." + SECRET, EXPIRES);

    String shown = handset.toString();

    assertFalse(shown.contains(SECRET), shown);
    assertTrue(shown.contains("h-42"), shown);
    assertTrue(shown.contains("tk1"), shown);
    assertTrue(shown.contains("2026-11-21T10:05:00Z"), shown);
    assertEquals("tk1", handset.tokenKey());
  }

  @Test
  void aNewExpiryKeepsIdAndToken() {
    EnrolledHandset handset = new EnrolledHandset("h-42", "tk1." + SECRET, EXPIRES);
    Instant later = EXPIRES.plusSeconds(3600);

    EnrolledHandset extended = handset.withExpiresAt(later);

    assertEquals(new EnrolledHandset("h-42", "tk1." + SECRET, later), extended);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "nodot", ".secret", "key.", "key .secret", "key.sec ret"})
  void aTokenMustBeKeyDotSecretAndIsNotEchoedWhenItIsNot(String token) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new EnrolledHandset("h-42", token, EXPIRES));

    if (!token.isEmpty()) {
      assertFalse(e.getMessage().contains(token), e.getMessage());
    }
  }

  @Test
  void aBlankHandsetIdIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new EnrolledHandset(" ", "k." + SECRET, EXPIRES));
  }
}
