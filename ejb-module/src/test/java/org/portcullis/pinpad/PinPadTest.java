package org.portcullis.pinpad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PinPadTest {

  private static final String IN_ORDER = ";0,1,2,3,4,5,6,7,8,9";

  private final SecureRandom random = new SecureRandom();

  private static PinPad pad(String algorithm, String scramble, int n) {
    return PinPad.decode("1;" + algorithm + ";PHONE;" + scramble + ";" + n + IN_ORDER);
  }

  private static List<Integer> displayed(PinPad pad) {
    return IntStream.rangeClosed(1, 10).map(pad::displayedDigit).boxed().toList();
  }

  @Test
  void standardMatchesTheSpecWorkedExample() {
    PinPad pad = pad("STANDARD", "7302859164", 0);

    assertEquals(List.of(8, 4, 2, 0, 6, 9, 1, 5, 7, 3), displayed(pad));
    // Cells showing 1, 3, 5, 7 are 7, 10, 8, 9.
    assertEquals("7089", pad.otcFor("1357"));
    assertEquals(Optional.of("1357"), pad.recoverPin("7089"));
  }

  @ParameterizedTest
  @CsvSource({
    // S = 7302859164. PIN digit d gives S[d], 0 giving S[10] = 4: S[2]=3 S[10]=4 S[4]=2.
    "STANDARD, 7302859164, 0, 2040, 3424",
    // Cells show S itself; the code is each digit's position: 1@8 3@2 5@6 7@1.
    "REVERSE, 7302859164, 0, 1357, 8261",
    // 2@4 0@3 4@10 (written 0) 0@3.
    "REVERSE, 7302859164, 0, 2040, 4303",
    // n = 3: cell L shows L-3, so digit d sits on cell d+3: 1→4 3→6 5→8 7→10 (written 0).
    "ADD_N, -, 3, 1357, 4680",
    // n = 3: 9→12 mod 10 = 2, 0→3, 5→8, 2→5.
    "ADD_N, -, 3, 9052, 2385",
    // n = 9: 1→10 (0), 3→12 (2), 5→14 (4), 7→16 (6).
    "ADD_N, -, 9, 1357, 0246"
  })
  void handWorkedCodes(String algorithm, String scramble, int n, String pin, String otc) {
    PinPad pad = pad(algorithm, scramble, n);

    assertEquals(otc, pad.otcFor(pin));
    assertEquals(Optional.of(pin), pad.recoverPin(otc));
  }

  @Test
  void reverseShowsTheScrambleInOrder() {
    assertEquals(List.of(7, 3, 0, 2, 8, 5, 9, 1, 6, 4), displayed(pad("REVERSE", "7302859164", 0)));
  }

  @Test
  void addNShowsLocationMinusN() {
    // n = 3: (1-3) mod 10 = 8, (2-3) = 9, (3-3) = 0, ..., (10-3) = 7.
    assertEquals(List.of(8, 9, 0, 1, 2, 3, 4, 5, 6, 7), displayed(pad("ADD_N", "-", 3)));
  }

  @Test
  void codesFollowTheSpecFormulasForRandomScrambles() {
    for (int i = 0; i < 500; i++) {
      Scramble s = Scramble.random(random);
      PinPad standard = pad("STANDARD", s.toString(), 0);
      PinPad reverse = pad("REVERSE", s.toString(), 0);
      for (int d = 0; d <= 9; d++) {
        String pin = String.valueOf(d);
        assertEquals(String.valueOf(s.digitAt(d == 0 ? 10 : d)), standard.otcFor(pin));
        assertEquals(String.valueOf(s.positionOf(d) % 10), reverse.otcFor(pin));
      }
    }
    for (int n = 1; n <= 9; n++) {
      PinPad addN = pad("ADD_N", "-", n);
      for (int d = 0; d <= 9; d++) {
        assertEquals(String.valueOf((d + n) % 10), addN.otcFor(String.valueOf(d)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(PinPadLayout.class)
  void unshuffledPadsUseTheLayoutsSlotsInOrder(PinPadLayout layout) {
    for (PinPadAlgorithm algorithm : PinPadAlgorithm.values()) {
      PinPad pad = PinPad.random(algorithm, layout, false, random);
      for (int location = 1; location <= 10; location++) {
        assertEquals(layout.slots().get(location - 1), pad.position(location));
      }
    }
  }

  @Test
  void unshuffledPhonePutsLocationTenBottomMiddle() {
    PinPad pad = PinPad.random(PinPadAlgorithm.STANDARD, PinPadLayout.PHONE, false, random);
    assertEquals(new CellPosition(3, 1), pad.position(10));
  }

  @ParameterizedTest
  @EnumSource(PinPadLayout.class)
  void shufflingPermutesTheSlotsAndReachesEverySlot(PinPadLayout layout) {
    Set<CellPosition> slotsOfLocationOne = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      PinPad pad = PinPad.random(PinPadAlgorithm.REVERSE, layout, true, random);
      List<CellPosition> positions = new ArrayList<>();
      for (int location = 1; location <= 10; location++) {
        positions.add(pad.position(location));
      }
      assertEquals(new HashSet<>(layout.slots()), new HashSet<>(positions));
      slotsOfLocationOne.add(pad.position(1));
    }
    // Missing a slot in 500 uniform draws has probability below 1e-21.
    assertEquals(new HashSet<>(layout.slots()), slotsOfLocationOne);
  }

  @ParameterizedTest
  @EnumSource(PinPadAlgorithm.class)
  void encodeThenDecodeGivesTheSamePad(PinPadAlgorithm algorithm) {
    for (PinPadLayout layout : PinPadLayout.values()) {
      for (int i = 0; i < 50; i++) {
        PinPad pad = PinPad.random(algorithm, layout, i % 2 == 0, random);
        PinPad copy = PinPad.decode(pad.encode());

        assertEquals(pad, copy);
        assertEquals(pad.encode(), copy.encode());
        assertEquals(algorithm, copy.algorithm());
        assertEquals(layout, copy.layout());
        for (int location = 1; location <= 10; location++) {
          assertEquals(pad.displayedDigit(location), copy.displayedDigit(location));
          assertEquals(pad.position(location), copy.position(location));
        }
      }
    }
  }

  @Test
  void encodingIsTheDocumentedForm() {
    String encoded = "1;STANDARD;GRID_2X5;7302859164;0;3,1,4,0,2,9,5,8,6,7";
    PinPad pad = PinPad.decode(encoded);

    assertEquals(encoded, pad.encode());
    // Location 1 occupies slot 3 of GRID_2X5, i.e. row 0, column 3.
    assertEquals(new CellPosition(0, 3), pad.position(1));
    assertEquals(new CellPosition(1, 4), pad.position(6));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "2;STANDARD;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8,9",
        "1;STANDARD;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8,9;",
        "1;STANDARD;PHONE;7302859164;0",
        "1;standard;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8,9",
        "1;SIDEWAYS;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8,9",
        "1;STANDARD;ROUND;7302859164;0;0,1,2,3,4,5,6,7,8,9",
        "1;STANDARD;PHONE;7302859163;0;0,1,2,3,4,5,6,7,8,9",
        "1;STANDARD;PHONE;730285916;0;0,1,2,3,4,5,6,7,8,9",
        "1;STANDARD;PHONE;-;0;0,1,2,3,4,5,6,7,8,9",
        "1;STANDARD;PHONE;7302859164;3;0,1,2,3,4,5,6,7,8,9",
        "1;REVERSE;PHONE;7302859164;;0,1,2,3,4,5,6,7,8,9",
        "1;ADD_N;PHONE;-;0;0,1,2,3,4,5,6,7,8,9",
        "1;ADD_N;PHONE;-;10;0,1,2,3,4,5,6,7,8,9",
        "1;ADD_N;PHONE;-;+3;0,1,2,3,4,5,6,7,8,9",
        "1;ADD_N;PHONE;7302859164;3;0,1,2,3,4,5,6,7,8,9",
        "1;STANDARD;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8,8",
        "1;STANDARD;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8",
        "1;STANDARD;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8,9,10",
        "1;STANDARD;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8,10",
        "1;STANDARD;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8, 9",
        "1;STANDARD;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8,9,",
        " 1;STANDARD;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8,9"
      })
  void decodeRefusesMalformedInput(String encoded) {
    assertThrows(IllegalArgumentException.class, () -> PinPad.decode(encoded));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"12a4", " 1234", "1234 ", "-123", "١٢٣٤", "12.4"})
  void otcForRefusesPinsThatAreNotDigits(String pin) {
    PinPad pad = pad("STANDARD", "7302859164", 0);
    assertThrows(IllegalArgumentException.class, () -> pad.otcFor(pin));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"70a9", " 7089", "7089\n", "-708", "٧٠٨٩", "70 89"})
  void recoverPinIsEmptyForCodesThatAreNotDigits(String otc) {
    assertEquals(Optional.empty(), pad("STANDARD", "7302859164", 0).recoverPin(otc));
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 11, Integer.MAX_VALUE})
  void refusesLocationsOutside1To10(int location) {
    PinPad pad = pad("REVERSE", "7302859164", 0);
    assertThrows(IllegalArgumentException.class, () -> pad.displayedDigit(location));
    assertThrows(IllegalArgumentException.class, () -> pad.position(location));
  }

  @Test
  void toStringKeepsTheSecretsOut() {
    String text = pad("STANDARD", "7302859164", 0).toString();
    assertFalse(text.contains("7302859164"), text);
  }
}
