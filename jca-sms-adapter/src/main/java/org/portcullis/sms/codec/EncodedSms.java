package org.portcullis.sms.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * A text ready for {@code submit_sm}: its alphabet and the {@code short_message} of each part, user
 * data header included when there is more than one part.
 *
 * <p>Thread-safety: immutable (the part arrays are copied in and out).
 */
public final class EncodedSms {

  private final SmsAlphabet alphabet;
  private final int units;
  private final List<byte[]> parts;

  EncodedSms(SmsAlphabet alphabet, int units, List<byte[]> parts) {
    this.alphabet = alphabet;
    this.units = units;
    List<byte[]> copies = new ArrayList<>(parts.size());
    parts.forEach(part -> copies.add(part.clone()));
    this.parts = List.copyOf(copies);
  }

  public SmsAlphabet alphabet() {
    return alphabet;
  }

  /** The SMPP {@code data_coding}: 0 for GSM 03.38, 8 for UCS-2. */
  public int dataCoding() {
    return alphabet.dataCoding();
  }

  /** Whether the text needed concatenated parts, each starting with a user data header. */
  public boolean concatenated() {
    return parts.size() > 1;
  }

  /** The SMPP {@code esm_class}: default mode, with UDHI when the parts carry headers. */
  public int esmClass() {
    return concatenated() ? UserDataHeader.ESM_CLASS_UDHI : 0x00;
  }

  /** The length of the whole text in septets (GSM) or UTF-16 code units (UCS-2). */
  public int units() {
    return units;
  }

  public int partCount() {
    return parts.size();
  }

  /** The {@code short_message} octets of part {@code index} (0-based). */
  public byte[] part(int index) {
    return parts.get(index).clone();
  }

  @Override
  public String toString() {
    // never the text: it may carry a one-time code
    return "EncodedSms[" + alphabet + ", " + units + " units, " + parts.size() + " part(s)]";
  }
}
