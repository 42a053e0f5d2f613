package org.portcullis.pinpad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScrambleTest {

  private final SecureRandom random = new SecureRandom();

  @Test
  void readsTheSpecExampleByPosition() {
    Scramble s = Scramble.parse("7302859164");

    assertEquals(7, s.digitAt(1));
    assertEquals(1, s.digitAt(8));
    assertEquals(4, s.digitAt(10));
    assertEquals(1, s.positionOf(7));
    assertEquals(10, s.positionOf(4));
    assertEquals(3, s.positionOf(0));
    assertEquals("7302859164", s.toString());
  }

  @Test
  void positionOfInvertsDigitAtForRandomScrambles() {
    for (int i = 0; i < 500; i++) {
      Scramble s = Scramble.random(random);
      for (int position = 1; position <= 10; position++) {
        assertEquals(position, s.positionOf(s.digitAt(position)));
      }
      assertEquals(s, Scramble.parse(s.toString()));
    }
  }

  @Test
  void randomScramblesPutEveryDigitFirstSometimes() {
    // A fixed or biased shuffle would miss digits; 2,000 draws miss one with p < 1e-90.
    Set<Integer> firsts = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      firsts.add(Scramble.random(random).digitAt(1));
    }
    assertEquals(10, firsts.size());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "123456789",
        "01234567890",
        "0123456788",
        "012345678a",
        " 123456789",
        "٠١٢٣٤٥٦٧٨٩"
      })
  void parseRefusesAnythingButAPermutation(String text) {
    assertThrows(IllegalArgumentException.class, () -> Scramble.parse(text));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 11})
  void digitAtRefusesPositionsOutside1To10(int position) {
    Scramble s = Scramble.parse("0123456789");
    assertThrows(IllegalArgumentException.class, () -> s.digitAt(position));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 10})
  void positionOfRefusesNonDigits(int digit) {
    Scramble s = Scramble.parse("0123456789");
    assertThrows(IllegalArgumentException.class, () -> s.positionOf(digit));
  }

  @Test
  void equalScramblesAreEqual() {
    assertEquals(Scramble.parse("7302859164"), Scramble.parse("7302859164"));
    assertEquals(Scramble.parse("7302859164").hashCode(), Scramble.parse("7302859164").hashCode());
    assertTrue(!Scramble.parse("7302859164").equals(Scramble.parse("3702859164")));
  }
}
