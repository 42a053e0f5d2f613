package org.portcullis.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConversionRuleTest {

  private static ConversionRule rule(String text) {
    return ConversionRule.parse(text).orElseThrow();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t"})
  void noTextMeansNoRule(String text) {
    assertTrue(ConversionRule.parse(text).isEmpty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "+2|+2",
        "' + 2 '|+2",
        "+002|+2",
        "+2,-1,*3,/2|+2,-1,*3,/2",
        "' +2 , - 1,*3 ,/ 2'|+2,-1,*3,/2",
        "*999|*999",
        "-0|-0"
      })
  void readsTheGrammarAndWritesTheCanonicalForm(String text, String canonical) {
    ConversionRule rule = rule(text);

    assertEquals(canonical, rule.toString());
    assertEquals(rule, rule(canonical));
    assertEquals(rule.hashCode(), rule(canonical).hashCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2",
        "+",
        "+2,",
        ",+2",
        "+2,,-1",
        "+2;-1",
        "+1000",
        "++2",
        "+-2",
        "%2",
        "+2 3",
        "+\u0662",
        "x",
        "+2,-1,+2,-1,+2,-1,+2,-1,+2,-1,+2,-1,+2,-1,+2,-1,+2"
      })
  void refusesTextOutsideTheGrammar(String text) {
    PatternRuleException e =
        assertThrows(PatternRuleException.class, () -> ConversionRule.parse(text));

    assertEquals("bad-rule", e.rule());
    assertEquals("rule", e.field());
  }

  @Test
  void refusesOverlongText() {
    String text = "+2" + " ".repeat(300);

    assertEquals(
        "bad-rule",
        assertThrows(PatternRuleException.class, () -> ConversionRule.parse(text)).rule());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/0", "/000", "+1,/0", " / 0 "})
  void refusesDivisionByZero(String text) {
    PatternRuleException e =
        assertThrows(PatternRuleException.class, () -> ConversionRule.parse(text));

    assertEquals("division-by-zero", e.rule());
    assertEquals("rule", e.field());
  }

  @ParameterizedTest
  @CsvSource({
    "+2, 8, 10",
    "-5, 2, -3",
    "*3, 7, 21",
    "/3, 7, 2",
    "/2, 9, 4",
    "/1, 0, 0",
    "*0, 9, 0",
    "-0, 4, 4",
    "+999, 9, 1008",
    "*999, 9, 8991"
  })
  void aSingleOpAppliesToEveryElement(String text, int digit, int result) {
    ConversionRule rule = rule(text);

    assertTrue(rule.isSingle());
    assertEquals(1, rule.size());
    for (int element = 0; element < 16; element++) {
      assertEquals(result, rule.apply(element, digit));
    }
  }

  @Test
  void aListAppliesElementByElement() {
    ConversionRule rule = rule("+2,-1,*3,/2");

    assertFalse(rule.isSingle());
    assertEquals(4, rule.size());
    assertEquals(9, rule.apply(0, 7));
    assertEquals(6, rule.apply(1, 7));
    assertEquals(21, rule.apply(2, 7));
    assertEquals(3, rule.apply(3, 7));
  }

  @Test
  void divisionIsFloorDivision() {
    // Only reachable with digits 0..9 through a list, but the rule must not depend on it.
    assertEquals(-1, Math.floorDiv(-1, 2));
    assertEquals(0, rule("/5").apply(0, 4));
    assertEquals(1, rule("/5").apply(0, 9));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 4, 16})
  void aListHasNoOpOutsideItsElements(int element) {
    ConversionRule rule = rule("+2,-1,*3,/2");

    assertThrows(IllegalArgumentException.class, () -> rule.apply(element, 5));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 10})
  void appliesOnlyToDigits(int digit) {
    assertThrows(IllegalArgumentException.class, () -> rule("+2").apply(0, digit));
  }

  @Test
  void rulesDifferingInOneOpAreNotEqual() {
    assertNotEquals(rule("+2,-1"), rule("+2,+1"));
    assertNotEquals(rule("+2"), rule("+2,+2"));
  }
}
