package org.portcullis.query;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.error.DomainException;

class PagingTest {

  @ParameterizedTest(name = "offset {0}, limit {1}")
  @CsvSource({"0, 1", "0, 500", "10000000, 20"})
  void pagesWithinTheBoundsPass(int offset, int limit) {
    assertDoesNotThrow(() -> Paging.check(offset, limit, 500));
  }

  @ParameterizedTest(name = "offset {0}, limit {1} → {2}")
  @CsvSource({
    "-1, 10, invalid-offset, offset",
    "0, 0, invalid-limit, limit",
    "0, -5, invalid-limit, limit",
    "0, 501, invalid-limit, limit",
    "-1, 0, invalid-offset, offset"
  })
  void pagesOutsideTheBoundsAreBadInputNamingTheField(
      int offset, int limit, String type, String field) {
    DomainException refused =
        assertThrows(DomainException.class, () -> Paging.check(offset, limit, 500));

    assertEquals(DomainException.Kind.BAD_INPUT, refused.kind());
    assertEquals(type, refused.type());
    assertEquals(Set.of(field), refused.fields().keySet());
  }
}
