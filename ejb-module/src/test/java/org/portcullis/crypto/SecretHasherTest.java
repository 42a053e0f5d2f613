package org.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.crypto.SecretHasher.Argon2Cost;

class SecretHasherTest {

  /** Cheap enough that a test runs in milliseconds; the OWASP cost has its own test. */
  private static final Argon2Cost CHEAP = new Argon2Cost(1024, 1, 1);

  private static SecretKey pepper() throws NoSuchAlgorithmException {
    KeyGenerator generator = KeyGenerator.getInstance("HmacSHA256");
    generator.init(256);
    return generator.generateKey();
  }

  private static SecretHasher cheapHasher() throws NoSuchAlgorithmException {
    return new SecretHasher(Map.of("pepper-1", pepper()), "pepper-1", CHEAP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234", "correct horse battery staple", "", "Pässwörd-東京-🔐"})
  void verifiesTheSecretItHashed(String secret) throws Exception {
    SecretHasher hasher = cheapHasher();

    String stored = hasher.slowHash(secret);

    assertTrue(hasher.slowVerify(secret, stored), stored);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1235", "123", "12345", " 1234", "1234 ", ""})
  void rejectsAnyOtherSecret(String wrong) throws Exception {
    SecretHasher hasher = cheapHasher();

    String stored = hasher.slowHash("1234");

    assertFalse(hasher.slowVerify(wrong, stored));
    assertFalse(hasher.slowVerify(null, stored));
  }

  @Test
  void storesParametersAndPepperIdButNotTheSecret() throws Exception {
    SecretHasher hasher = cheapHasher();

    String stored = hasher.slowHash("5820397416");

    assertTrue(stored.startsWith("$argon2id$v=19$m=1024,t=1,p=1$pepper-1$"), stored);
    assertEquals(7, stored.split("\\$").length, stored);
    assertFalse(stored.contains("5820397416"), stored);
  }

  @Test
  void owaspDefaultsHashAndVerify() throws Exception {
    SecretHasher hasher =
        new SecretHasher(Map.of("pepper-1", pepper()), "pepper-1", Argon2Cost.owasp());

    String stored = hasher.slowHash("correct horse battery staple");

    assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$pepper-1$"), stored);
    assertTrue(hasher.slowVerify("correct horse battery staple", stored));
    assertFalse(hasher.slowVerify("correct horse battery stapler", stored));
  }

  @Test
  void oldHashesVerifyAfterCostAndPepperChange() throws Exception {
    SecretKey pepper1 = pepper();
    SecretHasher before = new SecretHasher(Map.of("pepper-1", pepper1), "pepper-1", CHEAP);
    String old = before.slowHash("1234");

    SecretHasher after =
        new SecretHasher(
            Map.of("pepper-1", pepper1, "pepper-2", pepper()),
            "pepper-2",
            new Argon2Cost(2048, 2, 2));
    String fresh = after.slowHash("1234");

    assertTrue(after.slowVerify("1234", old));
    assertFalse(after.slowVerify("4321", old));
    assertTrue(fresh.startsWith("$argon2id$v=19$m=2048,t=2,p=2$pepper-2$"), fresh);
    assertTrue(after.slowVerify("1234", fresh));
    // a node without the new pepper cannot check hashes made under it
    assertFalse(before.slowVerify("1234", fresh));
  }

  @Test
  void aStolenDatabaseAloneDoesNotVerify() throws Exception {
    SecretHasher server = cheapHasher();
    String stored = server.slowHash("1234");

    // the attacker knows the pepper id from the row, but not the key bytes in the keystore
    SecretHasher attacker = new SecretHasher(Map.of("pepper-1", pepper()), "pepper-1", CHEAP);

    assertFalse(attacker.slowVerify("1234", stored));
  }

  @Test
  void saltsEveryHash() throws Exception {
    SecretHasher hasher = cheapHasher();

    String first = hasher.slowHash("1234");
    String second = hasher.slowHash("1234");

    assertNotEquals(first, second);
    assertNotEquals(first.split("\\$")[5], second.split("\\$")[5]);
    assertTrue(hasher.slowVerify("1234", first));
    assertTrue(hasher.slowVerify("1234", second));
  }

  @Test
  void verificationIsRepeatable() throws Exception {
    SecretHasher hasher = cheapHasher();
    String stored = hasher.slowHash("1234");

    for (int i = 0; i < 3; i++) {
      assertTrue(hasher.slowVerify("1234", stored));
    }
  }

  static Stream<String> junk() {
    String salt = "AAAAAAAAAAAAAAAAAAAAAA";
    String hash = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    return Stream.of(
        "",
        "$",
        "1234",
        "$$$$$$",
        "$argon2id$v=19$m=1024,t=1,p=1$pepper-1$" + salt,
        "$argon2id$v=19$m=1024,t=1,p=1$pepper-1$" + salt + "$" + hash + "$extra",
        "$argon2i$v=19$m=1024,t=1,p=1$pepper-1$" + salt + "$" + hash,
        "$bcrypt$v=19$m=1024,t=1,p=1$pepper-1$" + salt + "$" + hash,
        "$argon2id$v=19$m=1024,t=1,p=1$pepper-9$" + salt + "$" + hash,
        "$argon2id$v=19$m=1024,t=1,p=1$pepper-1$" + salt + "$" + hash,
        "$argon2id$v=19$m=1024,t=1,p=1$pepper-1$not*base64$" + hash,
        "$argon2id$v=19$m=1024,t=1,p=1$pepper-1$" + salt + "$not*base64",
        "$argon2id$v=19$m=1024,t=1,p=1$pepper-1$$" + hash,
        "$argon2id$v=19$m=1024,t=1,p=1$pepper-1$" + salt + "$",
        "$argon2id$v=19$m=abc,t=1,p=1$pepper-1$" + salt + "$" + hash,
        "$argon2id$v=19$m=1024,t=1$pepper-1$" + salt + "$" + hash,
        "$argon2id$v=19$m=1024,t=1,p=1,x=2$pepper-1$" + salt + "$" + hash,
        "$argon2id$v=19$m=1024,t=0,p=1$pepper-1$" + salt + "$" + hash,
        "$argon2id$v=19$m=1024,t=1,p=0$pepper-1$" + salt + "$" + hash,
        "$argon2id$v=19$m=-1024,t=1,p=1$pepper-1$" + salt + "$" + hash,
        "$argon2id$v=19$m=1024;t=1;p=1$pepper-1$" + salt + "$" + hash,
        "$argon2id$v=19$m=99999999999,t=1,p=1$pepper-1$" + salt + "$" + hash,
        "hmac-sha256$pepper-1$" + hash);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @MethodSource("junk")
  void rejectsJunkWithoutThrowing(String stored) throws Exception {
    SecretHasher hasher = cheapHasher();

    assertFalse(hasher.slowVerify("1234", stored));
    assertFalse(hasher.slowVerify("", stored));
  }

  /**
   * Exposes a bug: Argon2 (RFC 9106 §3.1) allows at most 2^24 − 1 lanes; Bouncy Castle throws
   * IllegalStateException for more, and slowVerify lets it escape instead of answering false.
   */
  @Test
  void rejectsALaneCountBeyondArgon2sLimitWithoutThrowing() throws Exception {
    SecretHasher hasher = cheapHasher();
    String stored =
        "$argon2id$v=19$m=134217728,t=1,p=16777216$pepper-1$AAAAAAAAAAAAAAAAAAAAAA$"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    assertFalse(hasher.slowVerify("1234", stored));
  }

  @Test
  void fastHashVerifiesAndRejects() throws Exception {
    SecretHasher hasher = cheapHasher();
    String secret = Randoms.urlToken(32);

    String stored = hasher.fastHash(secret);

    assertTrue(stored.startsWith("hmac-sha256$pepper-1$"), stored);
    assertFalse(stored.contains(secret), stored);
    assertTrue(hasher.fastVerify(secret, stored));
    assertFalse(hasher.fastVerify(secret + "x", stored));
    assertFalse(hasher.fastVerify(secret.substring(1), stored));
    assertFalse(hasher.fastVerify(null, stored));
  }

  @Test
  void fastHashIsTheSameForTheSameSecretAndPepper() throws Exception {
    SecretHasher hasher = cheapHasher();
    String secret = Randoms.urlToken(32);

    assertEquals(hasher.fastHash(secret), hasher.fastHash(secret));
    assertNotEquals(hasher.fastHash(secret), hasher.fastHash(Randoms.urlToken(32)));
  }

  @Test
  void fastHashDependsOnThePepperKeyBytes() throws Exception {
    String secret = Randoms.urlToken(32);
    String stored = cheapHasher().fastHash(secret);

    assertFalse(cheapHasher().fastVerify(secret, stored));
  }

  @Test
  void fastHashesVerifyAfterPepperRotation() throws Exception {
    SecretKey pepper1 = pepper();
    String secret = Randoms.urlToken(32);
    String old = new SecretHasher(Map.of("pepper-1", pepper1), "pepper-1", CHEAP).fastHash(secret);

    SecretHasher after =
        new SecretHasher(Map.of("pepper-1", pepper1, "pepper-2", pepper()), "pepper-2", CHEAP);

    assertTrue(after.fastVerify(secret, old));
    assertTrue(after.fastHash(secret).startsWith("hmac-sha256$pepper-2$"));
    assertNotEquals(old, after.fastHash(secret));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "hmac-sha256",
        "hmac-sha256$pepper-1",
        "hmac-sha256$pepper-9$AAAA",
        "hmac-sha1$pepper-1$AAAA",
        "hmac-sha256$pepper-1$not*base64",
        "hmac-sha256$pepper-1$AAAA$extra",
        "$argon2id$v=19$m=1024,t=1,p=1$pepper-1$AAAAAAAAAAAAAAAAAAAAAA$AAAA"
      })
  void fastVerifyRejectsJunkWithoutThrowing(String stored) throws Exception {
    assertFalse(cheapHasher().fastVerify("secret", stored));
  }

  @Test
  void slowAndFastHashesAreNotInterchangeable() throws Exception {
    SecretHasher hasher = cheapHasher();

    assertFalse(hasher.fastVerify("1234", hasher.slowHash("1234")));
    assertFalse(hasher.slowVerify("1234", hasher.fastHash("1234")));
  }

  @Test
  void refusesAnUnknownCurrentPepper() throws Exception {
    Map<String, SecretKey> peppers = Map.of("pepper-1", pepper());

    assertThrows(
        IllegalArgumentException.class, () -> new SecretHasher(peppers, "pepper-2", CHEAP));
  }

  @Test
  void refusesAPepperIdThatWouldBreakTheStoredForm() throws Exception {
    Map<String, SecretKey> peppers = Map.of("pepper-1", pepper(), "pep$per-2", pepper());

    assertThrows(
        IllegalArgumentException.class, () -> new SecretHasher(peppers, "pepper-1", CHEAP));
  }

  @ParameterizedTest
  @CsvSource({"7, 1, 1", "15, 1, 2", "1024, 0, 1", "1024, 1, 0", "-8, 1, 1"})
  void refusesArgon2CostsOutOfRange(int memoryKiB, int iterations, int parallelism) {
    assertThrows(
        IllegalArgumentException.class, () -> new Argon2Cost(memoryKiB, iterations, parallelism));
  }

  @Test
  void owaspCostIsTheCheatSheetsFirstChoice() {
    assertEquals(new Argon2Cost(19 * 1024, 2, 1), Argon2Cost.owasp());
  }
}
