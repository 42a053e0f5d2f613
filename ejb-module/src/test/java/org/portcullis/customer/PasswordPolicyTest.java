package org.portcullis.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "correct horse battery", // spaces are fine
        "Tr0ub4dor&3xyz",
        "aaaaaaaaaaab", // 12 characters, not all the same
        "наш пароль надёжный", // any Unicode
        "123456789013" // a run broken at the end
      })
  void acceptsReasonablePasswords(String password) {
    assertEquals(Optional.empty(), PasswordPolicy.problem("alice", password));
  }

  @ParameterizedTest
  @CsvSource({
    "'', password is required",
    "short, password must have 12 to 128 characters",
    "elevenchars, password must have 12 to 128 characters",
    "aaaaaaaaaaaa, password must not be one repeated character",
    "abcdefghijklm, password must not be a run of consecutive characters",
    "zyxwvutsrqpo, password must not be a run of consecutive characters",
    "123456789012, password must not be a run of consecutive characters",
    "my-ALICE-password, password must not contain the account name"
  })
  void refusesWeakPasswordsSayingWhy(String password, String reason) {
    Optional<String> problem = PasswordPolicy.problem("alice", password);
    assertTrue(problem.isPresent(), password);
    assertTrue(problem.get().startsWith(reason), problem.get());
  }

  @org.junit.jupiter.api.Test
  void countsCharactersNotUtf16Units() {
    // eleven emoji are 22 UTF-16 units but only 11 characters
    assertTrue(PasswordPolicy.problem("alice", "😀😁😂🤣😃😄😅😆😉😊😋").isPresent());
    assertEquals(Optional.empty(), PasswordPolicy.problem("alice", "😀😁😂🤣😃😄😅😆😉😊😋😎"));
  }

  @org.junit.jupiter.api.Test
  void refusesTooLong() {
    assertTrue(PasswordPolicy.problem("alice", "ab".repeat(65)).isPresent());
  }
}
