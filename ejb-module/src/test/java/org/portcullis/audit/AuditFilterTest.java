package org.portcullis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.audit.AuditLog.AuditFilter;
import org.portcullis.error.DomainException;

class AuditFilterTest {

  private static AuditFilter action(String action) {
    return new AuditFilter(action, null, null, null, null, null);
  }

  @ParameterizedTest(name = "[{0}] → prefix [{1}]")
  @CsvSource({
    "pattern.*, pattern.",
    "pattern., pattern.",
    "pinpad.v*, pinpad.v",
    "*, ''",
    "' pattern.* ', pattern."
  })
  void anActionEndingInDotOrStarIsAPrefix(String action, String prefix) {
    assertEquals(Optional.of(prefix), action(action).actionPrefix());
  }

  @ParameterizedTest
  @CsvSource({"pattern.verify", "pattern", "audit.export"})
  void anyOtherActionIsExact(String action) {
    assertEquals(Optional.empty(), action(action).actionPrefix());
    assertEquals(action, action(action).action());
  }

  @Test
  void blankPartsAreAbsent() {
    AuditFilter filter = new AuditFilter(" ", "", "\t", null, null, null);

    assertNull(filter.action());
    assertNull(filter.actor());
    assertNull(filter.subject());
    assertEquals(AuditFilter.all(), filter);
    assertEquals("all", filter.describe());
  }

  @Test
  void theDescriptionNamesTheGivenParts() {
    AuditFilter filter =
        new AuditFilter(
            "pattern.*",
            " staff:alice ",
            null,
            "FAIL",
            Instant.parse("2024-05-01T00:00:00Z"),
            null);

    assertEquals(
        "action=pattern.* actor=staff:alice outcome=FAIL from=2024-05-01T00:00:00Z",
        filter.describe());
  }

  @Test
  void anEmptyWindowIsAllowedButABackwardsOneIsRefused() {
    Instant at = Instant.parse("2024-05-01T00:00:00Z");
    assertEquals(at, new AuditFilter(null, null, null, null, at, at).to());

    DomainException refused =
        assertThrows(
            DomainException.class,
            () -> new AuditFilter(null, null, null, null, at, at.minusSeconds(1)));

    assertEquals("invalid-audit-filter", refused.type());
    assertEquals(DomainException.Kind.BAD_INPUT, refused.kind());
    assertEquals(java.util.Set.of("to"), refused.fields().keySet());
  }
}
