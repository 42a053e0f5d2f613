package org.portcullis.sms.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a text into the {@code short_message} parts of one SMS.
 *
 * <p>GSM 03.38 is used when every character is in the default alphabet or its extension table
 * (extension characters cost two septets, ESC + code), sent unpacked with {@code data_coding} 0: up
 * to 160 septets in one message, else parts of at most 153 septets. Otherwise the text goes as
 * UCS-2 ({@code data_coding} 8, UTF-16BE): up to 70 code units in one message, else parts of at
 * most 67. A part never ends between an escape and its code, nor between the two halves of a
 * surrogate pair, so each part decodes on its own. Parts carry a concatenation header with an 8-bit
 * reference (TS 23.040 §9.2.3.24.1); at most 255 parts.
 *
 * <p>Thread-safety: stateless.
 */
public final class SmsEncoder {

  /** The most parts a concatenated message with an 8-bit reference can have. */
  public static final int MAX_PARTS = 255;

  private SmsEncoder() {}

  /**
   * Encodes a text.
   *
   * @param text the message text
   * @param reference the concatenation reference (0..255) to use if the text needs several parts;
   *     choose it at random per message so that parts of two messages to one handset never mix
   * @throws IllegalArgumentException when the text needs more than {@value #MAX_PARTS} parts or the
   *     reference is out of range
   */
  public static EncodedSms encode(String text, int reference) {
    if (reference < 0 || reference > 0xFF) {
      throw new IllegalArgumentException("an 8-bit reference is 0..255, not " + reference);
    }
    int septets = Gsm7.countSeptets(text);
    SmsAlphabet alphabet = septets >= 0 ? SmsAlphabet.GSM7 : SmsAlphabet.UCS2;
    int units = alphabet == SmsAlphabet.GSM7 ? septets : text.length();
    int limit = units <= alphabet.singleLimit() ? alphabet.singleLimit() : alphabet.partLimit();

    List<ByteArrayOutputStream> payloads = new ArrayList<>();
    ByteArrayOutputStream current = new ByteArrayOutputStream(140);
    payloads.add(current);
    int used = 0;
    for (int cp : text.codePoints().toArray()) {
      int cost = alphabet == SmsAlphabet.GSM7 ? Gsm7.septets(cp) : Character.charCount(cp);
      if (used + cost > limit) {
        current = new ByteArrayOutputStream(140);
        payloads.add(current);
        used = 0;
      }
      if (alphabet == SmsAlphabet.GSM7) {
        Gsm7.encode(cp, current);
      } else {
        current.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_16BE));
      }
      used += cost;
    }

    int total = payloads.size();
    if (total > MAX_PARTS) {
      throw new IllegalArgumentException(
          "text needs " + total + " parts; concatenation allows at most " + MAX_PARTS);
    }
    List<byte[]> parts = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      byte[] payload = payloads.get(i).toByteArray();
      if (total == 1) {
        parts.add(payload);
      } else {
        byte[] header = UserDataHeader.concatenation8(reference, total, i + 1);
        byte[] part = new byte[header.length + payload.length];
        System.arraycopy(header, 0, part, 0, header.length);
        System.arraycopy(payload, 0, part, header.length, payload.length);
        parts.add(part);
      }
    }
    return new EncodedSms(alphabet, units, parts);
  }
}
