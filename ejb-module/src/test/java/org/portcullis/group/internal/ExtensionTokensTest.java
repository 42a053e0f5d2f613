package org.portcullis.group.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.SecretHasher;

class ExtensionTokensTest {

  private static SecretHasher hasher() throws Exception {
    KeyGenerator generator = KeyGenerator.getInstance("HmacSHA256");
    generator.init(256);
    return new SecretHasher(
        Map.of("pepper-1", generator.generateKey()),
        "pepper-1",
        new SecretHasher.Argon2Cost(1024, 1, 1));
  }

  @Test
  void aSignedLinkGivesItsIdBack() throws Exception {
    SecretHasher hasher = hasher();
    String linkId = Randoms.urlToken(16);
    String token = ExtensionTokens.token(hasher, linkId);

    assertTrue(token.startsWith(linkId + "."));
    assertEquals(linkId, ExtensionTokens.linkIdOf(hasher, token).orElseThrow());
  }

  @Test
  void aForgedOrAlteredLinkIsRefused() throws Exception {
    SecretHasher hasher = hasher();
    String linkId = Randoms.urlToken(16);
    String token = ExtensionTokens.token(hasher, linkId);
    String otherId = Randoms.urlToken(16);

    assertTrue(ExtensionTokens.linkIdOf(hasher, otherId + token.substring(22)).isEmpty());
    char last = token.charAt(token.length() - 1);
    String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertTrue(ExtensionTokens.linkIdOf(hasher, flipped).isEmpty());
    assertTrue(ExtensionTokens.linkIdOf(hasher(), token).isEmpty(), "another server's pepper");
    assertTrue(ExtensionTokens.linkIdOf(hasher, linkId).isEmpty());
    assertTrue(ExtensionTokens.linkIdOf(hasher, null).isEmpty());
    assertTrue(ExtensionTokens.linkIdOf(hasher, token + "x").isEmpty());
  }
}
