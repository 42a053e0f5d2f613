package org.portcullis.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import org.portcullis.it.Api;

/** Staff accounts for the browser tests, made through the admin API with unique names. */
final class StaffAccounts {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A password the staff password policy accepts. */
  static final String PASSWORD = "console test passphrase";

  private StaffAccounts() {}

  /** A staff account and its password. */
  record Account(String username, String password) {}

  /** A new enabled account with one role ({@code ADMIN}, {@code OPERATOR} or {@code AUDITOR}). */
  static Account create(String role) {
    String username =
        role.toLowerCase() + "-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/admin/staff",
                "{\"username\":\""
                    + username
                    + "\",\"roles\":[\""
                    + role
                    + "\"],\"password\":\""
                    + PASSWORD
                    + "\"}");
    assertEquals(201, created.status(), created::toString);
    return new Account(username, PASSWORD);
  }

  /** A unique suffix for test data. */
  static String nonce() {
    return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
  }
}
