package org.portcullis.sms.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Gsm7Test {

  @ParameterizedTest(name = "{0} -> 0x{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "@|00", "£|01", "$|02", "¥|03", "è|04", "Ç|09", "Ø|0B", "Δ|10", "_|11", "Æ|1C", "É|1F",
        "¤|24", "0|30", "¡|40", "A|41", "Z|5A", "Ä|5B", "§|5F", "¿|60", "a|61", "à|7F"
      })
  void basicCharactersAreOneSeptet(String character, String hex) {
    assertEquals(1, Gsm7.septets(character.codePointAt(0)));
    assertArrayEquals(new byte[] {(byte) Integer.parseInt(hex, 16)}, Gsm7.encode(character));
  }

  @ParameterizedTest(name = "{0} -> ESC 0x{1}")
  @CsvSource(
      delimiter = '|',
      value = {"€|65", "[|3C", "]|3E", "{|28", "}|29", "^|14", "~|3D", "\\|2F"})
  void extensionCharactersAreEscapedPairs(String character, String hex) {
    assertEquals(2, Gsm7.septets(character.codePointAt(0)));
    assertArrayEquals(new byte[] {0x1B, (byte) Integer.parseInt(hex, 16)}, Gsm7.encode(character));
  }

  @Test
  void spaceAndPipe() {
    assertArrayEquals(new byte[] {0x20}, Gsm7.encode(" "));
    assertArrayEquals(new byte[] {0x1B, 0x40}, Gsm7.encode("|"));
  }

  @Test
  void formFeedIsInTheExtensionTable() {
    assertArrayEquals(new byte[] {0x1B, 0x0A}, Gsm7.encode("\f"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ç", "á", "`", "\u001B", "ж", "😀", "\t"})
  void charactersOutsideTheAlphabetAreNotGsm(String character) {
    assertEquals(-1, Gsm7.septets(character.codePointAt(0)));
    assertFalse(Gsm7.canEncode("abc" + character));
    assertThrows(IllegalArgumentException.class, () -> Gsm7.encode(character));
  }

  @Test
  void countsSeptetsByHand() {
    // "Price: 10" 9 + € 2 + space 1 + [ 2 + "ok" 2 + ] 2
    assertEquals(18, Gsm7.countSeptets("Price: 10€ [ok]"));
    assertEquals(0, Gsm7.countSeptets(""));
    assertEquals(-1, Gsm7.countSeptets("naïve"));
  }

  @Test
  void everyEncodableCharacterSurvivesTheRoundTrip() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      if (Gsm7.septets(c) > 0) {
        all.append(c);
      }
    }
    assertEquals(127 + 10, all.length(), "127 basic characters (not ESC) and 10 extensions");
    assertTrue(Gsm7.canEncode(all));
    assertEquals(all.toString(), Gsm7.decode(Gsm7.encode(all)));
  }

  @Test
  void decodesUnknownEscapeAsTheBasicCharacter() {
    // TS 23.038: ESC followed by an undefined code shows the code's basic character
    assertEquals("A", Gsm7.decode(new byte[] {0x1B, 0x41}));
  }

  @Test
  void decodesOctetsAboveSeptetRangeAsReplacementCharacter() {
    assertEquals("a\uFFFD", Gsm7.decode(new byte[] {0x61, (byte) 0x80}));
  }

  @Test
  void ignoresATrailingLoneEscape() {
    assertEquals("a", Gsm7.decode(new byte[] {0x61, 0x1B}));
  }
}
