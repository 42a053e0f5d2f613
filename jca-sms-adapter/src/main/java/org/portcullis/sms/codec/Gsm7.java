package org.portcullis.sms.codec;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The GSM 03.38 (3GPP TS 23.038 §6.2.1) default alphabet and its extension table, as unpacked
 * septets: one octet per septet, the form SMPP gateways expect in {@code short_message} with {@code
 * data_coding} 0.
 *
 * <p>Only characters that survive the round trip unchanged count as GSM: 0x09 is taken as {@code Ç}
 * (the glyph in the standard), so {@code ç} is not in the alphabet and sends the text as UCS-2
 * rather than silently changing it. The ESC code itself (0x1B) is never a character of a text.
 *
 * <p>Thread-safety: immutable tables, safe for concurrent use.
 */
public final class Gsm7 {

  /** The escape septet that announces a character of the extension table. */
  public static final int ESCAPE = 0x1B;

  /** Septets 0x00-0x7F of the default alphabet; index = septet value (0x1B is ESC). */
  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  /** The extension table: each character and the septet that follows ESC for it. */
  private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";

  private static final int[] EXTENSION_CODES = {
    0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65
  };

  private static final Map<Character, Integer> BASIC_CODES = new HashMap<>();
  private static final Map<Character, Integer> EXTENSION_BY_CHAR = new HashMap<>();
  private static final char[] EXTENSION_BY_CODE = new char[128];

  static {
    if (BASIC.length() != 128) {
      throw new ExceptionInInitializerError("GSM basic table must have 128 entries");
    }
    for (int code = 0; code < BASIC.length(); code++) {
      if (code != ESCAPE) {
        BASIC_CODES.put(BASIC.charAt(code), code);
      }
    }
    for (int i = 0; i < EXTENSION_CHARS.length(); i++) {
      EXTENSION_BY_CHAR.put(EXTENSION_CHARS.charAt(i), EXTENSION_CODES[i]);
      EXTENSION_BY_CODE[EXTENSION_CODES[i]] = EXTENSION_CHARS.charAt(i);
    }
  }

  private Gsm7() {}

  /**
   * How many septets a code point takes: 1 in the basic table, 2 (ESC + code) in the extension
   * table, or -1 when GSM 03.38 cannot carry it.
   */
  public static int septets(int codePoint) {
    if (codePoint > Character.MAX_VALUE) {
      return -1;
    }
    char c = (char) codePoint;
    if (BASIC_CODES.containsKey(c)) {
      return 1;
    }
    return EXTENSION_BY_CHAR.containsKey(c) ? 2 : -1;
  }

  /** Whether every character of the text is in the default alphabet or its extension table. */
  public static boolean canEncode(CharSequence text) {
    return text.codePoints().allMatch(cp -> septets(cp) > 0);
  }

  /** The number of septets the text takes, or -1 when it is not GSM 03.38. */
  public static int countSeptets(CharSequence text) {
    int total = 0;
    for (int cp : text.codePoints().toArray()) {
      int septets = septets(cp);
      if (septets < 0) {
        return -1;
      }
      total += septets;
    }
    return total;
  }

  /**
   * Appends the unpacked septets of one code point.
   *
   * @throws IllegalArgumentException when the code point is not GSM 03.38
   */
  static void encode(int codePoint, ByteArrayOutputStream out) {
    if (codePoint <= Character.MAX_VALUE) {
      Integer basic = BASIC_CODES.get((char) codePoint);
      if (basic != null) {
        out.write(basic);
        return;
      }
      Integer extension = EXTENSION_BY_CHAR.get((char) codePoint);
      if (extension != null) {
        out.write(ESCAPE);
        out.write(extension);
        return;
      }
    }
    throw new IllegalArgumentException(
        "U+" + Integer.toHexString(codePoint).toUpperCase() + " is not in GSM 03.38");
  }

  /**
   * Unpacked septets of a whole text.
   *
   * @throws IllegalArgumentException when a character is not GSM 03.38
   */
  public static byte[] encode(CharSequence text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
    text.codePoints().forEach(cp -> encode(cp, out));
    return out.toByteArray();
  }

  /**
   * Decodes unpacked septets. An escape followed by a code the extension table does not define is
   * shown as that code's basic character, as TS 23.038 asks of a receiving handset; an octet above
   * 0x7F (not a septet) becomes U+FFFD.
   */
  public static String decode(byte[] septets, int offset, int length) {
    StringBuilder text = new StringBuilder(length);
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      int code = septets[i] & 0xFF;
      if (code > 0x7F) {
        text.append('\uFFFD');
      } else if (code == ESCAPE && i + 1 < end) {
        int next = septets[++i] & 0xFF;
        if (next > 0x7F) {
          text.append('\uFFFD');
        } else if (EXTENSION_BY_CODE[next] != 0) {
          text.append(EXTENSION_BY_CODE[next]);
        } else if (next == ESCAPE) {
          text.append(' ');
        } else {
          text.append(BASIC.charAt(next));
        }
      } else if (code == ESCAPE) {
        // a trailing lone ESC carries nothing
        continue;
      } else {
        text.append(BASIC.charAt(code));
      }
    }
    return text.toString();
  }

  /** Decodes a whole array of unpacked septets. */
  public static String decode(byte[] septets) {
    return decode(septets, 0, septets.length);
  }
}
