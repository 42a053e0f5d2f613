package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portcullis.crypto.SecretHasher;

/**
 * The reference client's group cipher: the key follows the code and the group's salt only, it is
 * separate from the server's verifier of the same code, and sealed items open only in their group,
 * as their kind, with their key.
 */
class GroupCipherTest {

  private static final String GROUP = "g-abcdefghijkmnpqrstuv";
  private static final String CODE = "7X9Z-K2M4-T1V8-B6C3";
  private static final String SALT =
      Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});

  private static GroupCipher cipher;

  @BeforeAll
  static void derive() {
    cipher = GroupCipher.derive(GROUP, CODE, SALT);
  }

  @Test
  void theKeyFollowsTheCodeAsPeopleWriteItAndTheSalt() {
    assertTrue(cipher.sameKey(GroupCipher.derive(GROUP, "7x9zk2m4t1v8b6c3", SALT)));
    assertTrue(cipher.sameKey(GroupCipher.derive(GROUP, "7X9Z K2M4 TIV8 B6C3", SALT)), "I is 1");
    assertFalse(cipher.sameKey(GroupCipher.derive(GROUP, "7X9Z-K2M4-T1V8-B6C4", SALT)));
    String otherSalt = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
    assertFalse(cipher.sameKey(GroupCipher.derive(GROUP, CODE, otherSalt)), "another group's salt");
  }

  @Test
  void aMessageGoesThereAndBack() {
    String sealed = cipher.sealText("Chapter 3 tonight?");
    assertEquals("Chapter 3 tonight?", cipher.openText(sealed));
    assertNotEquals(sealed, cipher.sealText("Chapter 3 tonight?"), "a fresh nonce every time");
    assertFalse(
        new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1)
            .contains("Chapter"));
  }

  @Test
  void aSealedItemOpensOnlyInItsGroupAsItsKindWithItsKey() {
    byte[] file = cipher.seal("photo".getBytes(StandardCharsets.UTF_8), GroupCipher.Kind.FILE);
    assertArrayEquals(
        "photo".getBytes(StandardCharsets.UTF_8), cipher.open(file, GroupCipher.Kind.FILE));
    assertThrows(IllegalArgumentException.class, () -> cipher.open(file, GroupCipher.Kind.MESSAGE));
    GroupCipher sameKeyOtherGroup = GroupCipher.ofKey("g-kmnpqrstuvwxyz234567", cipher.key());
    assertThrows(
        IllegalArgumentException.class, () -> sameKeyOtherGroup.open(file, GroupCipher.Kind.FILE));
    GroupCipher wrongKey = GroupCipher.derive(GROUP, "K2M4-T1V8-B6C3-7X9Z", SALT);
    assertThrows(IllegalArgumentException.class, () -> wrongKey.open(file, GroupCipher.Kind.FILE));
    file[file.length - 1] ^= 1;
    assertThrows(IllegalArgumentException.class, () -> cipher.open(file, GroupCipher.Kind.FILE));
  }

  @Test
  void theContentKeyIsNotTheServersVerifierEvenWithTheSameSalt() throws Exception {
    KeyGenerator generator = KeyGenerator.getInstance("HmacSHA256");
    generator.init(256);
    SecretHasher server =
        new SecretHasher(
            Map.of("pepper-1", generator.generateKey()),
            "pepper-1",
            new SecretHasher.Argon2Cost(19 * 1024, 2, 1));
    String canonical = GroupCodes.canonical(CODE);
    String verifier = server.slowHash(canonical);
    String[] parts = verifier.split("\\$");
    // derive the client's key with the very salt the server used: still unrelated
    GroupCipher sameSalt = GroupCipher.derive(GROUP, CODE, parts[5]);
    byte[] serverHash = Base64.getUrlDecoder().decode(parts[6]);
    assertFalse(java.util.Arrays.equals(serverHash, sameSalt.key()));
    assertTrue(server.slowVerify(canonical, verifier));
    assertFalse(
        server.slowVerify(Base64.getEncoder().encodeToString(sameSalt.key()), verifier),
        "the key is no code");
    assertFalse(cipher.toString().contains(Base64.getEncoder().encodeToString(cipher.key())));
  }

  @Test
  void refusesASaltThatIsNotSixteenBytesAndACodeOutsideTheAlphabet() {
    assertThrows(IllegalArgumentException.class, () -> GroupCipher.derive(GROUP, CODE, "AAAA"));
    assertThrows(IllegalArgumentException.class, () -> GroupCipher.derive(GROUP, CODE, "!!"));
    assertThrows(
        IllegalArgumentException.class, () -> GroupCipher.derive(GROUP, "UUUU-UUUU", SALT));
    assertThrows(IllegalArgumentException.class, () -> GroupCipher.ofKey(GROUP, new byte[16]));
  }
}
