package org.portcullis.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.error.DomainException;

class AttributeNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"address", "email", "dateOfBirth", "custom.loyalty-no", "x"})
  void acceptsNamesStartingWithALetter(String name) {
    assertTrue(AttributeNames.valid(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1st", ".hidden", "has space", "semi;colon", "comma,name"})
  void refusesOthers(String name) {
    assertFalse(AttributeNames.valid(name));
    assertThrows(DomainException.class, () -> AttributeNames.check(Set.of(name)));
  }

  @Test
  void refusesTooLongNamesAndTooManyNames() {
    assertFalse(AttributeNames.valid("a".repeat(65)));
    Set<String> many = new HashSet<>();
    for (int i = 0; i <= AttributeNames.MAX_ATTRIBUTES; i++) {
      many.add("name" + i);
    }
    assertThrows(DomainException.class, () -> AttributeNames.check(many));
    assertEquals(Set.of(), AttributeNames.check(null));
  }
}
