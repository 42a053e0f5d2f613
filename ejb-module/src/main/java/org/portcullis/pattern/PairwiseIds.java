package org.portcullis.pattern;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pairwise user IDs (SPEC §3.2): a stable identifier of a customer for one relying system that no
 * other system can link to it, because it is a keyed pseudo-random function of an internal customer
 * id under that system's own key. HMAC-SHA-256 under the system key of (customer id as 8 bytes
 * big-endian ‖ counter as 4 bytes big-endian), taken as an unsigned number modulo 10^length and
 * written as {@code length} decimal digits with leading zeros.
 *
 * <p>Reducing a 256-bit value modulo 10^length (at most 10^32 ≈ 2^106.3) makes some values likelier
 * than others by at most one part in 2^256 / 10^32 ≈ 10^45: negligible. Two customers may still get
 * the same value within a system (birthday bound); the caller then derives again with the next
 * counter and stores the result, so an ID never changes once given out.
 *
 * <p>Stateless and thread-safe.
 */
public final class PairwiseIds {

  /** Fewest digits: shorter IDs collide too often within a large system. */
  public static final int MIN_LENGTH = 6;

  /** Most digits: beyond 32 the 256-bit MAC no longer covers the range with negligible bias. */
  public static final int MAX_LENGTH = 32;

  private static final String HMAC = "HmacSHA256";

  private PairwiseIds() {}

  /**
   * The pairwise ID of a customer for the system whose key is {@code systemKey}.
   *
   * @param systemKey the relying system's pairwise-ID key (at least 16 bytes; 32 recommended)
   * @param customerId the internal, never disclosed customer id
   * @param length 6..32 decimal digits
   * @param counter 0 for the first derivation, one more after each collision in the system
   * @throws IllegalArgumentException for a short key, a length outside 6..32 or a negative counter
   */
  public static String derive(byte[] systemKey, long customerId, int length, int counter) {
    Objects.requireNonNull(systemKey, "systemKey");
    if (systemKey.length < 16) {
      throw new IllegalArgumentException("a system key has at least 16 bytes");
    }
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new IllegalArgumentException("a pairwise ID has 6 to 32 digits");
    }
    if (counter < 0) {
      throw new IllegalArgumentException("the counter starts at 0");
    }
    byte[] tag;
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(systemKey, HMAC));
      tag = mac.doFinal(ByteBuffer.allocate(12).putLong(customerId).putInt(counter).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
    String digits = new BigInteger(1, tag).mod(BigInteger.TEN.pow(length)).toString();
    return "0".repeat(length - digits.length()) + digits;
  }
}
