package org.portcullis.query;

/**
 * LIKE patterns built from user input, with the input's own {@code %}, {@code _} and backslash
 * escaped so that they match themselves: a search for {@code 50%_off} finds that text, not every
 * text that starts with {@code 50}.
 *
 * <p>The escape character is the backslash because it is the default of both H2 and PostgreSQL, so
 * queries say plain {@code LIKE :pattern} with no {@code ESCAPE} clause. They must not add one: the
 * EclipseLink in Payara 6 stops binding every parameter of a statement that has an {@code ESCAPE},
 * and prints instants into the SQL as timestamps without their zone, which the database then reads
 * in its session's zone.
 *
 * <p>Thread-safe: stateless.
 */
public final class LikePatterns {

  /** The escape character: the databases' default, so queries need no {@code ESCAPE} clause. */
  public static final char ESCAPE = '\\';

  private LikePatterns() {}

  /** {@code text} with {@code \}, {@code %} and {@code _} escaped so that each matches itself. */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ESCAPE || c == '%' || c == '_') {
        escaped.append(ESCAPE);
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  /** Matches any text that starts with {@code prefix}. */
  public static String startingWith(String prefix) {
    return escape(prefix) + '%';
  }

  /** Matches any text that contains {@code part}. */
  public static String containing(String part) {
    return '%' + escape(part) + '%';
  }
}
