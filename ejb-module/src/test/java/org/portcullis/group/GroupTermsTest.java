package org.portcullis.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupTermsTest {

  private static final GroupLimits LIMITS = GroupLimits.withDefaults();

  private static GroupOpening.Request request(
      String validity, GroupOpening.Allowance accesses, Boolean rebroadcast, String notice) {
    return new GroupOpening.Request(null, validity, accesses, rebroadcast, notice, null, null);
  }

  @Test
  void aValidityAloneWithTheDefaultNotice() {
    GroupTerms terms = GroupTerms.check(request("PT2H", null, false, null), LIMITS);

    assertEquals(Duration.ofHours(2), terms.validity());
    assertEquals(Duration.ofMinutes(15), terms.notice());
    assertTrue(terms.allowance().isEmpty());
    assertFalse(terms.rebroadcast());
    Instant opened = Instant.parse("2026-03-01T10:00:00Z");
    assertEquals(Instant.parse("2026-03-01T12:00:00Z"), terms.expiresAt(opened));
    assertEquals(
        Instant.parse("2026-03-01T11:45:00Z"),
        GroupTerms.noticeAt(terms.expiresAt(opened), terms.notice()));
  }

  @Test
  void anAllowanceAloneLivesTheLongestValidity() {
    GroupTerms terms =
        GroupTerms.check(request(null, new GroupOpening.Allowance(3, "P1D"), true, "PT1H"), LIMITS);

    assertEquals(LIMITS.maxValidity(), terms.validity());
    assertEquals(
        Optional.of(new AccessAllowance(3, Optional.of(Duration.ofDays(1)))), terms.allowance());
  }

  @Test
  void bothAtOnceAndAnAllowanceForLife() {
    GroupTerms terms =
        GroupTerms.check(request("P2D", new GroupOpening.Allowance(10, null), true, null), LIMITS);
    assertEquals(Optional.of(new AccessAllowance(10, Optional.empty())), terms.allowance());
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        // neither
        "null, null, null, true, null, validity",
        // not durations, too short, too long
        "2 hours, null, null, true, null, validity",
        "PT30S, null, null, true, null, validity",
        "P8D, null, null, true, null, validity",
        // allowance
        "PT2H, 0, null, true, null, accesses.count",
        "PT2H, 10001, null, true, null, accesses.count",
        "PT2H, 3, P1Y, true, null, accesses.per",
        "PT2H, 3, PT10S, true, null, accesses.per",
        // the flag is required
        "PT2H, null, null, null, null, rebroadcast",
        // the notice falls after the opening
        "PT2H, null, null, true, PT2H, notice",
        "PT10M, null, null, true, null, validity",
      })
  void refusesBadTermsNamingTheField(
      String validity,
      Integer count,
      String per,
      Boolean rebroadcast,
      String notice,
      String field) {
    GroupOpening.Allowance accesses =
        count == null && per == null ? null : new GroupOpening.Allowance(count, per);
    GroupRuleException refused =
        assertThrows(
            GroupRuleException.class,
            () -> GroupTerms.check(request(validity, accesses, rebroadcast, notice), LIMITS));
    assertEquals(field, refused.field(), refused.getMessage());
  }

  @Test
  void namesAreOneLineOfAtMostAHundredCharacters() {
    assertEquals(
        "Book club",
        GroupTerms.check(
                new GroupOpening.Request("  Book club ", "PT2H", null, true, null, null, null),
                LIMITS)
            .name());
    for (String bad : new String[] {"x".repeat(101), "two\nlines"}) {
      GroupRuleException refused =
          assertThrows(
              GroupRuleException.class,
              () ->
                  GroupTerms.check(
                      new GroupOpening.Request(bad, "PT2H", null, true, null, null, null), LIMITS));
      assertEquals("name", refused.field());
    }
  }

  @Test
  void inviteesAreAddressesCountedOnce() {
    GroupTerms terms =
        GroupTerms.check(
            new GroupOpening.Request(
                null,
                "PT2H",
                null,
                true,
                null,
                List.of("a@example.org", "A@Example.org", "b@example.org"),
                null),
            LIMITS);
    assertEquals(List.of("a@example.org", "b@example.org"), terms.invitees());

    for (List<String> bad :
        List.of(
            List.of("not an address"),
            Arrays.asList("a@example.org", null),
            java.util.Collections.nCopies(21, "a@example.org"))) {
      GroupRuleException refused =
          assertThrows(
              GroupRuleException.class,
              () ->
                  GroupTerms.check(
                      new GroupOpening.Request(null, "PT2H", null, true, null, bad, null), LIMITS));
      assertEquals("invitees", refused.field());
    }
  }
}
