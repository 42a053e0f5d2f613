package org.portcullis.web.api.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.web.api.InvalidFieldException;

class QueryParamsTest {

  @Test
  void pagingNumbers() {
    assertEquals(50, QueryParams.number("limit", null, 50));
    assertEquals(50, QueryParams.number("limit", "", 50));
    assertEquals(7, QueryParams.number("limit", "7", 50));
    assertEquals(7, QueryParams.number("limit", " 7 ", 50));
    assertEquals(0, QueryParams.number("offset", "0", 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "ten", "1.5", "99999999999"})
  void badPagingNumbersNameTheField(String value) {
    InvalidFieldException refused =
        assertThrows(InvalidFieldException.class, () -> QueryParams.number("offset", value, 0));

    assertEquals("offset", refused.field());
  }

  @Test
  void instantsAreIso8601() {
    assertEquals(
        Instant.parse("2024-05-01T00:00:00Z"), QueryParams.instant("from", "2024-05-01T00:00:00Z"));
    assertEquals(
        Instant.parse("2024-05-01T10:15:30.123456Z"),
        QueryParams.instant("to", " 2024-05-01T10:15:30.123456Z "));
    assertNull(QueryParams.instant("from", null));
    assertNull(QueryParams.instant("from", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2024-05-01", "2024-05-01T00:00:00", "1714521600"})
  void anythingElseIsRefusedNamingTheField(String value) {
    InvalidFieldException refused =
        assertThrows(InvalidFieldException.class, () -> QueryParams.instant("from", value));

    assertEquals("from", refused.field());
    assertEquals(
        "from must be an ISO-8601 instant such as 2024-05-01T00:00:00Z", refused.getMessage());
  }
}
