package org.portcullis.staff;

import java.util.regex.Pattern;

/**
 * The rule for staff usernames: 3 to 64 of {@code a-z 0-9 . _ -}, starting with a letter. Lower
 * case only, so that {@code Alice} and {@code alice} cannot be two accounts that read alike in the
 * audit log; at least three characters, so that {@code me} stays free for the caller's own account
 * in the API's paths. Stateless and thread-safe.
 */
public final class StaffUsernames {

  /** The rule as a regular expression, for Bean Validation of requests. */
  public static final String PATTERN = "[a-z][a-z0-9._-]{2,63}";

  /** The rule in words, for error messages. */
  public static final String RULE =
      "A username is 3 to 64 of a-z, 0-9, '.', '_' or '-', starting with a letter";

  private static final Pattern USERNAME = Pattern.compile(PATTERN);

  private StaffUsernames() {}

  public static boolean valid(String username) {
    return username != null && USERNAME.matcher(username).matches();
  }
}
