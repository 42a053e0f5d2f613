package org.portcullis.sms.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserDataHeaderTest {

  @Test
  void buildsTheEightBitConcatenationHeader() {
    assertArrayEquals(
        new byte[] {0x05, 0x00, 0x03, (byte) 0xC4, 0x02, 0x01},
        UserDataHeader.concatenation8(0xC4, 2, 1));
  }

  @Test
  void parsesEightBitConcatenation() {
    UserDataHeader udh =
        UserDataHeader.parse(new byte[] {0x05, 0x00, 0x03, 0x2A, 0x03, 0x02, 0x61});
    assertEquals(6, udh.length());
    assertEquals(Optional.of(new Concatenation(0x2A, 3, 2)), udh.concatenation());
  }

  @Test
  void parsesSixteenBitConcatenationAmongOtherElements() {
    // port addressing (IEI 05, 4 octets) then 16-bit concatenation (IEI 08)
    byte[] sm = {
      0x0C, 0x05, 0x04, 0x0B, (byte) 0x84, 0x23, (byte) 0xF0, 0x08, 0x04, 0x12, 0x34, 0x02, 0x02
    };
    UserDataHeader udh = UserDataHeader.parse(sm);
    assertEquals(13, udh.length());
    assertEquals(Optional.of(new Concatenation(0x1234, 2, 2)), udh.concatenation());
  }

  @Test
  void headerWithoutConcatenationHasNone() {
    UserDataHeader udh = UserDataHeader.parse(new byte[] {0x04, 0x05, 0x02, 0x0B, (byte) 0x84});
    assertTrue(udh.concatenation().isEmpty());
  }

  @Test
  void ignoresAnElementWithSequenceZero() {
    assertTrue(
        UserDataHeader.parse(new byte[] {0x05, 0x00, 0x03, 0x01, 0x02, 0x00})
            .concatenation()
            .isEmpty());
  }

  @Test
  void refusesHeadersLongerThanTheMessage() {
    assertThrows(
        IllegalArgumentException.class, () -> UserDataHeader.parse(new byte[] {0x05, 0x00}));
    assertThrows(
        IllegalArgumentException.class,
        () -> UserDataHeader.parse(new byte[] {0x03, 0x00, 0x05, 0x01}));
    assertThrows(IllegalArgumentException.class, () -> UserDataHeader.parse(new byte[0]));
  }
}
