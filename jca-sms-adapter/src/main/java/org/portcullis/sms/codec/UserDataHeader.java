package org.portcullis.sms.codec;

import java.util.Optional;

/**
 * The user data header at the start of {@code short_message} when {@code esm_class} has the UDHI
 * bit (0x40), per 3GPP TS 23.040 §9.2.3.24.
 *
 * <p>Thread-safety: immutable.
 *
 * @param length the header's length in octets including its own length octet (UDHL + 1)
 * @param concatenation the concatenation element (IEI 0x00 or 0x08), if the header has one
 */
public record UserDataHeader(int length, Optional<Concatenation> concatenation) {

  /** IEI of concatenation with an 8-bit reference. */
  public static final int IEI_CONCAT_8BIT = 0x00;

  /** IEI of concatenation with a 16-bit reference. */
  public static final int IEI_CONCAT_16BIT = 0x08;

  /** The {@code esm_class} bit saying {@code short_message} starts with a user data header. */
  public static final int ESM_CLASS_UDHI = 0x40;

  /**
   * The six header octets of one part of a concatenated message with an 8-bit reference: UDHL 05,
   * IEI 00, IEDL 03, reference, total, sequence.
   */
  public static byte[] concatenation8(int reference, int total, int sequence) {
    if (reference < 0 || reference > 0xFF) {
      throw new IllegalArgumentException("an 8-bit reference is 0..255, not " + reference);
    }
    new Concatenation(reference, total, sequence);
    return new byte[] {
      0x05, IEI_CONCAT_8BIT, 0x03, (byte) reference, (byte) total, (byte) sequence
    };
  }

  /**
   * Reads the header at the start of a {@code short_message}.
   *
   * @throws IllegalArgumentException when the header runs past the message or an element past the
   *     header
   */
  public static UserDataHeader parse(byte[] shortMessage) {
    if (shortMessage.length == 0) {
      throw new IllegalArgumentException("UDHI is set but the message is empty");
    }
    int udhl = shortMessage[0] & 0xFF;
    if (udhl + 1 > shortMessage.length) {
      throw new IllegalArgumentException(
          "user data header of " + udhl + " octets is longer than the message");
    }
    Concatenation concatenation = null;
    int i = 1;
    while (i < udhl + 1) {
      if (i + 1 >= udhl + 1) {
        throw new IllegalArgumentException("truncated information element in user data header");
      }
      int iei = shortMessage[i] & 0xFF;
      int iedl = shortMessage[i + 1] & 0xFF;
      int data = i + 2;
      if (data + iedl > udhl + 1) {
        throw new IllegalArgumentException("information element runs past the user data header");
      }
      if (iei == IEI_CONCAT_8BIT && iedl == 3) {
        concatenation =
            concatenation(
                shortMessage[data] & 0xFF, shortMessage[data + 1], shortMessage[data + 2]);
      } else if (iei == IEI_CONCAT_16BIT && iedl == 4) {
        int reference = ((shortMessage[data] & 0xFF) << 8) | (shortMessage[data + 1] & 0xFF);
        concatenation = concatenation(reference, shortMessage[data + 2], shortMessage[data + 3]);
      }
      i = data + iedl;
    }
    return new UserDataHeader(udhl + 1, Optional.ofNullable(concatenation));
  }

  private static Concatenation concatenation(int reference, byte total, byte sequence) {
    int t = total & 0xFF;
    int s = sequence & 0xFF;
    // TS 23.040: a receiver ignores an element with a zero or out-of-range value
    if (t == 0 || s == 0 || s > t) {
      return null;
    }
    return new Concatenation(reference, t, s);
  }
}
