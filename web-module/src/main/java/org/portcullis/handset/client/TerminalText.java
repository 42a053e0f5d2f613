package org.portcullis.handset.client;

/**
 * Text from the server made safe to print on a terminal. A message's sender name, subject and body
 * come from a bank's system, not from this client: a control character in them (an ANSI escape
 * sequence, a carriage return) could rewrite what the terminal shows, and a bidirectional override
 * could make text read differently from what it is (CVE-2021-42574). Each such character is shown
 * as its escape instead, a backslash, {@code u} and four hex digits (<code>&#92;u001b</code>).
 *
 * <p>Stateless and thread-safe.
 */
final class TerminalText {

  private TerminalText() {}

  /** One line: every control character, line breaks and tabs included, is escaped. */
  static String line(String text) {
    return escape(text, false);
  }

  /**
   * Several lines: line breaks ({@code \n}, {@code \r\n}) and tabs stay, every other control
   * character is escaped. The lines end with {@code \n}.
   */
  static String lines(String text) {
    return escape(text.replace("\r\n", "\n"), true);
  }

  private static String escape(String text, boolean multiline) {
    StringBuilder shown = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (multiline && (c == '\n' || c == '\t')) {
        shown.append(c);
      } else if (Character.isISOControl(c) || isBidiControl(c)) {
        shown.append(String.format("\\u%04x", (int) c));
      } else {
        shown.append(c);
      }
    }
    return shown.toString();
  }

  /** The explicit directional marks, embeddings, overrides and isolates of Unicode UAX #9. */
  private static boolean isBidiControl(char c) {
    return c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
