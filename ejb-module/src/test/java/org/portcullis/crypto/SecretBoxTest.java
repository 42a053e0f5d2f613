package org.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretBoxTest {

  private static final String ROW = "pinpad_session:42:sealed_pad";

  private static SecretKey aesKey(int bits) throws NoSuchAlgorithmException {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(bits);
    return generator.generateKey();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1234", "a pad of ten digits: 5820397416", "Grüße, 東京 🔐"})
  void opensWhatItSealed(String plaintext) throws Exception {
    SecretBox box = new SecretBox(Map.of("key-1", aesKey(256)), "key-1");

    String sealed = box.seal(plaintext, ROW);

    assertTrue(sealed.startsWith("key-1:"), sealed);
    assertEquals(plaintext, box.openString(sealed, ROW));
  }

  @Test
  void opensSealedBytes() throws Exception {
    SecretBox box = new SecretBox(Map.of("key-1", aesKey(256)), "key-1");
    byte[] plaintext = {0, 1, 2, (byte) 0xff, (byte) 0x80};

    assertArrayEquals(plaintext, box.open(box.seal(plaintext, ROW), ROW));
  }

  @Test
  void doesNotRevealThePlaintext() throws Exception {
    SecretBox box = new SecretBox(Map.of("key-1", aesKey(256)), "key-1");

    String sealed = box.seal("5820397416", ROW);

    assertFalse(sealed.contains("5820397416"), sealed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pinpad_session:43:sealed_pad", "pinpad_session:42:other", "", " " + ROW})
  void refusesToOpenUnderOtherAssociatedData(String otherPlace) throws Exception {
    SecretBox box = new SecretBox(Map.of("key-1", aesKey(256)), "key-1");
    String sealed = box.seal("5820397416", ROW);

    assertThrows(IllegalArgumentException.class, () -> box.open(sealed, otherPlace));
  }

  @Test
  void refusesEverySealedValueWithOneByteChanged() throws Exception {
    SecretBox box = new SecretBox(Map.of("key-1", aesKey(256)), "key-1");
    String sealed = box.seal("5820397416", ROW);
    byte[] payload = Base64.getUrlDecoder().decode(sealed.substring("key-1:".length()));

    // nonce, ciphertext and tag: every byte is covered by the GCM tag
    for (int i = 0; i < payload.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = payload.clone();
        tampered[i] ^= (byte) (1 << bit);
        String forged = "key-1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
        int at = i;
        int flipped = bit;
        assertThrows(
            IllegalArgumentException.class,
            () -> box.open(forged, ROW),
            () -> "byte " + at + " bit " + flipped);
      }
    }
  }

  /**
   * The sealed text, not just the bytes it decodes to, must not be alterable: the class promises
   * that a tampered value fails. The payload is 12 + n + 16 bytes: n = 11 fills whole base64
   * groups, n = 10 and n = 12 end in a partial group whose last character carries 2 or 4 bits that
   * decode to nothing.
   */
  @ParameterizedTest
  @ValueSource(ints = {10, 11, 12})
  void refusesEverySealedTextWithOneCharacterChanged(int plaintextBytes) throws Exception {
    SecretBox box = new SecretBox(Map.of("key-1", aesKey(256)), "key-1");
    String sealed = box.seal("7".repeat(plaintextBytes), ROW);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    for (int i = "key-1:".length(); i < sealed.length(); i++) {
      for (char replacement : alphabet.toCharArray()) {
        if (replacement == sealed.charAt(i)) {
          continue;
        }
        String forged = sealed.substring(0, i) + replacement + sealed.substring(i + 1);
        int at = i;
        assertThrows(
            IllegalArgumentException.class,
            () -> box.open(forged, ROW),
            () -> "character " + at + " changed to '" + replacement + "' still opens: " + forged);
      }
    }
  }

  @Test
  void refusesTruncatedAndMalformedValues() throws Exception {
    SecretBox box = new SecretBox(Map.of("key-1", aesKey(256)), "key-1");
    String sealed = box.seal("5820397416", ROW);

    assertThrows(
        IllegalArgumentException.class,
        () -> box.open(sealed.substring(0, sealed.length() - 4), ROW));
    assertThrows(IllegalArgumentException.class, () -> box.open("key-1:AAAA", ROW));
    assertThrows(IllegalArgumentException.class, () -> box.open("key-1:", ROW));
    assertThrows(IllegalArgumentException.class, () -> box.open("no key id at all", ROW));
    assertThrows(IllegalArgumentException.class, () -> box.open("key-1:not*base64!", ROW));
  }

  @Test
  void refusesAValueSealedUnderAnUnknownKey() throws Exception {
    SecretBox sealer = new SecretBox(Map.of("key-1", aesKey(256)), "key-1");
    SecretBox other = new SecretBox(Map.of("key-2", aesKey(256)), "key-2");
    String sealed = sealer.seal("5820397416", ROW);

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> other.open(sealed, ROW));
    assertTrue(refused.getMessage().contains("unknown key"), refused.getMessage());
  }

  @Test
  void refusesAValueRelabelledWithAnotherKnownKeyId() throws Exception {
    SecretBox box = new SecretBox(Map.of("key-1", aesKey(256), "key-2", aesKey(256)), "key-1");
    String sealed = box.seal("5820397416", ROW);
    String relabelled = "key-2" + sealed.substring("key-1".length());

    assertThrows(IllegalArgumentException.class, () -> box.open(relabelled, ROW));
  }

  @Test
  void opensOldValuesAfterTheCurrentKeyIsRotated() throws Exception {
    SecretKey key1 = aesKey(256);
    SecretKey key2 = aesKey(256);
    SecretBox before = new SecretBox(Map.of("key-1", key1), "key-1");
    String old = before.seal("5820397416", ROW);

    SecretBox after = new SecretBox(Map.of("key-1", key1, "key-2", key2), "key-2");
    String fresh = after.seal("0123456789", ROW);

    assertEquals("5820397416", after.openString(old, ROW));
    assertTrue(fresh.startsWith("key-2:"), fresh);
    assertEquals("0123456789", after.openString(fresh, ROW));
    // a node that has not got the new key yet cannot open values sealed under it
    assertThrows(IllegalArgumentException.class, () -> before.open(fresh, ROW));
  }

  @Test
  void sealsTheSameTextDifferentlyEachTime() throws Exception {
    SecretBox box = new SecretBox(Map.of("key-1", aesKey(256)), "key-1");

    String first = box.seal("5820397416", ROW);
    String second = box.seal("5820397416", ROW);

    assertNotEquals(first, second);
    assertNotEquals(
        first.substring(0, "key-1:".length() + 16), second.substring(0, "key-1:".length() + 16));
    assertEquals(box.openString(first, ROW), box.openString(second, ROW));
  }

  @ParameterizedTest
  @ValueSource(ints = {128, 192})
  void refusesKeysShorterThan256Bits(int bits) throws Exception {
    SecretKey weak = aesKey(bits);
    Map<String, SecretKey> keys = Map.of("key-1", aesKey(256), "key-0", weak);

    assertThrows(IllegalArgumentException.class, () -> new SecretBox(keys, "key-1"));
  }

  @Test
  void refusesAnUnknownCurrentKeyId() throws Exception {
    Map<String, SecretKey> keys = Map.of("key-1", aesKey(256));

    assertThrows(IllegalArgumentException.class, () -> new SecretBox(keys, "key-2"));
  }

  @Test
  void refusesAKeyIdContainingTheSeparator() throws Exception {
    Map<String, SecretKey> keys = Map.of("key:1", aesKey(256));

    assertThrows(IllegalArgumentException.class, () -> new SecretBox(keys, "key:1"));
  }

  @Test
  void sealedValueCarriesNonceCiphertextAndTag() throws Exception {
    SecretBox box = new SecretBox(Map.of("key-1", aesKey(256)), "key-1");
    String plaintext = "5820397416";

    String sealed = box.seal(plaintext, ROW);
    byte[] payload = Base64.getUrlDecoder().decode(sealed.substring("key-1:".length()));

    // 12-byte nonce + ciphertext as long as the plaintext + 16-byte tag; no padding in the text
    assertEquals(12 + plaintext.getBytes(StandardCharsets.UTF_8).length + 16, payload.length);
    assertFalse(sealed.contains("="), sealed);
  }
}
