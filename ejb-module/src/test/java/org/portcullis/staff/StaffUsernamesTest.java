package org.portcullis.staff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StaffUsernamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "admin", // the first admin's name
        "abc", // three characters
        "alice.smith",
        "bob_2",
        "carol-x",
        "d0.-_"
      })
  void acceptsLowerCaseNamesStartingWithALetter(String username) {
    assertTrue(StaffUsernames.valid(username), username);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "me", // two characters: kept free for the caller's own account
        "ab",
        "Alice", // upper case
        "1alice", // starts with a digit
        ".alice",
        "_alice",
        "alice smith", // space
        "alice@bank", // '@'
        "alicé", // not ASCII
        "alice\n"
      })
  void refusesEverythingElse(String username) {
    assertFalse(StaffUsernames.valid(username), String.valueOf(username));
  }

  @Test
  void allowsAtMostSixtyFourCharacters() {
    assertTrue(StaffUsernames.valid("a".repeat(64)));
    assertFalse(StaffUsernames.valid("a".repeat(65)));
  }
}
