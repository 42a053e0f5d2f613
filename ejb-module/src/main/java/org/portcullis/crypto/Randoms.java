package org.portcullis.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Every random value Portcullis hands out comes from here: one {@link SecureRandom}, which is
 * thread-safe and seeds itself from the operating system.
 */
public final class Randoms {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private static final String READABLE = "abcdefghijkmnpqrstuvwxyz23456789";

  private Randoms() {}

  public static SecureRandom secureRandom() {
    return RANDOM;
  }

  public static byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** A URL-safe token carrying {@code bytes * 8} bits of entropy. */
  public static String urlToken(int bytes) {
    return URL.encodeToString(bytes(bytes));
  }

  /** {@code count} uniformly random decimal digits (leading zeros allowed). */
  public static String digits(int count) {
    StringBuilder digits = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      digits.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return digits.toString();
  }

  /**
   * {@code count} random characters of a lower-case alphabet without look-alikes ({@code
   * abcdefghijkmnpqrstuvwxyz23456789}): 5 bits each, easy to read out or type, safe in URLs and
   * identifiers.
   */
  public static String readable(int count) {
    StringBuilder text = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      text.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
    }
    return text.toString();
  }
}
