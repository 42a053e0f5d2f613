package org.portcullis.launcher.peers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The text of one submitted SMS part, as a handset would show it: the user data decoded by its
 * {@code data_coding} (SMPP 3.4 §5.2.19, GSM 03.38 §4) after the user data header, whose
 * concatenation element (TS 23.040 §9.2.3.24.1 and .8) says which part of which message it is.
 *
 * <p>Written here rather than shared with the adapter on purpose: the demo gateway is an
 * independent reading of what the adapter encodes. Immutable.
 *
 * @param text the decoded text of this part
 * @param reference the concatenation reference, or -1 when the text is not split
 * @param total the number of parts of the whole message (1 when not split)
 * @param sequence this part's number, from 1
 */
record ShortMessage(String text, int reference, int total, int sequence) {

  private static final int ESM_CLASS_UDHI = 0x40;

  /** GSM 03.38 default alphabet, septet 0x00 to 0x7F; 0x1B escapes to the extension table. */
  private static final String GSM7 =
      "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5"
          + "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u001b\u00c6\u00e6\u00df\u00c9"
          + " !\"#\u00a4%&'()*+,-./0123456789:;<=>?"
          + "\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7"
          + "\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";

  /**
   * Decodes one part.
   *
   * @param userData the short_message (or message_payload) octets
   * @param esmClass the esm_class; its UDHI bit says a user data header comes first
   * @param dataCoding the data_coding
   */
  static ShortMessage decode(byte[] userData, byte esmClass, byte dataCoding) {
    int start = 0;
    int reference = -1;
    int total = 1;
    int sequence = 1;
    if ((esmClass & ESM_CLASS_UDHI) != 0 && userData.length > 0) {
      int headerLength = userData[0] & 0xFF;
      start = Math.min(userData.length, 1 + headerLength);
      for (int i = 1; i + 1 < start; ) {
        int element = userData[i] & 0xFF;
        int length = userData[i + 1] & 0xFF;
        int data = i + 2;
        if (element == 0x00 && length == 3 && data + 3 <= start) { // 8-bit reference
          reference = userData[data] & 0xFF;
          total = userData[data + 1] & 0xFF;
          sequence = userData[data + 2] & 0xFF;
        } else if (element == 0x08 && length == 4 && data + 4 <= start) { // 16-bit reference
          reference = ((userData[data] & 0xFF) << 8) | (userData[data + 1] & 0xFF);
          total = userData[data + 2] & 0xFF;
          sequence = userData[data + 3] & 0xFF;
        }
        i = data + length;
      }
    }
    byte[] body = Arrays.copyOfRange(userData, start, userData.length);
    return new ShortMessage(text(body, dataCoding & 0xFF), reference, total, sequence);
  }

  /** Whether this part is one of several. */
  boolean concatenated() {
    return reference >= 0 && total > 1;
  }

  private static String text(byte[] body, int dataCoding) {
    return switch (alphabet(dataCoding)) {
      case GSM7 -> gsm7(body);
      case ASCII -> new String(body, StandardCharsets.US_ASCII);
      case LATIN1 -> new String(body, StandardCharsets.ISO_8859_1);
      case UCS2 -> new String(body, StandardCharsets.UTF_16BE);
      case BINARY ->
          "(binary data, data_coding 0x%02x: %s)"
              .formatted(dataCoding, HexFormat.of().formatHex(body));
    };
  }

  private enum Alphabet {
    GSM7,
    ASCII,
    LATIN1,
    UCS2,
    BINARY
  }

  private static Alphabet alphabet(int dataCoding) {
    if (dataCoding < 0x10) { // SMPP's own values (SMPP 3.4 §5.2.19)
      return switch (dataCoding) {
        case 0x00 -> Alphabet.GSM7; // the SMSC default alphabet, taken to be GSM 03.38
        case 0x01 -> Alphabet.ASCII;
        case 0x03 -> Alphabet.LATIN1;
        case 0x08 -> Alphabet.UCS2;
        default -> Alphabet.BINARY;
      };
    }
    if ((dataCoding & 0xC0) == 0x00) { // GSM 03.38 general data coding: bits 3-2
      return switch ((dataCoding >> 2) & 0x03) {
        case 0 -> Alphabet.GSM7;
        case 2 -> Alphabet.UCS2;
        default -> Alphabet.BINARY;
      };
    }
    if ((dataCoding & 0xF0) == 0xF0) { // data coding / message class: bit 2
      return (dataCoding & 0x04) == 0 ? Alphabet.GSM7 : Alphabet.BINARY;
    }
    return Alphabet.BINARY;
  }

  /** Unpacked septets, one per octet, as SMPP carries GSM 03.38 text. */
  private static String gsm7(byte[] septets) {
    StringBuilder text = new StringBuilder(septets.length);
    for (int i = 0; i < septets.length; i++) {
      int septet = septets[i] & 0x7F;
      if (septet == 0x1B && i + 1 < septets.length) {
        text.append(extension(septets[++i] & 0x7F));
      } else {
        text.append(GSM7.charAt(septet));
      }
    }
    return text.toString();
  }

  /** GSM 03.38 extension table; an unknown code shows as its default-alphabet character. */
  private static char extension(int septet) {
    return switch (septet) {
      case 0x0A -> '\f';
      case 0x14 -> '^';
      case 0x28 -> '{';
      case 0x29 -> '}';
      case 0x2F -> '\\';
      case 0x3C -> '[';
      case 0x3D -> '~';
      case 0x3E -> ']';
      case 0x40 -> '|';
      case 0x65 -> '\u20ac';
      default -> GSM7.charAt(septet);
    };
  }
}
