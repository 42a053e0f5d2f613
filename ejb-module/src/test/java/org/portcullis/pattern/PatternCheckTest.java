package org.portcullis.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.pattern.DerivationPattern.Expected;
import org.portcullis.pattern.PatternCheck.Outcome;

class PatternCheckTest {

  /** SPEC §3.3: expected 0695 (the §3.1 worked example). */
  private static final Expected SPEC =
      DerivationPattern.parse("3,6,16,9", "+2", null, TableRules.defaults4x4())
          .expected(new Grid(4, 4, "5082741936052847"));

  private static final FunctionCodeTable DEFAULTS = FunctionCodeTable.defaults();

  private static final Outcome FAIL = new Outcome(false, "NONE");

  @ParameterizedTest
  @CsvSource({"0695, NONE", "06952, DURESS", "06950, PRACTICE", "06951, READ_ONLY", "06959, DUMMY"})
  void acceptsThePasswordWithOrWithoutAKnownCode(String typed, String function) {
    assertEquals(new Outcome(true, function), PatternCheck.check(SPEC, DEFAULTS, typed));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "0696",
        "1695",
        "06953",
        "16952",
        "069",
        "069522",
        "0695 ",
        " 0695",
        "069a",
        "0695\u0662",
        "\u0660695",
        "-695"
      })
  void refusesEverythingElse(String typed) {
    assertEquals(FAIL, PatternCheck.check(SPEC, DEFAULTS, typed));
  }

  @Test
  void aSystemWithoutCodesAcceptsOnlyThePassword() {
    FunctionCodeTable none = FunctionCodeTable.none();

    assertEquals(new Outcome(true, "NONE"), PatternCheck.check(SPEC, none, "0695"));
    assertEquals(FAIL, PatternCheck.check(SPEC, none, "06952"));
  }

  @Test
  void readsCodesFromSeveralPositionsInTheirListedOrder() {
    FunctionCodeTable table = new FunctionCodeTable(List.of(3, 1), Map.of("57", "LOCK_CARD"));

    // 0 6 9 [5] 5 [7]: positions 3 and 1 from the right carry 5 and 7
    assertEquals(new Outcome(true, "LOCK_CARD"), PatternCheck.check(SPEC, table, "069557"));
    assertEquals(FAIL, PatternCheck.check(SPEC, table, "069755"));
    assertEquals(FAIL, PatternCheck.check(SPEC, table, "069657"));
  }

  @Test
  void aDummyPositionAcceptsAnyDigitAlsoWithACode() {
    Expected expected =
        DerivationPattern.parse("3,*,6,16,9", "+2", null, TableRules.defaults4x4())
            .expected(new Grid(4, 4, "5082741936052847"));

    assertEquals(new Outcome(true, "NONE"), PatternCheck.check(expected, DEFAULTS, "07695"));
    assertEquals(new Outcome(true, "DURESS"), PatternCheck.check(expected, DEFAULTS, "036952"));
    assertEquals(FAIL, PatternCheck.check(expected, DEFAULTS, "03695x"));
  }

  @Test
  void aFailureNeverCarriesAFunction() {
    assertThrows(IllegalArgumentException.class, () -> new Outcome(false, "DURESS"));
    assertThrows(NullPointerException.class, () -> new Outcome(true, null));
    assertEquals(FAIL, Outcome.failure());
  }

  /** A verifier standing in for the slow hash, counting how often it runs. */
  private static final class CountingVerifier implements Predicate<String> {
    private final String password;
    private final List<String> candidates = new ArrayList<>();

    CountingVerifier(String password) {
      this.password = password;
    }

    @Override
    public boolean test(String candidate) {
      candidates.add(candidate);
      return password.equals(candidate);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "271828, true, NONE, 271828",
    "2718282, true, DURESS, 271828",
    "2718289, true, DUMMY, 271828",
    "2718283, false, NONE, 271828",
    "3718282, false, NONE, 371828",
    "271829, false, NONE, 271829",
    "27182, false, NONE, 27182",
    "27182822, false, NONE, 27182822",
    "'', false, NONE, ''"
  })
  void checksAFixedPasswordWithExactlyOneVerification(
      String typed, boolean ok, String function, String verified) {
    CountingVerifier verifier = new CountingVerifier("271828");

    Outcome outcome = PatternCheck.checkFixed(6, verifier, DEFAULTS, typed);

    assertEquals(new Outcome(ok, function), outcome);
    assertEquals(List.of(verified), verifier.candidates);
  }

  @Test
  void aFixedPasswordWithoutCodesStillVerifiesOnceOnAWrongLength() {
    CountingVerifier verifier = new CountingVerifier("271828");

    assertEquals(FAIL, PatternCheck.checkFixed(6, verifier, FunctionCodeTable.none(), "2718282"));
    assertEquals(List.of("2718282"), verifier.candidates);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"27182a", "271828 ", "\u0662\u0667\u0661\u0668\u0662\u0668"})
  void malformedInputFailsWithoutAVerificationOrWithOne(String typed) {
    CountingVerifier verifier = new CountingVerifier("271828");

    assertEquals(FAIL, PatternCheck.checkFixed(6, verifier, DEFAULTS, typed));
    assertEquals(typed != null && typed.isEmpty() ? 1 : 0, verifier.candidates.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void refusesAFixedLengthBelowOne(int length) {
    assertThrows(
        IllegalArgumentException.class,
        () -> PatternCheck.checkFixed(length, s -> true, DEFAULTS, "1234"));
  }
}
