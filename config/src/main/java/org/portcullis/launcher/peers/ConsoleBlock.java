package org.portcullis.launcher.peers;

import java.util.Map;

/**
 * A block of console text that stands out between Payara's and the banner's lines: a titled rule,
 * labelled fields, the message text indented, a closing rule.
 */
final class ConsoleBlock {

  private static final int WIDTH = 78;

  private ConsoleBlock() {}

  /**
   * @param title what happened, e.g. "demo SMS gateway received an SMS"
   * @param fields labels and values, in order
   * @param body the message text; each line is indented
   */
  static String render(String title, Map<String, String> fields, String body) {
    StringBuilder text = new StringBuilder();
    String head = "---- " + title + " ";
    text.append(head).append("-".repeat(Math.max(4, WIDTH - head.length()))).append('\n');
    fields.forEach(
        (label, value) ->
            text.append("   ")
                .append(String.format("%-13s", label + ":"))
                .append(value)
                .append('\n'));
    if (!body.isEmpty()) {
      text.append('\n');
      body.lines().forEach(line -> text.append("   ").append(line).append('\n'));
    }
    return text.append("-".repeat(WIDTH)).append('\n').toString();
  }
}
