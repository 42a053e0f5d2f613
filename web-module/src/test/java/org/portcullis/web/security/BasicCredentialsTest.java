package org.portcullis.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsUserAndPassword() {
    assertEquals(
        Optional.of(new BasicCredentials("BANK0001", "s3cret-Token_value")),
        BasicCredentials.parse(basic("BANK0001:s3cret-Token_value")));
  }

  @Test
  void readsTheRfc7617Example() {
    // RFC 7617 §2: "Aladdin" / "open sesame"
    assertEquals(
        Optional.of(new BasicCredentials("Aladdin", "open sesame")),
        BasicCredentials.parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
  }

  @Test
  void splitsAtTheFirstColonSoPasswordsMayContainColons() {
    assertEquals(
        Optional.of(new BasicCredentials("BANK0001", "a:b::c:")),
        BasicCredentials.parse(basic("BANK0001:a:b::c:")));
  }

  @Test
  void acceptsAnEmptyPassword() {
    assertEquals(
        Optional.of(new BasicCredentials("BANK0001", "")),
        BasicCredentials.parse(basic("BANK0001:")));
  }

  @Test
  void decodesUtf8() {
    assertEquals(
        Optional.of(new BasicCredentials("Jürgen-東京", "pässwörd🔐")),
        BasicCredentials.parse(basic("Jürgen-東京:pässwörd🔐")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"basic ", "BASIC ", "bAsIc "})
  void treatsTheSchemeCaseInsensitively(String scheme) {
    String header = scheme + basic("BANK0001:secret").substring("Basic ".length());

    assertEquals(
        Optional.of(new BasicCredentials("BANK0001", "secret")), BasicCredentials.parse(header));
  }

  @Test
  void toleratesSpaceAroundTheCredentials() {
    String encoded = basic("BANK0001:secret").substring("Basic ".length());

    assertEquals(
        Optional.of(new BasicCredentials("BANK0001", "secret")),
        BasicCredentials.parse("Basic   " + encoded + " "));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "Basic",
        "Basic ",
        "QkFOSzAwMDE6c2VjcmV0", // no scheme
        "Bearer QkFOSzAwMDE6c2VjcmV0",
        "BasicQkFOSzAwMDE6c2VjcmV0",
        "Digest username=\"BANK0001\"",
        "Basic not base64!",
        "Basic QkFOSzAwMDE6c2VjcmV0===",
        "Basic QkFOSzAwMDFzZWNyZXQ=", // "BANK0001secret": no colon
        "Basic OnNlY3JldA==" // ":secret": no user
      })
  void refusesAnythingElse(String header) {
    assertEquals(Optional.empty(), BasicCredentials.parse(header));
  }

  @Test
  void neverPrintsThePassword() {
    BasicCredentials credentials =
        BasicCredentials.parse(basic("BANK0001:hunter2-very-secret")).orElseThrow();

    String printed = credentials.toString();

    assertTrue(printed.contains("BANK0001"), printed);
    assertFalse(printed.contains("hunter2"), printed);
    assertFalse(String.valueOf(credentials).contains("hunter2"));
  }
}
