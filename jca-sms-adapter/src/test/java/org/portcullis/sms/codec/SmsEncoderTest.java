package org.portcullis.sms.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsEncoderTest {

  private static final int REF = 0x2A;

  @Test
  void shortGsmTextIsOnePartOfUnpackedSeptets() {
    EncodedSms sms = SmsEncoder.encode("Hi @£€", REF);
    assertEquals(SmsAlphabet.GSM7, sms.alphabet());
    assertEquals(0x00, sms.dataCoding());
    assertEquals(0x00, sms.esmClass());
    assertEquals(7, sms.units());
    assertEquals(1, sms.partCount());
    assertArrayEquals(new byte[] {0x48, 0x69, 0x20, 0x00, 0x01, 0x1B, 0x65}, sms.part(0));
  }

  @ParameterizedTest(name = "{0} septets of ''a'' -> {1} part(s)")
  @CsvSource({"1, 1", "159, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
  void gsmBoundaries(int length, int parts) {
    EncodedSms sms = SmsEncoder.encode("a".repeat(length), REF);
    assertEquals(SmsAlphabet.GSM7, sms.alphabet());
    assertEquals(parts, sms.partCount());
    assertEquals(length, payloadLengths(sms));
  }

  @Test
  void exactly160SeptetsOfExtensionCharactersFitInOneMessage() {
    EncodedSms sms = SmsEncoder.encode("€".repeat(80), REF);
    assertEquals(160, sms.units());
    assertEquals(1, sms.partCount());
    assertEquals(160, sms.part(0).length);
  }

  @Test
  void oneMoreExtensionCharacterSplitsWithoutBreakingAnEscapePair() {
    EncodedSms sms = SmsEncoder.encode("€".repeat(81), REF);
    assertEquals(162, sms.units());
    assertEquals(2, sms.partCount());
    // 153 would cut the 77th euro in half: the part stops at 76 euros = 152 septets
    assertEquals(6 + 152, sms.part(0).length);
    assertEquals(6 + 10, sms.part(1).length);
    assertEquals("€".repeat(81), decodeAll(sms));
  }

  @Test
  void escapeThatWouldStraddleThePartBoundaryMovesToTheNextPart() {
    String text = "a".repeat(152) + "€" + "a".repeat(10); // 164 septets
    EncodedSms sms = SmsEncoder.encode(text, REF);
    assertEquals(2, sms.partCount());
    byte[] first = sms.part(0);
    byte[] second = sms.part(1);
    assertEquals(6 + 152, first.length);
    assertEquals(0x61, first[first.length - 1], "part 1 ends with a plain 'a', not ESC");
    assertEquals(0x1B, second[6]);
    assertEquals(0x65, second[7]);
    assertEquals(text, decodeAll(sms));
  }

  @Test
  void longGsmTextHasConcatenationHeaders() {
    EncodedSms sms = SmsEncoder.encode("x".repeat(400), REF);
    assertEquals(3, sms.partCount());
    assertTrue(sms.concatenated());
    assertEquals(0x40, sms.esmClass());
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(
          new byte[] {0x05, 0x00, 0x03, REF, 0x03, (byte) (i + 1)},
          Arrays.copyOf(sms.part(i), 6),
          "UDH of part " + (i + 1));
    }
    assertEquals(6 + 153, sms.part(0).length);
    assertEquals(6 + 153, sms.part(1).length);
    assertEquals(6 + 94, sms.part(2).length);
  }

  @ParameterizedTest(name = "{0} UCS-2 chars -> {1} part(s)")
  @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3"})
  void ucs2Boundaries(int length, int parts) {
    EncodedSms sms = SmsEncoder.encode("ж".repeat(length), REF);
    assertEquals(SmsAlphabet.UCS2, sms.alphabet());
    assertEquals(0x08, sms.dataCoding());
    assertEquals(parts, sms.partCount());
    assertEquals(length * 2, payloadLengths(sms));
  }

  @Test
  void oneNonGsmCharacterMakesTheWholeTextUcs2() {
    EncodedSms sms = SmsEncoder.encode("Code 1234 ç", REF);
    assertEquals(SmsAlphabet.UCS2, sms.alphabet());
    assertArrayEquals("Code 1234 ç".getBytes(StandardCharsets.UTF_16BE), sms.part(0));
  }

  @Test
  void emojiCountAsTwoUnitsAndAreNeverSplit() {
    assertEquals(1, SmsEncoder.encode("😀".repeat(35), REF).partCount(), "35 x 2 = 70 units");
    EncodedSms sms = SmsEncoder.encode("😀".repeat(36), REF);
    assertEquals(72, sms.units());
    assertEquals(2, sms.partCount());
    assertEquals(6 + 33 * 4, sms.part(0).length, "33 emoji = 66 units; a 34th would need 68");
    assertEquals("😀".repeat(36), decodeAll(sms));
  }

  @Test
  void surrogatePairThatWouldStraddleThePartBoundaryMovesToTheNextPart() {
    String text = "ж".repeat(66) + "😀" + "ж".repeat(5); // 73 units
    EncodedSms sms = SmsEncoder.encode(text, REF);
    assertEquals(2, sms.partCount());
    assertEquals(6 + 132, sms.part(0).length);
    byte[] second = sms.part(1);
    assertEquals((byte) 0xD8, second[6]);
    assertEquals((byte) 0x3D, second[7]);
    assertEquals(text, decodeAll(sms));
  }

  @Test
  void emptyTextIsOneEmptyGsmPart() {
    EncodedSms sms = SmsEncoder.encode("", REF);
    assertEquals(1, sms.partCount());
    assertEquals(0, sms.part(0).length);
    assertFalse(sms.concatenated());
  }

  @Test
  void refusesMoreThan255Parts() {
    assertEquals(255, SmsEncoder.encode("a".repeat(255 * 153), REF).partCount());
    assertThrows(
        IllegalArgumentException.class, () -> SmsEncoder.encode("a".repeat(255 * 153 + 1), REF));
  }

  @Test
  void refusesReferencesOutsideEightBits() {
    assertThrows(IllegalArgumentException.class, () -> SmsEncoder.encode("a", -1));
    assertThrows(IllegalArgumentException.class, () -> SmsEncoder.encode("a", 256));
    assertEquals((byte) 0xFF, SmsEncoder.encode("a".repeat(200), 255).part(0)[3]);
  }

  @Test
  void partsAreCopiesThatCallersCannotChange() {
    EncodedSms sms = SmsEncoder.encode("abc", REF);
    sms.part(0)[0] = 0x7F;
    assertEquals(0x61, sms.part(0)[0]);
  }

  private static int payloadLengths(EncodedSms sms) {
    int total = 0;
    for (int i = 0; i < sms.partCount(); i++) {
      total += sms.part(i).length - (sms.concatenated() ? 6 : 0);
    }
    return total;
  }

  /** Decodes each part on its own (as a handset might) and joins the texts. */
  private static String decodeAll(EncodedSms sms) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < sms.partCount(); i++) {
      byte[] part = sms.part(i);
      int header = sms.concatenated() ? 6 : 0;
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      payload.write(part, header, part.length - header);
      text.append(SmsDecoder.decode(sms.dataCoding(), payload.toByteArray()));
    }
    return text.toString();
  }
}
