package org.portcullis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternsTest {

  @ParameterizedTest(name = "[{0}] → [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "alice|alice",
        "50%|50\\%",
        "a_b|a\\_b",
        "back\\slash|back\\\\slash",
        "%_\\|\\%\\_\\\\",
        "''|''",
        "customer:bob|customer:bob"
      })
  void escapesWildcardsAndTheEscapeCharacter(String input, String escaped) {
    assertEquals(escaped, LikePatterns.escape(input));
  }

  @ParameterizedTest(name = "prefix [{0}] on [{1}]: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ali|alice|true",
        "ali|malice|false",
        "a_|a_b|true",
        "a_|ab|false",
        "50%|50% off|true",
        "50%|500|false",
        "x\\|x\\y|true",
        "x\\|xy|false"
      })
  void aPrefixPatternMatchesItsInputLiterally(String prefix, String text, boolean matches) {
    assertEquals(matches, like(LikePatterns.startingWith(prefix), text));
  }

  @ParameterizedTest(name = "part [{0}] in [{1}]: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ice|alice|true",
        "ice|ic|false",
        "%|100%|true",
        "%|100|false",
        "_|a_b|true",
        "_|ab|false"
      })
  void aContainsPatternMatchesItsInputLiterally(String part, String text, boolean matches) {
    assertEquals(matches, like(LikePatterns.containing(part), text));
  }

  @Test
  void patternsAddOnlyTheirOwnWildcards() {
    assertEquals("abc%", LikePatterns.startingWith("abc"));
    assertEquals("%abc%", LikePatterns.containing("abc"));
    assertTrue(like(LikePatterns.startingWith(""), "anything"));
    assertFalse(like(LikePatterns.escape("a%"), "abc"));
  }

  /** SQL LIKE with the default escape (backslash), evaluated the way H2 and PostgreSQL do. */
  private static boolean like(String pattern, String text) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == LikePatterns.ESCAPE && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
  }
}
