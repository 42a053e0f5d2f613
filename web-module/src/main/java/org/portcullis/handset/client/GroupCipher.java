package org.portcullis.handset.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The content key of one private group and what it seals: every message and file the reference
 * client sends is encrypted here, so the server, a database dump or a backup holds only ciphertext.
 *
 * <p><b>The key</b> is Argon2id (RFC 9106, Bouncy Castle) of the group's code in its canonical form
 * ({@link GroupCodes#canonical}), with the group's public 16-byte {@code kdfSalt}, the associated
 * data {@value #KDF_CONTEXT} and OWASP's cost (19 MiB, 2 passes, 1 lane), 32 bytes long. It is
 * separate from the server's verifier of the same code: the server hashes with a random salt of its
 * own and its keystore's pepper as Argon2's secret, and never sees the salt's key, so neither value
 * tells anything about the other. The cost makes guessing a code from a stolen ciphertext as slow
 * as guessing it against the server's hash.
 *
 * <p><b>Sealing</b> is AES-256-GCM: {@code 0x01 || nonce (12 random bytes) || ciphertext || tag},
 * the associated data {@code portcullis/group/v1:<groupId>:<kind>} binding it to its group and to
 * whether it is a message or a file, so a ciphertext moved elsewhere does not open.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class GroupCipher {

  /** What the content key is for; part of its derivation. */
  public static final String KDF_CONTEXT = "portcullis/group-content-key/v1";

  /** What a sealed item is. */
  public enum Kind {
    MESSAGE,
    FILE
  }

  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;

  private static final byte VERSION = 1;
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String groupId;
  private final byte[] key;

  private GroupCipher(String groupId, byte[] key) {
    this.groupId = Objects.requireNonNull(groupId, "groupId");
    this.key = key.clone();
  }

  /**
   * Derives the group's key from its code.
   *
   * @param kdfSalt the group's public salt, base64url, as the server gives it
   * @throws IllegalArgumentException for a code that is not Crockford base32 or a salt that is not
   *     16 bytes of base64url
   */
  public static GroupCipher derive(String groupId, String code, String kdfSalt) {
    byte[] salt;
    try {
      salt = Base64.getUrlDecoder().decode(kdfSalt);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the group's salt is not base64url");
    }
    if (salt.length != 16) {
      throw new IllegalArgumentException("the group's salt is not 16 bytes");
    }
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(MEMORY_KIB)
            .withIterations(ITERATIONS)
            .withParallelism(PARALLELISM)
            .withSalt(salt)
            .withAdditional(KDF_CONTEXT.getBytes(StandardCharsets.UTF_8))
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] key = new byte[KEY_BYTES];
    generator.generateBytes(GroupCodes.canonical(code).getBytes(StandardCharsets.US_ASCII), key);
    return new GroupCipher(groupId, key);
  }

  /** A cipher from a key derived earlier (the state directory keeps keys, never codes). */
  public static GroupCipher ofKey(String groupId, byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a group key is 32 bytes");
    }
    return new GroupCipher(groupId, key);
  }

  public String groupId() {
    return groupId;
  }

  /** The key, for the state directory. */
  byte[] key() {
    return key.clone();
  }

  public byte[] seal(byte[] plaintext, Kind kind) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(kind));
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * @throws IllegalArgumentException when it was not sealed with this group's key for this kind, or
   *     was changed
   */
  public byte[] open(byte[] sealed, Kind kind) {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
      throw new IllegalArgumentException("not a sealed group item");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(associatedData(kind));
      return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new IllegalArgumentException("the item does not open with this group's key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** A text message, sealed and base64 (RFC 4648 §4), as the API takes it. */
  public String sealText(String text) {
    return Base64.getEncoder()
        .encodeToString(seal(text.getBytes(StandardCharsets.UTF_8), Kind.MESSAGE));
  }

  /** A message's base64 ciphertext opened as text. */
  public String openText(String base64) {
    return new String(
        open(Base64.getDecoder().decode(base64), Kind.MESSAGE), StandardCharsets.UTF_8);
  }

  private byte[] associatedData(Kind kind) {
    return ("portcullis/group/v1:" + groupId + ":" + kind.name().toLowerCase(java.util.Locale.ROOT))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Whether two ciphers hold the same key (constant time). */
  boolean sameKey(GroupCipher other) {
    return java.security.MessageDigest.isEqual(key, other.key);
  }

  @Override
  public String toString() {
    return "GroupCipher[" + groupId + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GroupCipher cipher
        && groupId.equals(cipher.groupId)
        && Arrays.equals(key, cipher.key);
  }

  @Override
  public int hashCode() {
    return groupId.hashCode();
  }
}
