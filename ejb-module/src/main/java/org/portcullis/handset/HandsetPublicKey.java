package org.portcullis.handset;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * A handset's public key as SPEC §3.8 allows it: an X.509 SubjectPublicKeyInfo (DER, base64) of an
 * RSA key of 2048 to 16384 bits or an EC key on the named curve P-256 (secp256r1 / prime256v1).
 * Everything else is refused with a message saying why: other algorithms and curves, explicit curve
 * parameters, EC points that are not on the curve, even or tiny RSA moduli and exponents, and any
 * encoding that is not exactly one canonical DER structure. Immutable.
 */
public record HandsetPublicKey(Algorithm algorithm, int bits, String base64) {

  /** The key types a handset may hold. */
  public enum Algorithm {
    RSA,
    EC_P256
  }

  public static final int MIN_RSA_BITS = 2048;
  public static final int MAX_RSA_BITS = 16384;

  /** Base64 of a 16384-bit RSA SubjectPublicKeyInfo is about 2,800 characters. */
  public static final int MAX_BASE64_LENGTH = 3000;

  public HandsetPublicKey {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(base64, "base64");
  }

  /**
   * Parses and checks a key.
   *
   * @param base64 standard or URL-safe base64, padded or not, of the DER SubjectPublicKeyInfo
   * @throws IllegalArgumentException with a message for the client if the key is not acceptable
   */
  public static HandsetPublicKey parse(String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalArgumentException("publicKey is required");
    }
    if (base64.length() > MAX_BASE64_LENGTH) {
      throw new IllegalArgumentException("publicKey is too long for an RSA or P-256 key");
    }
    byte[] der = decode(base64.strip());
    SubjectPublicKeyInfo info;
    byte[] canonicalDer;
    try {
      info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
      canonicalDer = info.getEncoded("DER");
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "publicKey must be a DER-encoded X.509 SubjectPublicKeyInfo");
    }
    if (!Arrays.equals(canonicalDer, der)) {
      throw new IllegalArgumentException(
          "publicKey must be exactly one DER-encoded X.509 SubjectPublicKeyInfo");
    }
    ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
    String canonical = Base64.getEncoder().encodeToString(der);
    if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
      return new HandsetPublicKey(Algorithm.RSA, rsaBits(info), canonical);
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      checkP256(info);
      return new HandsetPublicKey(Algorithm.EC_P256, 256, canonical);
    }
    throw new IllegalArgumentException(
        "publicKey must be an RSA (at least 2048 bits) or EC P-256 key, not " + algorithm.getId());
  }

  /** The DER SubjectPublicKeyInfo. */
  public byte[] der() {
    return Base64.getDecoder().decode(base64);
  }

  private static byte[] decode(String text) {
    String standard = text.replace('-', '+').replace('_', '/');
    try {
      return Base64.getDecoder().decode(standard);
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getDecoder().decode(standard + "=".repeat((4 - standard.length() % 4) % 4));
      } catch (IllegalArgumentException again) {
        throw new IllegalArgumentException("publicKey is not base64");
      }
    }
  }

  private static int rsaBits(SubjectPublicKeyInfo info) {
    RSAKeyParameters rsa = (RSAKeyParameters) keyParameters(info, "RSA");
    BigInteger modulus = rsa.getModulus();
    BigInteger exponent = rsa.getExponent();
    int bits = modulus.bitLength();
    if (bits < MIN_RSA_BITS) {
      throw new IllegalArgumentException(
          "publicKey is an RSA key of " + bits + " bits; at least 2048 are required");
    }
    if (bits > MAX_RSA_BITS) {
      throw new IllegalArgumentException("publicKey is an RSA key of more than 16384 bits");
    }
    if (!modulus.testBit(0)
        || !exponent.testBit(0)
        || exponent.compareTo(BigInteger.valueOf(3)) < 0
        || exponent.compareTo(modulus) >= 0) {
      throw new IllegalArgumentException("publicKey is not a valid RSA key");
    }
    return bits;
  }

  private static void checkP256(SubjectPublicKeyInfo info) {
    if (info.getAlgorithm().getParameters() == null
        || !SECObjectIdentifiers.secp256r1.equals(info.getAlgorithm().getParameters())) {
      throw new IllegalArgumentException(
          "publicKey is an EC key that is not on the named curve P-256 (secp256r1)");
    }
    // Bouncy Castle checks that the point is on the curve and not the point at infinity
    if (!(keyParameters(info, "EC") instanceof ECPublicKeyParameters)) {
      throw new IllegalArgumentException("publicKey is not a valid EC key");
    }
  }

  private static AsymmetricKeyParameter keyParameters(SubjectPublicKeyInfo info, String kind) {
    try {
      return PublicKeyFactory.createKey(info);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("publicKey is not a valid " + kind + " key");
    }
  }
}
