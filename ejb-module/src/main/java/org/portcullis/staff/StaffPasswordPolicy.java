package org.portcullis.staff;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule for staff passwords, checked before a password is hashed: 12 to 128 characters, and not
 * the username. Length rather than composition rules (NIST SP 800-63B §5.1.1.2): guessing is
 * bounded by the login lock and the Argon2id hash, so what matters is that a password is long; the
 * upper bound keeps one login from costing the server more than a long passphrase would. Characters
 * are Unicode code points, so an emoji counts once. Stateless and thread-safe.
 */
public final class StaffPasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private StaffPasswordPolicy() {}

  /** Why {@code password} is refused for {@code username}, or empty when it is acceptable. */
  public static Optional<String> problem(String username, String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of("A password is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("A staff password must have at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("A staff password must have at most " + MAX_LENGTH + " characters");
    }
    // usernames are lower case; "Alice.Smith1" is no better a password for alice.smith1
    if (username != null
        && password.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("A staff password must not be the username");
    }
    return Optional.empty();
  }
}
