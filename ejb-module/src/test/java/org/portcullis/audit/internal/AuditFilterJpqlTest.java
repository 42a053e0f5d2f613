package org.portcullis.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.audit.AuditLog.AuditFilter;

class AuditFilterJpqlTest {

  @Test
  void noFilterHasNoConditions() {
    assertEquals("", AuditFilterJpql.of(null).where());
    assertEquals("", AuditFilterJpql.of(AuditFilter.all()).where());
    assertEquals(Map.of(), AuditFilterJpql.of(AuditFilter.all()).parameters());
    assertEquals(" WHERE r.id > :after", AuditFilterJpql.of(null).where("r.id > :after"));
  }

  @ParameterizedTest(name = "action [{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "pinpad.verify|r.action = :action|pinpad.verify",
        "pattern.*|r.action LIKE :action|pattern.%",
        "pattern.|r.action LIKE :action|pattern.%",
        "my_action.*|r.action LIKE :action|my\\_action.%",
        "100%.*|r.action LIKE :action|100\\%.%"
      })
  void actionsAreExactOrAnEscapedPrefix(String action, String condition, String parameter) {
    AuditFilterJpql jpql =
        AuditFilterJpql.of(new AuditFilter(action, null, null, null, null, null));

    assertEquals(" WHERE " + condition, jpql.where());
    assertEquals(Map.of("action", parameter), jpql.parameters());
  }

  @Test
  void aLoneStarIsAnyAction() {
    assertEquals(
        "", AuditFilterJpql.of(new AuditFilter("*", null, null, null, null, null)).where());
  }

  @Test
  void theSubjectIsAnEscapedSubstringInLowerCase() {
    AuditFilterJpql jpql =
        AuditFilterJpql.of(new AuditFilter(null, null, "Customer:Al_ce%", null, null, null));

    assertEquals(" WHERE LOWER(r.subject) LIKE :subject", jpql.where());
    assertEquals(Map.of("subject", "%customer:al\\_ce\\%%"), jpql.parameters());
  }

  @Test
  void everyPartIsAConditionAndAParameter() {
    Instant from = Instant.parse("2024-05-01T00:00:00Z");
    Instant to = Instant.parse("2024-05-02T00:00:00Z");
    AuditFilterJpql jpql =
        AuditFilterJpql.of(new AuditFilter("pinpad.verify", "system:1", "bob", "OK", from, to));

    assertEquals(
        " WHERE r.action = :action AND r.actor = :actor"
            + " AND LOWER(r.subject) LIKE :subject"
            + " AND r.outcome = :outcome AND r.occurredAt >= :from AND r.occurredAt < :to"
            + " AND r.id > :after",
        jpql.where("r.id > :after"));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("action", "pinpad.verify");
    expected.put("actor", "system:1");
    expected.put("subject", "%bob%");
    expected.put("outcome", "OK");
    expected.put("from", from);
    expected.put("to", to);
    assertEquals(expected, jpql.parameters());
  }
}
