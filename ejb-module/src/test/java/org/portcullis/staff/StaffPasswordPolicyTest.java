package org.portcullis.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StaffPasswordPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "correct horse battery", // spaces are fine
        "aaaaaaaaaaaa", // exactly 12; composition is not the rule
        "наш пароль надёжный", // any Unicode
        "alice.smith12", // contains the username but is not it
      })
  void acceptsLongPasswordsThatAreNotTheUsername(String password) {
    assertEquals(Optional.empty(), StaffPasswordPolicy.problem("alice.smith", password));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void requiresAPassword(String password) {
    assertEquals(
        Optional.of("A password is required"), StaffPasswordPolicy.problem("alice", password));
  }

  @ParameterizedTest
  @CsvSource({
    "short, A staff password must have at least 12 characters",
    "elevenchars, A staff password must have at least 12 characters",
    "alice.smith1, A staff password must not be the username",
    "Alice.Smith1, A staff password must not be the username"
  })
  void refusesSayingWhichRule(String password, String reason) {
    assertEquals(Optional.of(reason), StaffPasswordPolicy.problem("alice.smith1", password));
  }

  @Test
  void boundsTheLength() {
    assertEquals(Optional.empty(), StaffPasswordPolicy.problem("alice", "x".repeat(128)));
    assertEquals(
        Optional.of("A staff password must have at most 128 characters"),
        StaffPasswordPolicy.problem("alice", "x".repeat(129)));
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // eleven emoji are 22 UTF-16 units but only 11 characters
    assertTrue(StaffPasswordPolicy.problem("alice", "😀😁😂🤣😃😄😅😆😉😊😋").isPresent());
    assertEquals(
        Optional.empty(), StaffPasswordPolicy.problem("alice", "😀😁😂🤣😃😄😅😆😉😊😋😎"));
    // 128 emoji are 256 UTF-16 units and still allowed
    assertEquals(Optional.empty(), StaffPasswordPolicy.problem("alice", "😀".repeat(128)));
  }

  @Test
  void aMissingUsernameOnlySkipsThatRule() {
    assertEquals(Optional.empty(), StaffPasswordPolicy.problem(null, "correct horse battery"));
  }
}
