package org.portcullis.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessCodeTest {

  @Test
  void theServerMakesSixteenSymbolsOfEightyBitsShownInFours() {
    AccessCode code = AccessCode.generate(new SecureRandom());

    assertEquals(16, code.canonical().length());
    assertEquals(80, code.bits());
    assertTrue(code.canonical().chars().allMatch(c -> AccessCode.ALPHABET.indexOf(c) >= 0));
    assertTrue(code.grouped().matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
    assertTrue(code.weakness().isEmpty());
  }

  @Test
  void generatedCodesUseTheWholeAlphabetAndDoNotRepeat() {
    Random random = new Random(42);
    Set<String> codes = new HashSet<>();
    Set<Character> symbols = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String code = AccessCode.generate(random).canonical();
      codes.add(code);
      code.chars().forEach(c -> symbols.add((char) c));
    }
    assertEquals(2000, codes.size());
    assertEquals(32, symbols.size(), "all 32 symbols appear, and no other");
  }

  @Test
  void aGeneratorThatOnlyGivesPatternsIsAskedAgain() {
    // the first 16 draws make 0123…F (a run), the next ones a real code
    Random rigged =
        new Random() {
          private final Random honest = new Random(1);
          private int calls;

          @Override
          public int nextInt(int bound) {
            int n = calls++;
            return n < 16 ? n % bound : honest.nextInt(bound);
          }
        };
    AccessCode code = AccessCode.generate(rigged);
    assertTrue(code.weakness().isEmpty());
    assertFalse(code.canonical().startsWith("0123"));
  }

  @ParameterizedTest
  @CsvSource({
    "ABCD-EFGH-JKMN-PQRS, ABCDEFGHJKMNPQRS",
    "abcd efgh jkmn pqrs, ABCDEFGHJKMNPQRS",
    "oOiIlL-7x9z-k2m4-tv, 001111-7X9Z-K2M4-TV",
  })
  void readsCodesAsPeopleWriteThem(String typed, String expected) {
    assertEquals(expected.replace("-", ""), AccessCode.parse(typed).canonical());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ABCU-EFGH-JKMN", "ABCD_EFGH", "ABCD.EFGH", "ÄBCDEFGHJK", "   ", "-", ""})
  void refusesWhatIsNotCrockfordBase32(String typed) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AccessCode.parse(typed));
    assertFalse(e.getMessage().contains(typed.strip().isEmpty() ? "\u0000" : typed));
  }

  @Test
  void refusesNothingAndTooMuch() {
    assertThrows(IllegalArgumentException.class, () -> AccessCode.parse(null));
    assertThrows(IllegalArgumentException.class, () -> AccessCode.parse("A".repeat(65)));
    assertThrows(IllegalArgumentException.class, () -> AccessCode.parse("-".repeat(10_000)));
    assertEquals(64, AccessCode.parse("A1".repeat(32)).canonical().length());
  }

  @ParameterizedTest
  @CsvSource({
    // fewer than 50 bits
    "7X9ZK2M4T, 50 bits",
    // one symbol repeated
    "AAAAAAAAAAAAAAAA, repeated",
    "0000000000, repeated",
    // runs, up and down, wrapping round after Z, and any fixed step
    "0123456789AB, run",
    "ZYXWVTSRQPNM, run",
    "WXYZ01234567, run",
    "02468ACEGJ, run",
    // blocks repeated
    "ABABABABABAB, block of 2",
    "7X97X97X97X9, block of 3",
    "K2M4K2M4K2M4, block of 4",
  })
  void refusesTriviallyPatternedCodes(String code, String why) {
    String weakness = AccessCode.parse(code).weakness().orElseThrow();
    assertTrue(weakness.contains(why), weakness);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7X9ZK2M4T1", // ten symbols: exactly 50 bits
        "K2M4K2M4K2M5", // almost a block, not quite
        "0123456789AC", // almost a run, not quite
        "ABCDABCDEABCDABCDE", // a block of 5 is not trivial
      })
  void acceptsCodesOfFiftyBitsOrMoreWithoutAPattern(String code) {
    assertTrue(AccessCode.parse(code).weakness().isEmpty(), code);
  }

  @Test
  void neverShowsTheCodeInToString() {
    AccessCode code = AccessCode.parse("7X9Z-K2M4-T1V8");
    assertFalse(code.toString().contains("7X9Z"));
    assertEquals("7X9Z-K2M4-T1V8", code.grouped());
    assertEquals("7X9Z-K2M4-T", AccessCode.parse("7x9zk2m4t").grouped());
  }
}
