package org.portcullis.handset.client;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The code a handset makes up for handset-OTP enrollment (SPEC §3.8): the customer texts it to the
 * bank's service number after a keyword, and the handset sends the same code over HTTPS; the server
 * matches the two within 5 minutes.
 *
 * <p>Stateless and thread-safe.
 */
public final class HandsetOtp {

  /** Digits in a handset OTP: 10^8 codes against the server's few attempts per MSISDN. */
  public static final int LENGTH = 8;

  /** The keyword the server listens for unless configured otherwise. */
  public static final String DEFAULT_KEYWORD = "REG";

  private static final int BOUND = 100_000_000; // 10^LENGTH

  private static final Pattern KEYWORD = Pattern.compile("\\S+");

  private HandsetOtp() {}

  /**
   * A new code: {@value #LENGTH} decimal digits, uniformly random (leading zeros kept).
   *
   * @param random the source; must be a {@link SecureRandom}, the code is a one-time secret
   */
  public static String generate(SecureRandom random) {
    // nextInt(bound) rejects the biased tail itself, so every code is equally likely
    return String.format("%08d", random.nextInt(BOUND));
  }

  /**
   * The text of the SMS the customer sends: the keyword, one space, the code.
   *
   * @param keyword one word, e.g. {@value #DEFAULT_KEYWORD}
   * @param otp the code from {@link #generate}
   * @throws IllegalArgumentException when the keyword is empty or not one word
   */
  public static String smsText(String keyword, String otp) {
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(otp, "otp");
    if (!KEYWORD.matcher(keyword).matches()) {
      throw new IllegalArgumentException("the keyword must be one word, not '" + keyword + "'");
    }
    return keyword + " " + otp;
  }
}
