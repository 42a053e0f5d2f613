package org.portcullis.sms.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsDecoderTest {

  @Test
  void dataCoding0IsGsmUnpacked() {
    assertEquals("@€", SmsDecoder.decode(0x00, new byte[] {0x00, 0x1B, 0x65}));
  }

  @Test
  void dataCoding1IsAscii() {
    assertEquals("@_", SmsDecoder.decode(0x01, new byte[] {0x40, 0x5F}));
  }

  @Test
  void dataCoding3IsLatin1() {
    assertEquals("çé", SmsDecoder.decode(0x03, new byte[] {(byte) 0xE7, (byte) 0xE9}));
  }

  @Test
  void dataCoding8IsUcs2WithSurrogates() {
    assertEquals("ж😀", SmsDecoder.decode(0x08, "ж😀".getBytes(StandardCharsets.UTF_16BE)));
  }

  @ParameterizedTest(name = "data_coding 0x{0} -> {1}")
  @CsvSource({
    "00, GSM7", "01, ASCII", "02, OCTETS", "03, LATIN1", "04, OCTETS", "08, UCS2", "10, GSM7",
    "11, GSM7", "14, OCTETS", "18, UCS2", "30, OCTETS", "C0, GSM7", "E0, UCS2", "F0, GSM7",
    "F1, GSM7", "F4, OCTETS"
  })
  void alphabetByDataCoding(String hex, SmsDecoder.Alphabet alphabet) {
    assertEquals(alphabet, SmsDecoder.alphabet(Integer.parseInt(hex, 16)));
  }
}
