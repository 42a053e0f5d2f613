package org.portcullis.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Comparison of secrets in time that does not depend on where they first differ, so that an
 * attacker cannot learn a secret byte by byte from response times.
 */
public final class ConstantTime {

  private ConstantTime() {}

  /** {@link MessageDigest#isEqual} is specified to run in time independent of the contents. */
  public static boolean equals(byte[] a, byte[] b) {
    // a missing secret never matches, not even another missing one
    return a != null && b != null && MessageDigest.isEqual(a, b);
  }

  public static boolean equals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
