package org.portcullis.customer;

import java.util.Locale;
import java.util.Optional;

/**
 * The bank's rule for customers' app passwords, checked before a password is hashed (NIST SP
 * 800-63B §5.1.1.2 in spirit: length over composition rules). A password must have 12 to 128
 * characters, must not consist of one repeated character or a run of consecutive characters ({@code
 * abcdef…}, {@code 123456…}), and must not contain the account name. Immutable.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** Why {@code password} is refused for {@code account}, or empty when it is acceptable. */
  public static Optional<String> problem(String account, String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of("password is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return Optional.of("password must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    if (password.codePoints().distinct().count() == 1) {
      return Optional.of("password must not be one repeated character");
    }
    if (isRun(password)) {
      return Optional.of("password must not be a run of consecutive characters");
    }
    if (account != null
        && account.length() >= 3
        && password.toLowerCase(Locale.ROOT).contains(account.toLowerCase(Locale.ROOT))) {
      return Optional.of("password must not contain the account name");
    }
    return Optional.empty();
  }

  /**
   * Every character one more (or every one one less) than the one before; digits wrap around
   * ({@code …7890123…} is a run, as on a keypad).
   */
  private static boolean isRun(String password) {
    int[] points = password.codePoints().toArray();
    int step = step(points[0], points[1]);
    if (step != 1 && step != -1) {
      return false;
    }
    for (int i = 2; i < points.length; i++) {
      if (step(points[i - 1], points[i]) != step) {
        return false;
      }
    }
    return true;
  }

  private static int step(int from, int to) {
    if (Character.isDigit(from) && Character.isDigit(to) && from <= '9' && to <= '9') {
      int up = Math.floorMod(to - from, 10);
      return up == 9 ? -1 : up;
    }
    return to - from;
  }
}
