package org.portcullis.sms.codec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the user data of a message a gateway delivered, by its SMPP {@code data_coding}.
 *
 * <p>SMPP 3.4 §5.2.19 values 0 (SMSC default alphabet, taken as GSM 03.38 unpacked septets), 1
 * (IA5/ASCII), 3 (Latin-1), 6 (Cyrillic), 7 (Hebrew) and 8 (UCS-2) are decoded as such; the GSM
 * coding groups of TS 23.038 §4 (0x10-0x3F, 0xC0-0xEF, 0xF0-0xFF) by their alphabet bits. Octet
 * data (2, 4, 8-bit groups) and anything unknown come out as Latin-1, which maps every octet to one
 * character and so loses nothing a caller might want to inspect.
 *
 * <p>Thread-safety: stateless.
 */
public final class SmsDecoder {

  private SmsDecoder() {}

  /** The alphabet a {@code data_coding} value announces. */
  public enum Alphabet {
    GSM7,
    ASCII,
    LATIN1,
    CYRILLIC,
    HEBREW,
    UCS2,
    OCTETS
  }

  /** Which alphabet a {@code data_coding} value stands for. */
  public static Alphabet alphabet(int dataCoding) {
    int dc = dataCoding & 0xFF;
    switch (dc) {
      case 0x00:
        return Alphabet.GSM7;
      case 0x01:
        return Alphabet.ASCII;
      case 0x03:
        return Alphabet.LATIN1;
      case 0x06:
        return Alphabet.CYRILLIC;
      case 0x07:
        return Alphabet.HEBREW;
      case 0x08:
        return Alphabet.UCS2;
      default:
        break;
    }
    if (dc >= 0x10 && dc <= 0x3F) {
      // general data coding; bit 5 = compressed, which we cannot undo
      if ((dc & 0x20) != 0) {
        return Alphabet.OCTETS;
      }
      return groupAlphabet((dc >> 2) & 0x03);
    }
    if (dc >= 0xC0 && dc <= 0xDF) {
      return Alphabet.GSM7; // message waiting indication, default alphabet
    }
    if (dc >= 0xE0 && dc <= 0xEF) {
      return Alphabet.UCS2; // message waiting indication, UCS-2
    }
    if (dc >= 0xF0) {
      return (dc & 0x04) == 0 ? Alphabet.GSM7 : Alphabet.OCTETS;
    }
    return Alphabet.OCTETS;
  }

  private static Alphabet groupAlphabet(int bits) {
    switch (bits) {
      case 0:
        return Alphabet.GSM7;
      case 2:
        return Alphabet.UCS2;
      default:
        return Alphabet.OCTETS;
    }
  }

  /** Decodes user data (without its header) in the alphabet {@code data_coding} announces. */
  public static String decode(int dataCoding, byte[] userData) {
    switch (alphabet(dataCoding)) {
      case GSM7:
        return Gsm7.decode(userData);
      case ASCII:
        return new String(userData, StandardCharsets.US_ASCII);
      case CYRILLIC:
        return decode(userData, "ISO-8859-5");
      case HEBREW:
        return decode(userData, "ISO-8859-8");
      case UCS2:
        return new String(userData, StandardCharsets.UTF_16BE);
      case LATIN1:
      case OCTETS:
      default:
        return new String(userData, StandardCharsets.ISO_8859_1);
    }
  }

  private static String decode(byte[] userData, String charset) {
    Charset cs =
        Charset.isSupported(charset) ? Charset.forName(charset) : StandardCharsets.ISO_8859_1;
    return new String(userData, cs);
  }
}
