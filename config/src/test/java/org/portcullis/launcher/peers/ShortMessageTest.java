package org.portcullis.launcher.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortMessageTest {

  private static final byte NO_UDH = 0x00;
  private static final byte UDHI = 0x40;

  @Test
  void readsGsm7DefaultAndExtensionCharacters() {
    // "@£$ {€}" in unpacked GSM 03.38: @=0x00 £=0x01 $=0x02 space=0x20, then ESC-prefixed {, €, }
    byte[] septets = {0x00, 0x01, 0x02, 0x20, 0x1B, 0x28, 0x1B, 0x65, 0x1B, 0x29};

    assertEquals("@£$ {€}", ShortMessage.decode(septets, NO_UDH, (byte) 0x00).text());
  }

  @Test
  void knowsEverySeptet() {
    byte[] all = new byte[128];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) (i == 0x1B ? 0x20 : i); // ESC alone would swallow the next septet
    }

    String text = ShortMessage.decode(all, NO_UDH, (byte) 0x00).text();

    assertEquals(128, text.length());
    assertEquals("\u00e0", text.substring(127));
    assertEquals("A", text.substring(0x41, 0x42));
  }

  @Test
  void readsPlainGsm7Letters() {
    byte[] text = "Code 482915".getBytes(StandardCharsets.US_ASCII); // same septets as ASCII here

    ShortMessage message = ShortMessage.decode(text, NO_UDH, (byte) 0x00);

    assertEquals("Code 482915", message.text());
    assertFalse(message.concatenated());
  }

  @ParameterizedTest(name = "data_coding {0}")
  @CsvSource({"8, UTF-16BE", "1, US-ASCII", "3, ISO-8859-1"})
  void readsTheOtherAlphabets(int dataCoding, String charset) {
    String text = dataCoding == 8 ? "Ваш код 482915 ✓" : "Code 482915";

    assertEquals(
        text,
        ShortMessage.decode(text.getBytes(Charset.forName(charset)), NO_UDH, (byte) dataCoding)
            .text());
  }

  @Test
  void readsThe8BitAndThe16BitConcatenationHeaders() {
    byte[] eightBit = {5, 0x00, 3, 0x2A, 3, 2, 'a', 'b'};
    byte[] sixteenBit = {6, 0x08, 4, 0x12, 0x34, 3, 3, 'c'};

    ShortMessage second = ShortMessage.decode(eightBit, UDHI, (byte) 0x00);
    ShortMessage third = ShortMessage.decode(sixteenBit, UDHI, (byte) 0x00);

    assertEquals(new ShortMessage("ab", 0x2A, 3, 2), second);
    assertEquals(new ShortMessage("c", 0x1234, 3, 3), third);
    assertTrue(second.concatenated());
  }

  @Test
  void showsBinaryDataAsHex() {
    assertEquals(
        "(binary data, data_coding 0x04: 0102ff)",
        ShortMessage.decode(new byte[] {1, 2, (byte) 0xFF}, NO_UDH, (byte) 0x04).text());
  }

  @Test
  void survivesAHeaderLongerThanTheMessage() {
    assertEquals("", ShortMessage.decode(new byte[] {9, 0, 3}, UDHI, (byte) 0x00).text());
  }
}
