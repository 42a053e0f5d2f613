package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalTextTest {

  // the shown text is written with "\\u" so that a reader sees the characters the test means
  static Stream<Arguments> line() {
    return Stream.of(
        Arguments.of("plain text stays", "Test bank", "Test bank"),
        Arguments.of("letters and symbols of any script stay", "Zürich ✓ 銀行 😀", "Zürich ✓ 銀行 😀"),
        Arguments.of("an ANSI escape is shown, not obeyed", "a\u001b[2Jb", "a\\u001b[2Jb"),
        Arguments.of("a carriage return cannot overwrite the line", "a\rb", "a\\u000db"),
        Arguments.of("one line stays one line", "a\nb\tc", "a\\u000ab\\u0009c"),
        Arguments.of("DEL and C1 controls", "a\u007fb\u009bc", "a\\u007fb\\u009bc"),
        Arguments.of("a bidi override", "pay \u202eslip", "pay \\u202eslip"),
        Arguments.of(
            "bidi isolates and marks",
            "\u2066x\u2069\u200e\u200f\u061c",
            "\\u2066x\\u2069\\u200e\\u200f\\u061c"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource
  void line(String why, String text, String shown) {
    assertEquals(shown, TerminalText.line(text), why);
  }

  static Stream<Arguments> lines() {
    return Stream.of(
        Arguments.of("line breaks and tabs stay", "a\nb\tc", "a\nb\tc"),
        Arguments.of("a CRLF is a line break", "a\r\nb", "a\nb"),
        Arguments.of("a lone carriage return is not", "a\rb", "a\\u000db"),
        Arguments.of("an ANSI escape is shown, not obeyed", "a\u001b[31mb", "a\\u001b[31mb"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource
  void lines(String why, String text, String shown) {
    assertEquals(shown, TerminalText.lines(text), why);
  }
}
