package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HandsetKeysTest {

  @Test
  void rsaKeysHave2048BitModuliAndExponent65537() {
    KeyPair pair = HandsetKeys.generate(KeyAlgorithm.RSA_2048);

    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    assertEquals(2048, key.getModulus().bitLength());
    assertEquals(BigInteger.valueOf(65537), key.getPublicExponent());
    assertEquals("RSA", pair.getPrivate().getAlgorithm());
  }

  @Test
  void ecKeysAreOnP256() throws Exception {
    KeyPair pair = HandsetKeys.generate(KeyAlgorithm.EC_P256);

    ECParameterSpec p256 = p256();
    ECParameterSpec actual = ((ECPublicKey) pair.getPublic()).getParams();
    assertEquals(p256.getCurve(), actual.getCurve());
    assertEquals(p256.getGenerator(), actual.getGenerator());
    assertEquals(p256.getOrder(), actual.getOrder());
    assertEquals(p256.getCofactor(), actual.getCofactor());
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void everyKeyPairIsNew(KeyAlgorithm algorithm) {
    assertNotEquals(
        HandsetKeys.encodePublicKey(HandsetKeys.generate(algorithm).getPublic()),
        HandsetKeys.encodePublicKey(HandsetKeys.generate(algorithm).getPublic()));
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void encodedPublicKeyIsStandardBase64OfTheSpkiAndRoundTripsThroughKeyFactory(
      KeyAlgorithm algorithm) throws Exception {
    PublicKey key = HandsetKeys.generate(algorithm).getPublic();

    String encoded = HandsetKeys.encodePublicKey(key);

    assertTrue(encoded.matches("[A-Za-z0-9+/]+={0,2}"), encoded);
    byte[] der = Base64.getDecoder().decode(encoded);
    assertArrayEquals(key.getEncoded(), der);
    PublicKey decoded =
        KeyFactory.getInstance(algorithm.jcaName()).generatePublic(new X509EncodedKeySpec(der));
    assertEquals(key, decoded);
    assertEquals(key, HandsetKeys.decodePublicKey(algorithm, encoded));
  }

  @Test
  void aKeyOfTheOtherAlgorithmIsRefused() {
    String ec = HandsetKeys.encodePublicKey(HandsetKeys.generate(KeyAlgorithm.EC_P256).getPublic());

    assertThrows(
        IllegalArgumentException.class,
        () -> HandsetKeys.decodePublicKey(KeyAlgorithm.RSA_2048, ec));
    assertThrows(
        IllegalArgumentException.class,
        () -> HandsetKeys.decodePublicKey(KeyAlgorithm.EC_P256, "not base64!"));
  }

  @Test
  void fingerprintIsSha256OfTheSpkiAndTellsKeysApart() throws Exception {
    PublicKey key = HandsetKeys.generate(KeyAlgorithm.EC_P256).getPublic();
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded());

    assertEquals(
        "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest),
        HandsetKeys.fingerprint(key));
    assertNotEquals(
        HandsetKeys.fingerprint(key),
        HandsetKeys.fingerprint(HandsetKeys.generate(KeyAlgorithm.EC_P256).getPublic()));
  }

  private static ECParameterSpec p256() throws Exception {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    return parameters.getParameterSpec(ECParameterSpec.class);
  }
}
