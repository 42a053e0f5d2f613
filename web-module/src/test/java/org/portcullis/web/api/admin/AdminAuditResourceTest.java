package org.portcullis.web.api.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminAuditResourceTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "2024-05-01T12:34:56.789Z, portcullis-audit-20240501T123456Z.csv",
    "2024-12-31T23:59:59Z, portcullis-audit-20241231T235959Z.csv",
    "1970-01-01T00:00:00Z, portcullis-audit-19700101T000000Z.csv"
  })
  void exportsAreNamedAfterTheirUtcSecond(Instant at, String name) {
    assertEquals(name, AdminAuditResource.fileName(at));
  }
}
