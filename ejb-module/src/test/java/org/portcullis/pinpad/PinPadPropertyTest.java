package org.portcullis.pinpad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Properties every algorithm must have, checked over many random pads. */
class PinPadPropertyTest {

  private static final int RUNS = 2000;
  private static final Set<Integer> ALL_DIGITS =
      IntStream.rangeClosed(0, 9).boxed().collect(Collectors.toSet());

  private final SecureRandom random = new SecureRandom();

  private PinPad randomPad(PinPadAlgorithm algorithm) {
    PinPadLayout layout = PinPadLayout.values()[random.nextInt(PinPadLayout.values().length)];
    return PinPad.random(algorithm, layout, random.nextBoolean(), random);
  }

  private String randomDigits(int length) {
    StringBuilder digits = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  /** What the customer does: find the cell showing each digit and note its location mod 10. */
  private static String click(PinPad pad, String pin) {
    StringBuilder otc = new StringBuilder();
    for (char c : pin.toCharArray()) {
      int location = 1;
      while (pad.displayedDigit(location) != c - '0') {
        location++;
      }
      otc.append(location % 10);
    }
    return otc.toString();
  }

  @ParameterizedTest
  @EnumSource(PinPadAlgorithm.class)
  void clickingTheCellsShowingThePinRecoversThePin(PinPadAlgorithm algorithm) {
    for (int i = 0; i < RUNS; i++) {
      PinPad pad = randomPad(algorithm);
      String pin = randomDigits(4 + random.nextInt(7));

      String otc = click(pad, pin);

      assertEquals(Optional.of(pin), pad.recoverPin(otc));
      assertEquals(otc, pad.otcFor(pin));
    }
  }

  @ParameterizedTest
  @EnumSource(PinPadAlgorithm.class)
  void anyOtherCodeOfTheSameLengthRecoversAnotherPin(PinPadAlgorithm algorithm) {
    for (int i = 0; i < RUNS; i++) {
      PinPad pad = randomPad(algorithm);
      String pin = randomDigits(4 + random.nextInt(7));
      String otc = click(pad, pin);

      // One mistyped click: the most likely wrong answer.
      char[] typo = otc.toCharArray();
      int at = random.nextInt(typo.length);
      typo[at] = (char) ('0' + (typo[at] - '0' + 1 + random.nextInt(9)) % 10);
      assertNotEquals(Optional.of(pin), pad.recoverPin(new String(typo)));

      String guess = randomDigits(otc.length());
      if (!guess.equals(otc)) {
        assertNotEquals(Optional.of(pin), pad.recoverPin(guess));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(PinPadAlgorithm.class)
  void allFourDigitCodesRecoverDistinctPins(PinPadAlgorithm algorithm) {
    for (int i = 0; i < 20; i++) {
      PinPad pad = randomPad(algorithm);
      Set<String> pins = new HashSet<>();
      for (int code = 0; code < 10_000; code++) {
        pins.add(pad.recoverPin(String.format("%04d", code)).orElseThrow());
      }
      assertEquals(10_000, pins.size());
    }
  }

  @ParameterizedTest
  @EnumSource(PinPadAlgorithm.class)
  void theTenCellsShowEachDigitOnce(PinPadAlgorithm algorithm) {
    for (int i = 0; i < RUNS; i++) {
      PinPad pad = randomPad(algorithm);
      List<Integer> shown = IntStream.rangeClosed(1, 10).map(pad::displayedDigit).boxed().toList();
      assertEquals(ALL_DIGITS, new HashSet<>(shown), shown::toString);
    }
  }

  @Test
  void addNNeverUsesZeroAndUsesEveryOtherOffset() {
    Set<Integer> shownOnCellTen = new HashSet<>();
    for (int i = 0; i < RUNS; i++) {
      PinPad pad = randomPad(PinPadAlgorithm.ADD_N);
      // Cell 10 shows (10 - n) mod 10, which is 0 exactly when n = 0; then the OTC is the PIN.
      shownOnCellTen.add(pad.displayedDigit(10));
      assertNotEquals("0123456789", pad.otcFor("0123456789"));
    }
    assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9), shownOnCellTen);
  }

  @ParameterizedTest
  @EnumSource(
      value = PinPadAlgorithm.class,
      names = {"STANDARD", "REVERSE"})
  void scrambledPadsVaryTheDigitOnEachCell(PinPadAlgorithm algorithm) {
    Set<Integer> shownOnCellOne = new HashSet<>();
    for (int i = 0; i < RUNS; i++) {
      shownOnCellOne.add(randomPad(algorithm).displayedDigit(1));
    }
    assertEquals(ALL_DIGITS, shownOnCellOne);
  }
}
