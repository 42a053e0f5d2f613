package org.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
  private static final SecretHasher.Argon2Cost CHEAP = new SecretHasher.Argon2Cost(1024, 1, 1);

  @TempDir Path dir;

  @Test
  void createsTheKeystoreOnFirstEnsure() throws Exception {
    Path file = dir.resolve("data").resolve("keystore.p12");
    KeyRing ring = KeyRing.open(file, PASSWORD);

    assertFalse(Files.exists(file), "opening alone writes nothing");
    SecretKey key = ring.ensure("secretbox-1", "AES");

    assertTrue(Files.size(file) > 0);
    assertEquals(32, key.getEncoded().length);
  }

  @Test
  void onlyTheOwnerCanReadTheKeystore() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path file = dir.resolve("keystore.p12");

    KeyRing.open(file, PASSWORD).ensure("secretbox-1", "AES");

    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    assertEquals(
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), permissions);
  }

  @Test
  void reopeningWithTheSamePasswordGivesTheSameKeys() throws Exception {
    Path file = dir.resolve("keystore.p12");
    KeyRing first = KeyRing.open(file, PASSWORD);
    byte[] box = first.ensure("secretbox-1", "AES").getEncoded();
    byte[] pepper = first.ensure("pepper-1", "HmacSHA256").getEncoded();

    KeyRing second = KeyRing.open(file, PASSWORD.clone());

    assertArrayEquals(box, second.ensure("secretbox-1", "AES").getEncoded());
    assertArrayEquals(pepper, second.ensure("pepper-1", "HmacSHA256").getEncoded());
  }

  @Test
  void ensureGeneratesAKeyOnlyOnce() throws Exception {
    KeyRing ring = KeyRing.open(dir.resolve("keystore.p12"), PASSWORD);

    byte[] first = ring.ensure("pepper-1", "HmacSHA256").getEncoded();
    byte[] again = ring.ensure("pepper-1", "HmacSHA256").getEncoded();
    byte[] other = ring.ensure("pepper-2", "HmacSHA256").getEncoded();

    assertArrayEquals(first, again);
    assertFalse(Arrays.equals(first, other));
  }

  @Test
  void aWrongPasswordDoesNotOpenTheKeystore() throws Exception {
    Path file = dir.resolve("keystore.p12");
    KeyRing.open(file, PASSWORD).ensure("secretbox-1", "AES");

    assertThrows(IOException.class, () -> KeyRing.open(file, "wrong password".toCharArray()));
  }

  @Test
  void refusesAnEmptyPassword() {
    assertThrows(
        IllegalArgumentException.class,
        () -> KeyRing.open(dir.resolve("keystore.p12"), new char[0]));
  }

  @Test
  void listsOnlyTheKeysOfOnePurpose() throws Exception {
    Path file = dir.resolve("keystore.p12");
    KeyRing ring = KeyRing.open(file, PASSWORD);
    byte[] box1 = ring.ensure("secretbox-1", "AES").getEncoded();
    byte[] box2 = ring.ensure("secretbox-2", "AES").getEncoded();
    ring.ensure("pepper-1", "HmacSHA256");
    ring.ensure("secretboxes-1", "AES");

    Map<String, SecretKey> boxes = KeyRing.open(file, PASSWORD).all("secretbox");

    assertEquals(Set.of("secretbox-1", "secretbox-2"), boxes.keySet());
    assertArrayEquals(box1, boxes.get("secretbox-1").getEncoded());
    assertArrayEquals(box2, boxes.get("secretbox-2").getEncoded());
    assertEquals(Set.of("pepper-1"), ring.all("pepper").keySet());
    assertTrue(ring.all("token").isEmpty());
  }

  @Test
  void keysFromTheRingWorkInTheBoxAndTheHasher() throws Exception {
    Path file = dir.resolve("keystore.p12");
    KeyRing ring = KeyRing.open(file, PASSWORD);
    ring.ensure("secretbox-1", "AES");
    ring.ensure("pepper-1", "HmacSHA256");
    SecretBox box = new SecretBox(ring.all("secretbox"), "secretbox-1");
    SecretHasher hasher = new SecretHasher(ring.all("pepper"), "pepper-1", CHEAP);
    String sealed = box.seal("5820397416", "row");
    String hashed = hasher.fastHash("api-secret");

    // after a restart the same keystore opens what the previous run sealed and hashed
    KeyRing reopened = KeyRing.open(file, PASSWORD);
    SecretBox box2 = new SecretBox(reopened.all("secretbox"), "secretbox-1");
    SecretHasher hasher2 = new SecretHasher(reopened.all("pepper"), "pepper-1", CHEAP);

    assertEquals("5820397416", box2.openString(sealed, "row"));
    assertTrue(hasher2.fastVerify("api-secret", hashed));
  }
}
