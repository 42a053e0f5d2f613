package org.portcullis.handset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

class HandsetPublicKeyTest {

  private static String base64(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  private static PublicKey ec(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair().getPublic();
  }

  private static PublicKey rsa(int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
    return generator.generateKeyPair().getPublic();
  }

  @Test
  void acceptsEcP256AndKeepsTheDer() throws Exception {
    PublicKey key = ec("secp256r1");
    HandsetPublicKey parsed = HandsetPublicKey.parse(base64(key));
    assertEquals(HandsetPublicKey.Algorithm.EC_P256, parsed.algorithm());
    assertEquals(256, parsed.bits());
    assertArrayEquals(key.getEncoded(), parsed.der());
  }

  @Test
  void acceptsRsa2048And3072() throws Exception {
    assertEquals(2048, HandsetPublicKey.parse(base64(rsa(2048))).bits());
    HandsetPublicKey rsa3072 = HandsetPublicKey.parse(base64(rsa(3072)));
    assertEquals(HandsetPublicKey.Algorithm.RSA, rsa3072.algorithm());
    assertEquals(3072, rsa3072.bits());
  }

  @Test
  void acceptsUrlSafeAndUnpaddedBase64() throws Exception {
    PublicKey key = ec("secp256r1");
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(key.getEncoded());
    assertArrayEquals(key.getEncoded(), HandsetPublicKey.parse(urlSafe).der());
  }

  @Test
  void refusesShortRsa() throws Exception {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> HandsetPublicKey.parse(base64(rsa(1024))));
    assertTrue(e.getMessage().contains("1024 bits"), e.getMessage());
  }

  @Test
  void refusesOtherCurves() throws Exception {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> HandsetPublicKey.parse(base64(ec("secp384r1"))));
    assertTrue(e.getMessage().contains("P-256"), e.getMessage());
  }

  @Test
  void refusesOtherAlgorithms() throws Exception {
    PublicKey ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HandsetPublicKey.parse(base64(ed25519)));
    assertTrue(e.getMessage().contains("RSA"), e.getMessage());
  }

  @Test
  void refusesAPointThatIsNotOnTheCurve() throws Exception {
    byte[] der = ec("secp256r1").getEncoded();
    der[der.length - 1] ^= 1; // the last byte of y: the point leaves the curve
    assertThrows(
        IllegalArgumentException.class,
        () -> HandsetPublicKey.parse(Base64.getEncoder().encodeToString(der)));
  }

  @Test
  void refusesTrailingBytesAndJunk() throws Exception {
    byte[] der = ec("secp256r1").getEncoded();
    byte[] longer = Arrays.copyOf(der, der.length + 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> HandsetPublicKey.parse(Base64.getEncoder().encodeToString(longer)));
    assertThrows(IllegalArgumentException.class, () -> HandsetPublicKey.parse("not base64 !"));
    assertThrows(IllegalArgumentException.class, () -> HandsetPublicKey.parse("AAAA"));
    assertThrows(IllegalArgumentException.class, () -> HandsetPublicKey.parse(""));
    assertThrows(IllegalArgumentException.class, () -> HandsetPublicKey.parse(null));
    assertThrows(IllegalArgumentException.class, () -> HandsetPublicKey.parse("A".repeat(4000)));
  }

  @Test
  void refusesAnEvenRsaExponent() throws Exception {
    java.security.interfaces.RSAPublicKey real = (java.security.interfaces.RSAPublicKey) rsa(2048);
    byte[] forged =
        new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new DERSequence(
                    new org.bouncycastle.asn1.ASN1Encodable[] {
                      new ASN1Integer(real.getModulus()), new ASN1Integer(BigInteger.valueOf(4))
                    }))
            .getEncoded("DER");
    assertThrows(
        IllegalArgumentException.class,
        () -> HandsetPublicKey.parse(Base64.getEncoder().encodeToString(forged)));
  }

  @Test
  void refusesEcWithoutANamedCurve() throws Exception {
    SubjectPublicKeyInfo real = SubjectPublicKeyInfo.getInstance(ec("secp256r1").getEncoded());
    byte[] forged =
        new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey),
                real.getPublicKeyData().getBytes())
            .getEncoded("DER");
    assertThrows(
        IllegalArgumentException.class,
        () -> HandsetPublicKey.parse(Base64.getEncoder().encodeToString(forged)));
  }
}
