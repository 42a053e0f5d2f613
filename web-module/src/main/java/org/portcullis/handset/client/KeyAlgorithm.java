package org.portcullis.handset.client;

import java.util.Locale;

/**
 * The key pairs a handset may hold: the server accepts RSA of at least 2048 bits or EC on NIST
 * P-256 (secp256r1) and nothing else (SPEC §3.8).
 */
public enum KeyAlgorithm {
  /** RSA with a 2048-bit modulus and public exponent 65537; messages arrive RSA-OAEP-wrapped. */
  RSA_2048("RSA", "RSA 2048"),

  /** EC on P-256 (secp256r1); messages arrive wrapped by ECDH and HKDF. */
  EC_P256("EC", "EC P-256");

  private final String jcaName;
  private final String displayName;

  KeyAlgorithm(String jcaName, String displayName) {
    this.jcaName = jcaName;
    this.displayName = displayName;
  }

  /** The algorithm's name for {@code KeyPairGenerator} and {@code KeyFactory}. */
  public String jcaName() {
    return jcaName;
  }

  /** A name for people, e.g. {@code EC P-256}. */
  public String displayName() {
    return displayName;
  }

  /** The command line's name for it: {@code rsa} or {@code ec}. */
  public String optionName() {
    return jcaName.toLowerCase(Locale.ROOT);
  }
}
