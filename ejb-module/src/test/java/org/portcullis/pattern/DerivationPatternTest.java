package org.portcullis.pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.pattern.DerivationPattern.Expected;
import org.portcullis.pattern.DerivationPattern.Mode;

class DerivationPatternTest {

  private static final TableRules FOUR = TableRules.defaults4x4();

  /** SPEC §3.1: 5 0 8 2 / 7 4 1 9 / 3 6 0 5 / 2 8 4 7; cells 3, 6, 16, 9 hold 8, 4, 7, 3. */
  private static final Grid SPEC_GRID = new Grid(4, 4, "5082741936052847");

  @Test
  void derivesTheSpecWorkedExample() {
    DerivationPattern pattern = DerivationPattern.parse("3,6,16,9", "+2", Mode.FIXED, FOUR);

    Expected expected = pattern.expected(SPEC_GRID);

    assertEquals("0695", expected.digits());
    assertTrue(expected.matches("0695"));
    assertEquals(List.of(3, 6, 16, 9), pattern.cells());
    assertEquals("+2", pattern.rule().orElseThrow().toString());
    assertEquals(Mode.FIXED, pattern.mode());
    assertFalse(pattern.isFixedPassword());
    assertEquals(0, pattern.fixedLength());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "3,6,16,9||FIXED|8473",
        "' 3 , 6 ,16, 9 '|' + 2 '|FIXED|0695",
        "3,6,16,9|+2,-1,*3,/2|FIXED|0311",
        "3,6,16,9|-5|FIXED|3928",
        "3,6,16,9|-9,/2,+0,*1|FIXED|9273",
        "3,6,16,9|/3|FIXED|2121",
        "3,6,16,9|*3|VARIABLE|2412219",
        "3,6,16,9|+2|VARIABLE|10695",
        "3,6,16,9|/3|VARIABLE|2121",
        "3,6,16,9||VARIABLE|8473",
        "3,6,16,9|*999|FIXED|2637",
        "3,6,16,9|*999|VARIABLE|7992399669932997",
        "3,3,16,16|+1|FIXED|9988"
      })
  void derivesTheExpectedPassword(String positions, String rule, Mode mode, String password) {
    DerivationPattern pattern = DerivationPattern.parse(positions, rule, mode, FOUR);

    Expected expected = pattern.expected(SPEC_GRID);

    assertEquals(password, expected.digits());
    assertEquals(password.length(), expected.length());
    assertTrue(expected.matches(password));
    assertArrayEquals(new boolean[password.length()], expected.wildcard());
  }

  @Test
  void aMissingModeMeansFixedLength() {
    DerivationPattern pattern = DerivationPattern.parse("3,6,16,9", "*3", null, FOUR);

    assertEquals(Mode.FIXED, pattern.mode());
    assertEquals("4219", pattern.expected(SPEC_GRID).digits());
  }

  @Test
  void aDummyAcceptsAnyDigit() {
    DerivationPattern pattern = DerivationPattern.parse("3,*,6,16,9", "+2", Mode.FIXED, FOUR);

    Expected expected = pattern.expected(SPEC_GRID);

    assertEquals(List.of(3, DerivationPattern.DUMMY, 6, 16, 9), pattern.cells());
    assertEquals("00695", expected.digits());
    assertArrayEquals(new boolean[] {false, true, false, false, false}, expected.wildcard());
    for (char digit = '0'; digit <= '9'; digit++) {
      assertTrue(expected.matches("0" + digit + "695"));
    }
    assertFalse(expected.matches("0x695"));
    assertFalse(expected.matches("0695"));
    assertFalse(expected.matches("1" + "0695"));
  }

  @Test
  void aListRuleCountsDummiesAndSkipsTheirOp() {
    // the dummy's -9 would be refused in variable mode if it were applied
    DerivationPattern pattern =
        DerivationPattern.parse("3,*,6,16,9", "+1,-9,*2,+0,+10", Mode.VARIABLE, FOUR);

    Expected expected = pattern.expected(SPEC_GRID);

    assertEquals("9" + "0" + "8" + "7" + "13", expected.digits());
    assertArrayEquals(new boolean[] {false, true, false, false, false, false}, expected.wildcard());
    assertTrue(expected.matches("958713"));
  }

  @Test
  void variableModeTypesAResultInFull() {
    // *3 on the 7 in cell 16 gives 21: two characters
    DerivationPattern pattern = DerivationPattern.parse("16,1,3,6", "*3", Mode.VARIABLE, FOUR);

    assertEquals("21" + "15" + "24" + "12", pattern.expected(SPEC_GRID).digits());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"-5", "-1", "+0,-1,+0,+0", "-9,/2,+0,*1", "+2,+2,+2,-10"})
  void variableModeRefusesRulesThatCanGoNegative(String rule) {
    PatternRuleException e =
        assertThrows(
            PatternRuleException.class,
            () -> DerivationPattern.parse("3,6,16,9", rule, Mode.VARIABLE, FOUR));

    assertEquals("negative-result", e.rule());
    assertEquals("rule", e.field());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "-999", "+0,-1,+0,+0"})
  void fixedModeReducesNegativeResultsModuloTen(String rule) {
    DerivationPattern pattern = DerivationPattern.parse("3,6,16,9", rule, Mode.FIXED, FOUR);

    String digits = pattern.expected(SPEC_GRID).digits();

    assertEquals(4, digits.length());
    assertTrue(digits.chars().allMatch(Character::isDigit), digits);
  }

  @Test
  void minusFiveOnTwoGivesSeven() {
    // cell 4 holds 2 in the SPEC grid: 2 - 5 = -3, floorMod(-3, 10) = 7
    DerivationPattern pattern = DerivationPattern.parse("4,1,4,1", "-5", Mode.FIXED, FOUR);

    assertEquals("7070", pattern.expected(SPEC_GRID).digits());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "3,6,16,9|/0|division-by-zero|rule",
        "3,6,16,9|+2,/0,+1,+1|division-by-zero|rule",
        "3,6,16,9|+2,+1|rule-length-mismatch|rule",
        "3,*,6,16,9|+2,+1,+1,+1|rule-length-mismatch|rule",
        "3,6,16,9|+2,+1,+1,+1,+1|rule-length-mismatch|rule",
        "3,6,16,9|2|bad-rule|rule",
        "F||bad-positions|positions",
        "f||bad-positions|positions",
        "3,F,16,9||bad-positions|positions",
        "3,6,,9||bad-positions|positions",
        "3;6;16;9||bad-positions|positions",
        "3,6,16,9,||bad-positions|positions",
        "3,6,a,9||bad-positions|positions",
        "3,6,-1,9||bad-positions|positions",
        "3,6,**,9||bad-positions|positions",
        "3,6,\u0661,9||bad-positions|positions",
        "3,6,0,9||cell-out-of-range|positions",
        "3,6,17,9||cell-out-of-range|positions",
        "3,6,99999999999999999999,9||cell-out-of-range|positions",
        "3,6,16||too-short|positions",
        "3,*,16,9||too-short|positions",
        "1,2,3,4||all-adjacent|positions",
        "1,3,1,3,1||cell-overused|positions",
        "1,*,*,*,*,*,*,*,*,*,*,*,*,3,5,7,9||bad-positions|positions"
      })
  void refusesPatternsThatBreakARule(String positions, String rule, String slug, String field) {
    PatternRuleException e =
        assertThrows(
            PatternRuleException.class,
            () -> DerivationPattern.parse(positions, rule, Mode.FIXED, FOUR));

    assertEquals(slug, e.rule());
    assertEquals(field, e.field());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void refusesMissingPositions(String positions) {
    PatternRuleException e =
        assertThrows(
            PatternRuleException.class,
            () -> DerivationPattern.parse(positions, "+2", Mode.FIXED, FOUR));

    assertEquals("bad-positions", e.rule());
  }

  @Test
  void refusesOverlongPositionText() {
    String positions = "3," + " ".repeat(300) + "6,16,9";

    assertEquals(
        "bad-positions",
        assertThrows(
                PatternRuleException.class,
                () -> DerivationPattern.parse(positions, null, Mode.FIXED, FOUR))
            .rule());
  }

  @Test
  void ofChecksTheSameRulesAsParse() {
    ConversionRule list = ConversionRule.parse("+1,+2").orElseThrow();

    assertEquals(
        DerivationPattern.parse("3,*,6,16,9", "+2", Mode.FIXED, FOUR),
        DerivationPattern.of(
            List.of(3, 0, 6, 16, 9), ConversionRule.parse("+2").orElseThrow(), null, FOUR));
    assertEquals(
        "rule-length-mismatch",
        assertThrows(
                PatternRuleException.class,
                () -> DerivationPattern.of(List.of(3, 6, 16, 9), list, Mode.FIXED, FOUR))
            .rule());
    assertEquals(
        "all-adjacent",
        assertThrows(
                PatternRuleException.class,
                () -> DerivationPattern.of(List.of(1, 2, 3, 4), null, Mode.FIXED, FOUR))
            .rule());
  }

  @Test
  void keepsACopyOfTheCells() {
    List<Integer> cells = new ArrayList<>(List.of(3, 6, 16, 9));
    DerivationPattern pattern = DerivationPattern.of(cells, null, Mode.FIXED, FOUR);

    cells.set(0, 1);

    assertEquals(List.of(3, 6, 16, 9), pattern.cells());
    assertThrows(UnsupportedOperationException.class, () -> pattern.cells().set(0, 1));
  }

  @Test
  void aFixedPasswordKeepsOnlyItsLength() {
    DerivationPattern pattern = DerivationPattern.fixedPassword("271828", FOUR);

    assertTrue(pattern.isFixedPassword());
    assertEquals(6, pattern.fixedLength());
    assertEquals(List.of(), pattern.cells());
    assertEquals(Optional.empty(), pattern.rule());
    assertEquals(Mode.FIXED, pattern.mode());
    assertEquals("F;6", pattern.encode());
    assertFalse(pattern.toString().contains("271828"));
    assertThrows(IllegalStateException.class, () -> pattern.expected(SPEC_GRID));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {"123", "12345678901234567", "12a4", " 1234", "1234 ", "\u0661\u0662\u0663\u0664"})
  void refusesFixedPasswordsThatAreNotMinLengthTo16Digits(String password) {
    PatternRuleException e =
        assertThrows(
            PatternRuleException.class, () -> DerivationPattern.fixedPassword(password, FOUR));

    assertEquals("bad-fixed-password", e.rule());
    assertEquals("fixedPassword", e.field());
    if (password != null && !password.isEmpty()) {
      assertFalse(e.getMessage().contains(password.strip()), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000", "1234567890123456"})
  void acceptsFixedPasswordsAtTheLimits(String password) {
    assertEquals(password.length(), DerivationPattern.fixedPassword(password, FOUR).fixedLength());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "3,6,16,9|+2|FIXED|C;3,6,16,9;+2;FIXED",
        "3,*,6,16,9|+2,-1,*3,/2,+0|VARIABLE|C;3,0,6,16,9;+2,-1,*3,/2,+0;VARIABLE",
        "3,6,16,9||FIXED|C;3,6,16,9;;FIXED",
        "*,3,6,16,9,*|' + 02 '|FIXED|C;0,3,6,16,9,0;+2;FIXED"
      })
  void encodesLosslessly(String positions, String rule, Mode mode, String encoded) {
    DerivationPattern pattern = DerivationPattern.parse(positions, rule, mode, FOUR);

    assertEquals(encoded, pattern.encode());
    assertEquals(pattern, DerivationPattern.decode(encoded));
    assertEquals(pattern.hashCode(), DerivationPattern.decode(encoded).hashCode());
    assertEquals(encoded, DerivationPattern.decode(encoded).encode());
  }

  @Test
  void randomPatternsSurviveEncoding() {
    Random random = new Random(42);
    TableRules table = new TableRules(10, 10, 4, 4, false);
    int checked = 0;
    for (int i = 0; i < 2000; i++) {
      List<Integer> cells = new ArrayList<>();
      int length = 4 + random.nextInt(13);
      for (int k = 0; k < length; k++) {
        cells.add(k < 4 ? 1 + random.nextInt(25) * 4 + k : random.nextInt(101));
      }
      Mode mode = random.nextBoolean() ? Mode.FIXED : Mode.VARIABLE;
      String rule = random.nextBoolean() ? null : (mode == Mode.FIXED ? "-7" : "*12");
      DerivationPattern pattern;
      try {
        pattern = DerivationPattern.of(cells, ConversionRule.parse(rule).orElse(null), mode, table);
      } catch (PatternRuleException overused) {
        continue;
      }
      assertEquals(pattern, DerivationPattern.decode(pattern.encode()));
      checked++;
    }
    assertTrue(checked > 1900, "only " + checked);
    DerivationPattern fixed = DerivationPattern.fixedPassword("1234567890123456", FOUR);
    assertEquals(fixed, DerivationPattern.decode(fixed.encode()));
  }

  @Test
  void decodingDoesNotApplyTodaysTableRules() {
    // registered when the table allowed it; the table may have been tightened since
    DerivationPattern pattern = DerivationPattern.decode("C;1,2;;FIXED");

    assertEquals(List.of(1, 2), pattern.cells());
    assertEquals("50", pattern.expected(SPEC_GRID).digits());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "X;3,6;;FIXED",
        "C;3,6;+2",
        "C;3,6;+2;FIXED;",
        "C;;+2;FIXED",
        "C;0,0;;FIXED",
        "C;3,a;;FIXED",
        "C;3,-1;;FIXED",
        "C;3,101;;FIXED",
        "C;3,1000;;FIXED",
        "C;3, 6;;FIXED",
        "C;3,6,;;FIXED",
        "C;1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17;;FIXED",
        "C;3,6;+2,+1,+1;FIXED",
        "C;3,6;/0;FIXED",
        "C;3,6;+02;FIXED",
        "C;3,6; +2;FIXED",
        "C;3,6;;fixed",
        "C;3,6;;",
        "F;0",
        "F;17",
        "F;",
        "F;x",
        "F;6;",
        "F;0006",
        "c;3,6;;FIXED"
      })
  void decodeRefusesMalformedText(String encoded) {
    assertThrows(IllegalArgumentException.class, () -> DerivationPattern.decode(encoded));
  }

  @Test
  void aCellBeyondTheGridCannotBeDerived() {
    DerivationPattern pattern = DerivationPattern.decode("C;3,50;;FIXED");

    assertThrows(IllegalArgumentException.class, () -> pattern.expected(SPEC_GRID));
  }

  @Test
  void aNegativeVariableResultIsACorruptPattern() {
    DerivationPattern pattern = DerivationPattern.decode("C;3,6;-5;VARIABLE");

    assertThrows(IllegalStateException.class, () -> pattern.expected(SPEC_GRID));
  }

  @Test
  void toStringRevealsNeitherCellsNorRule() {
    DerivationPattern pattern = DerivationPattern.parse("3,6,16,9", "+7", Mode.VARIABLE, FOUR);

    assertEquals("DerivationPattern[length=4, mode=VARIABLE]", pattern.toString());
    assertEquals(
        "DerivationPattern[fixedPassword, length=6]",
        DerivationPattern.fixedPassword("999999", FOUR).toString());
    assertEquals("Expected[length=8]", pattern.expected(SPEC_GRID).toString());
  }

  @Test
  void messagesDoNotNameTheRule() {
    PatternRuleException e =
        assertThrows(
            PatternRuleException.class,
            () -> DerivationPattern.parse("3,6,16,9", "-7", Mode.VARIABLE, FOUR));

    assertFalse(e.getMessage().contains("7"), e.getMessage());
  }

  @Test
  void anExpectedAnswerRefusesEveryWrongDigitAndLength() {
    Expected expected = DerivationPattern.parse("3,6,16,9", "+2", null, FOUR).expected(SPEC_GRID);

    for (int position = 0; position < 4; position++) {
      for (char digit = '0'; digit <= '9'; digit++) {
        char[] typed = "0695".toCharArray();
        typed[position] = digit;
        assertEquals(
            digit == "0695".charAt(position), expected.matches(new String(typed)), "" + position);
      }
    }
    assertFalse(expected.matches(null));
    assertFalse(expected.matches(""));
    assertFalse(expected.matches("069"));
    assertFalse(expected.matches("06951"));
    assertFalse(expected.matches("069\u0665"));
  }

  @Test
  void anExpectedAnswerCopiesItsWildcards() {
    boolean[] wildcard = {false, true};
    Expected expected = new Expected("10", wildcard);

    wildcard[1] = false;
    expected.wildcard()[1] = false;

    assertTrue(expected.matches("17"));
    assertEquals(new Expected("10", new boolean[] {false, true}), expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"12|false", "1|false,false", "12|false,true", "1a|false,false", "'1 '|false,false"})
  void anExpectedAnswerIsConsistent(String digits, String flags) {
    String[] parts = flags.split(",");
    boolean[] wildcard = new boolean[parts.length];
    for (int i = 0; i < parts.length; i++) {
      wildcard[i] = Boolean.parseBoolean(parts[i]);
    }

    assertThrows(IllegalArgumentException.class, () -> new Expected(digits, wildcard));
  }
}
