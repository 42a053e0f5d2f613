package org.portcullis.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.crypto.SecretHasher;
import org.portcullis.crypto.SecretHasher.Argon2Cost;

class TokenCredentialsTest {

  // 16 zero bytes → 22 × 'A'; 32 zero bytes → 43 × 'A'
  private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAA";
  private static final String SECRET = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  // 16 bytes 0xff → 21 × '_' and 'w' (the last character carries 2 bits and 4 zero bits)
  private static final String KEY_FF = "_____________________w";
  // 32 bytes 0xfb → "-_v7" repeated 10 times, then "-_s" (2 bits and 2 zero bits)
  private static final String SECRET_FB = "-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_s";

  private static SecretHasher hasher() {
    return new SecretHasher(
        Map.of("p1", new SecretKeySpec(new byte[32], "HmacSHA256")),
        "p1",
        new Argon2Cost(1024, 1, 1));
  }

  @Test
  void generatedCredentialsHaveTheExpectedShapeAndParseBack() {
    TokenCredentials credentials = TokenCredentials.generate(new SecureRandom());

    assertEquals(22, credentials.key().length());
    assertEquals(43, credentials.secret().length());
    assertEquals(66, credentials.token().length());
    assertEquals(credentials, TokenCredentials.parse(credentials.token()));
  }

  @Test
  void generatedCredentialsDiffer() {
    SecureRandom random = new SecureRandom();
    Set<String> keys = new HashSet<>();
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      TokenCredentials credentials = TokenCredentials.generate(random);
      keys.add(credentials.key());
      secrets.add(credentials.secret());
    }
    assertEquals(1000, keys.size());
    assertEquals(1000, secrets.size());
  }

  @Test
  void generationUsesTheRandomItIsGiven() {
    SecureRandom fixed =
        new SecureRandom() {
          @Override
          public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0xff);
          }
        };

    TokenCredentials credentials = TokenCredentials.generate(fixed);

    assertEquals(KEY_FF, credentials.key());
    assertEquals("_".repeat(42) + "8", credentials.secret());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        KEY + "." + SECRET,
        KEY_FF + "." + SECRET_FB,
        "0123456789abcdefABCDEg.0123456789-_abcdefghijklmnopqrstuvwxyzABCDE"
      })
  void parsesWellFormedTokens(String token) {
    TokenCredentials credentials = TokenCredentials.parse(token);

    assertEquals(token, credentials.token());
    assertEquals(token.substring(0, 22), credentials.key());
    assertEquals(token.substring(23), credentials.secret());
  }

  static Stream<String> malformedTokens() {
    return Stream.of(
        ".",
        KEY,
        KEY + ".",
        "." + SECRET,
        KEY + SECRET, // no dot
        KEY + ".." + SECRET.substring(1), // two dots, right length
        KEY + "." + SECRET + ".", // two dots
        KEY.substring(1) + "." + SECRET + "A", // dot one place early
        KEY + "A." + SECRET.substring(1), // dot one place late
        KEY + "." + SECRET + "A", // secret too long
        KEY + "." + SECRET.substring(1), // secret too short
        " " + KEY + "." + SECRET.substring(1), // whitespace
        KEY + "." + SECRET.substring(1) + "\n",
        "AAAAAAAAAAAAAAAAAAAA==." + SECRET, // padding
        "AAAAAAAAAAAAAAAAAAAA+/." + SECRET, // standard, not URL-safe, alphabet
        KEY + "." + SECRET.substring(1, 43) + "=",
        KEY + "." + SECRET.substring(1, 43) + "ä",
        "AAAAAAAAAAAAAAAAAAAAAB." + SECRET, // non-canonical: unused key bits set
        KEY + "." + SECRET.substring(1, 43) + "B", // unused secret bits set
        "_____________________x." + SECRET); // 0xff… with a stray low bit
  }

  @ParameterizedTest
  @NullAndEmptySource
  @MethodSource("malformedTokens")
  void refusesMalformedTokens(String token) {
    assertThrows(IllegalArgumentException.class, () -> TokenCredentials.parse(token));
    assertTrue(TokenCredentials.tryParse(token).isEmpty());
  }

  @Test
  void refusalsNeverRepeatTheSecret() {
    String token = KEY + "." + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB";

    IllegalArgumentException refusal =
        assertThrows(IllegalArgumentException.class, () -> TokenCredentials.parse(token));

    assertFalse(refusal.getMessage().contains("AAAAAAAAAA"));
  }

  @Test
  void toStringShowsTheKeyButNeverTheSecret() {
    TokenCredentials credentials = TokenCredentials.parse(KEY_FF + "." + SECRET_FB);

    assertTrue(credentials.toString().contains(KEY_FF));
    assertFalse(credentials.toString().contains(SECRET_FB));
    assertFalse(credentials.toString().contains("-_v7"));
  }

  @Test
  void theStoredHashVerifiesOnlyItsOwnSecret() {
    SecretHasher hasher = hasher();
    TokenCredentials credentials = TokenCredentials.generate(new SecureRandom());
    TokenCredentials other = TokenCredentials.generate(new SecureRandom());

    String stored = credentials.secretHash(hasher);

    assertFalse(stored.contains(credentials.secret()));
    assertTrue(credentials.secretMatches(hasher, stored));
    assertFalse(other.secretMatches(hasher, stored));
    assertNotEquals(stored, other.secretHash(hasher));
    assertFalse(credentials.secretMatches(hasher, "junk"));
    assertFalse(credentials.secretMatches(hasher, null));
  }
}
