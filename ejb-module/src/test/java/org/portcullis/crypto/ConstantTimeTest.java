package org.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstantTimeTest {

  @Test
  void equalBytesAreEqual() {
    assertTrue(ConstantTime.equals(new byte[] {1, 2, 3}, new byte[] {1, 2, 3}));
    assertTrue(ConstantTime.equals(new byte[0], new byte[0]));
  }

  @Test
  void bytesDifferingAnywhereOrInLengthAreNotEqual() {
    byte[] secret = {1, 2, 3, 4};

    assertFalse(ConstantTime.equals(secret, new byte[] {0, 2, 3, 4}));
    assertFalse(ConstantTime.equals(secret, new byte[] {1, 2, 3, 5}));
    assertFalse(ConstantTime.equals(secret, new byte[] {1, 2, 3}));
    assertFalse(ConstantTime.equals(secret, new byte[] {1, 2, 3, 4, 0}));
    assertFalse(ConstantTime.equals(secret, null));
  }

  @ParameterizedTest
  @CsvSource({
    "s3cret, s3cret, true",
    "s3cret, S3cret, false",
    "s3cret, s3cre, false",
    "s3cret, s3cret0, false",
    "'', '', true",
    "Grüße, Grüße, true",
    "Grüße, Grusse, false"
  })
  void comparesStringsByTheirUtf8Bytes(String a, String b, boolean equal) {
    assertEquals(equal, ConstantTime.equals(a, b));
    assertEquals(equal, ConstantTime.equals(b, a));
  }

  @Test
  void aMissingStringNeverMatches() {
    assertFalse(ConstantTime.equals("s3cret", null));
    assertFalse(ConstantTime.equals(null, "s3cret"));
    // a missing stored secret and a missing presented one must not count as a match
    assertFalse(ConstantTime.equals((String) null, (String) null));
  }
}
