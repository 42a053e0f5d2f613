package org.portcullis.handset.client;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The handset's key pair: generation and the encodings the server expects. A public key travels as
 * the standard-alphabet base64 of its X.509 SubjectPublicKeyInfo DER (RFC 5280 §4.1.2.7).
 *
 * <p>Stateless and thread-safe.
 */
public final class HandsetKeys {

  private static final String SPKI_FORMAT = "X.509";

  private HandsetKeys() {}

  /**
   * Generates a new key pair from a fresh {@link SecureRandom}.
   *
   * @param algorithm RSA 2048 or EC P-256
   * @throws IllegalStateException when this JDK cannot generate it (every standard JDK can)
   */
  public static KeyPair generate(KeyAlgorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    AlgorithmParameterSpec spec =
        switch (algorithm) {
          case RSA_2048 -> new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4);
          case EC_P256 -> new ECGenParameterSpec("secp256r1");
        };
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.jcaName());
      generator.initialize(spec, new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate " + algorithm.displayName(), e);
    }
  }

  /**
   * The key as the server takes it: base64 (standard alphabet, padded) of its SubjectPublicKeyInfo.
   *
   * @throws IllegalArgumentException for a key that has no X.509 encoding
   */
  public static String encodePublicKey(PublicKey key) {
    return Base64.getEncoder().encodeToString(subjectPublicKeyInfo(key));
  }

  /**
   * Reads a public key written by {@link #encodePublicKey}.
   *
   * @param algorithm the key's algorithm
   * @param base64 base64 of the SubjectPublicKeyInfo
   * @throws IllegalArgumentException when it is not base64 or not such a key
   */
  public static PublicKey decodePublicKey(KeyAlgorithm algorithm, String base64) {
    Objects.requireNonNull(algorithm, "algorithm");
    byte[] der = Base64.getDecoder().decode(Objects.requireNonNull(base64, "base64").strip());
    try {
      return KeyFactory.getInstance(algorithm.jcaName())
          .generatePublic(new X509EncodedKeySpec(der));
    } catch (InvalidKeySpecException e) {
      throw new IllegalArgumentException("not an " + algorithm.displayName() + " public key", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no " + algorithm.jcaName() + " KeyFactory", e);
    }
  }

  /**
   * A short, public identifier of the key for people to compare: {@code SHA256:} and the unpadded
   * base64 of the SHA-256 digest of its SubjectPublicKeyInfo.
   */
  public static String fingerprint(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo(key));
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] subjectPublicKeyInfo(PublicKey key) {
    Objects.requireNonNull(key, "key");
    byte[] der = key.getEncoded();
    if (!SPKI_FORMAT.equals(key.getFormat()) || der == null) {
      throw new IllegalArgumentException(
          "a " + key.getAlgorithm() + " key in format " + key.getFormat() + " is not X.509");
    }
    return der;
  }
}
