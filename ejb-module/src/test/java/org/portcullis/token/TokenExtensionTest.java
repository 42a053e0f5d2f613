package org.portcullis.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portcullis.token.TokenExpiryPolicy.SAME_DATE;
import static org.portcullis.token.TokenExpiryPolicy.SAME_FACTOR;
import static org.portcullis.token.TokenExpiryPolicy.SAME_PERIOD;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hand-worked dates. Unless a test says otherwise: now = 2025-03-01T12:00Z, period P = 8 days (so
 * that the SPEC example works out), lifetime L = 14 days, ceiling 90 days, and the used token "u"
 * was issued 2025-02-20T12:00Z and expires 2025-03-05T12:00Z, so R = 4 days.
 */
class TokenExtensionTest {

  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final TokenValidity USED =
      validity("2025-02-20T12:00:00Z", "2025-03-05T12:00:00Z");

  private static TokenExtension extension(TokenExpiryPolicy policy) {
    return new TokenExtension(policy, Duration.ofDays(14), Duration.ofDays(8), Duration.ofDays(90));
  }

  private static TokenValidity validity(String issued, String expires) {
    return new TokenValidity(Instant.parse(issued), Instant.parse(expires));
  }

  private static Map<String, TokenValidity> terminal(Object... keysAndTokens) {
    Map<String, TokenValidity> tokens = new LinkedHashMap<>();
    for (int i = 0; i < keysAndTokens.length; i += 2) {
      tokens.put((String) keysAndTokens[i], (TokenValidity) keysAndTokens[i + 1]);
    }
    return tokens;
  }

  @ParameterizedTest
  @CsvSource({
    // now + P = 03-01T12 + 8d
    "SAME_DATE,   2025-03-09T12:00:00Z",
    "SAME_PERIOD, 2025-03-09T12:00:00Z",
    // expires + P = 03-05T12 + 8d; remaining 12d = 4d × (8+4)/4
    "SAME_FACTOR, 2025-03-13T12:00:00Z"
  })
  void theUsedTokenIsExtended(TokenExpiryPolicy policy, Instant expected) {
    assertEquals(expected, extension(policy).onAccess(NOW, "u", terminal("u", USED)).get("u"));
  }

  /** One other token beside the used one; the used token gains 4 days (SAME_PERIOD), factor 3. */
  @ParameterizedTest(name = "{0}: issued {1}, expires {2} -> {3}")
  @CsvSource({
    // r = 6d. DATE: the used token's 03-09T12. PERIOD: 03-07 + 4d. FACTOR (SPEC): 6d × 3 = 18d.
    "SAME_DATE,   2025-02-27T12:00:00Z, 2025-03-07T12:00:00Z, 2025-03-09T12:00:00Z",
    "SAME_PERIOD, 2025-02-27T12:00:00Z, 2025-03-07T12:00:00Z, 2025-03-11T12:00:00Z",
    "SAME_FACTOR, 2025-02-27T12:00:00Z, 2025-03-07T12:00:00Z, 2025-03-19T12:00:00Z",
    // r = 12h. FACTOR: 36h after now, 03-03T00 — less than the date policy would give.
    "SAME_DATE,   2025-02-28T06:00:00Z, 2025-03-02T00:00:00Z, 2025-03-09T12:00:00Z",
    "SAME_PERIOD, 2025-02-28T06:00:00Z, 2025-03-02T00:00:00Z, 2025-03-06T00:00:00Z",
    "SAME_FACTOR, 2025-02-28T06:00:00Z, 2025-03-02T00:00:00Z, 2025-03-03T00:00:00Z",
    // r = 11d. DATE: 03-09 would shorten it, so it keeps 03-12. FACTOR: 33d → 04-03
    // (ceiling 02-28 + 90d = 05-29, not reached).
    "SAME_DATE,   2025-02-28T12:00:00Z, 2025-03-12T12:00:00Z, 2025-03-12T12:00:00Z",
    "SAME_PERIOD, 2025-02-28T12:00:00Z, 2025-03-12T12:00:00Z, 2025-03-16T12:00:00Z",
    "SAME_FACTOR, 2025-02-28T12:00:00Z, 2025-03-12T12:00:00Z, 2025-04-03T12:00:00Z",
    // expired yesterday: not revived
    "SAME_DATE,   2025-02-14T08:00:00Z, 2025-02-28T08:00:00Z, 2025-02-28T08:00:00Z",
    "SAME_PERIOD, 2025-02-14T08:00:00Z, 2025-02-28T08:00:00Z, 2025-02-28T08:00:00Z",
    "SAME_FACTOR, 2025-02-14T08:00:00Z, 2025-02-28T08:00:00Z, 2025-02-28T08:00:00Z",
    // expires exactly now: expired, not revived
    "SAME_DATE,   2025-02-15T12:00:00Z, 2025-03-01T12:00:00Z, 2025-03-01T12:00:00Z",
    "SAME_PERIOD, 2025-02-15T12:00:00Z, 2025-03-01T12:00:00Z, 2025-03-01T12:00:00Z",
    "SAME_FACTOR, 2025-02-15T12:00:00Z, 2025-03-01T12:00:00Z, 2025-03-01T12:00:00Z",
    // issued 2024-12-05T12: ceiling + 90d = 2025-03-05T12 (Dec 31d, Jan 31d, Feb 28d). r = 1d.
    // DATE 03-09 and PERIOD 03-06 are cut to the ceiling; FACTOR 3d → 03-04 stays below it.
    "SAME_DATE,   2024-12-05T12:00:00Z, 2025-03-02T12:00:00Z, 2025-03-05T12:00:00Z",
    "SAME_PERIOD, 2024-12-05T12:00:00Z, 2025-03-02T12:00:00Z, 2025-03-05T12:00:00Z",
    "SAME_FACTOR, 2024-12-05T12:00:00Z, 2025-03-02T12:00:00Z, 2025-03-04T12:00:00Z",
    // issued 2024-12-20T00: ceiling 2025-03-20T00. r = 6d12h. FACTOR 19d12h → 03-21T00, cut.
    "SAME_DATE,   2024-12-20T00:00:00Z, 2025-03-08T00:00:00Z, 2025-03-09T12:00:00Z",
    "SAME_PERIOD, 2024-12-20T00:00:00Z, 2025-03-08T00:00:00Z, 2025-03-12T00:00:00Z",
    "SAME_FACTOR, 2024-12-20T00:00:00Z, 2025-03-08T00:00:00Z, 2025-03-20T00:00:00Z"
  })
  void anotherTokenFollowsTheUsedOne(
      TokenExpiryPolicy policy, Instant issued, Instant expires, Instant expected) {
    Map<String, Instant> expiries =
        extension(policy)
            .onAccess(NOW, "u", terminal("u", USED, "o", new TokenValidity(issued, expires)));

    assertEquals(expected, expiries.get("o"));
  }

  /** Three other tokens at once: a = 6d left, b = 12h left, c expired yesterday. */
  @ParameterizedTest
  @CsvSource({
    "SAME_DATE,   2025-03-09T12:00:00Z, 2025-03-09T12:00:00Z, 2025-03-09T12:00:00Z",
    "SAME_PERIOD, 2025-03-09T12:00:00Z, 2025-03-11T12:00:00Z, 2025-03-06T00:00:00Z",
    "SAME_FACTOR, 2025-03-13T12:00:00Z, 2025-03-19T12:00:00Z, 2025-03-03T00:00:00Z"
  })
  void everyTokenOfTheTerminalIsExtendedInOneCall(
      TokenExpiryPolicy policy, Instant used, Instant a, Instant b) {
    Map<String, TokenValidity> tokens =
        terminal(
            "u", USED,
            "a", validity("2025-02-27T12:00:00Z", "2025-03-07T12:00:00Z"),
            "b", validity("2025-02-28T06:00:00Z", "2025-03-02T00:00:00Z"),
            "c", validity("2025-02-14T08:00:00Z", "2025-02-28T08:00:00Z"));

    Map<String, Instant> expiries = extension(policy).onAccess(NOW, "u", tokens);

    assertEquals(
        Map.of("u", used, "a", a, "b", b, "c", Instant.parse("2025-02-28T08:00:00Z")), expiries);
  }

  @Test
  void theSpecExampleOfTheFactorPolicy() {
    // R = 4 days, P = 8 days → factor 3; another token with 6 days left gets 18 days.
    TokenValidity other = validity("2025-03-01T00:00:00Z", "2025-03-07T12:00:00Z");

    Map<String, Instant> expiries =
        extension(SAME_FACTOR).onAccess(NOW, "u", terminal("u", USED, "other", other));

    assertEquals(Duration.ofDays(12), Duration.between(NOW, expiries.get("u")));
    assertEquals(Duration.ofDays(18), Duration.between(NOW, expiries.get("other")));
  }

  @ParameterizedTest
  @EnumSource(TokenExpiryPolicy.class)
  void theCeilingCapsTheUsedTokenButNotTheOthers(TokenExpiryPolicy policy) {
    // used: issued 2024-12-05T12, ceiling 2025-03-05T12, R = 2d. Targets 03-09T12 (DATE, PERIOD)
    // and 03-11T12 (FACTOR) are cut to 03-05T12. The other token's login is young: it still gets
    // the policy's target — DATE 03-09T12, PERIOD 03-04T12 + (8d − 2d) = 03-10T12,
    // FACTOR 3d × (8+2)/2 = 15d → 03-16T12.
    TokenValidity old = validity("2024-12-05T12:00:00Z", "2025-03-03T12:00:00Z");
    TokenValidity young = validity("2025-02-25T12:00:00Z", "2025-03-04T12:00:00Z");

    Map<String, Instant> expiries =
        extension(policy).onAccess(NOW, "old", terminal("old", old, "young", young));

    assertEquals(Instant.parse("2025-03-05T12:00:00Z"), expiries.get("old"));
    Instant expected =
        switch (policy) {
          case SAME_DATE -> Instant.parse("2025-03-09T12:00:00Z");
          case SAME_PERIOD -> Instant.parse("2025-03-10T12:00:00Z");
          case SAME_FACTOR -> Instant.parse("2025-03-16T12:00:00Z");
        };
    assertEquals(expected, expiries.get("young"));
  }

  @ParameterizedTest
  @EnumSource(TokenExpiryPolicy.class)
  void aTokenAtItsCeilingStaysThere(TokenExpiryPolicy policy) {
    // issued 2024-12-05T12: expires at its ceiling 2025-03-05T12 already
    TokenValidity atCeiling = validity("2024-12-05T12:00:00Z", "2025-03-05T12:00:00Z");

    Map<String, Instant> expiries =
        extension(policy).onAccess(NOW, "u", terminal("u", atCeiling, "o", atCeiling));

    assertEquals(Instant.parse("2025-03-05T12:00:00Z"), expiries.get("u"));
    assertEquals(Instant.parse("2025-03-05T12:00:00Z"), expiries.get("o"));
  }

  @Test
  void aTokenBeyondALoweredCeilingIsNeitherExtendedNorCut() {
    // issued 2025-01-01T00, expires 2025-03-10T00; with a 60-day ceiling it should end 03-02T00
    TokenValidity beyond = validity("2025-01-01T00:00:00Z", "2025-03-10T00:00:00Z");
    TokenExtension shortCeiling =
        new TokenExtension(
            SAME_PERIOD, Duration.ofDays(14), Duration.ofDays(14), Duration.ofDays(60));

    Map<String, Instant> expiries =
        shortCeiling.onAccess(NOW, "u", terminal("u", beyond, "o", beyond));

    assertEquals(Instant.parse("2025-03-10T00:00:00Z"), expiries.get("u"));
    assertEquals(Instant.parse("2025-03-10T00:00:00Z"), expiries.get("o"));
  }

  @Test
  void samePeriodMovesNothingWhenTheUsedTokenHasMoreThanAPeriodLeft() {
    // used: R = 10d > P = 8d; now + P = 03-09T12 is before its expiry 03-11T12, gain ≤ 0
    TokenValidity used = validity("2025-02-25T12:00:00Z", "2025-03-11T12:00:00Z");
    TokenValidity other = validity("2025-02-27T12:00:00Z", "2025-03-07T12:00:00Z");

    Map<String, Instant> expiries =
        extension(SAME_PERIOD).onAccess(NOW, "u", terminal("u", used, "o", other));

    assertEquals(
        Map.of(
            "u", Instant.parse("2025-03-11T12:00:00Z"), "o", Instant.parse("2025-03-07T12:00:00Z")),
        expiries);
  }

  @Test
  void theFactorIsExactAndRoundsTowardTheEarlierInstant() {
    // R = 3s, P = 1s → factor 4/3. Other r = 1ns → 4/3 ns, rounded down to 1ns;
    // other r = 1s → 4/3 s = 1.333333333s (rounded down at the nanosecond).
    Instant now = Instant.parse("2025-03-01T12:00:00Z");
    TokenExtension tiny =
        new TokenExtension(
            SAME_FACTOR, Duration.ofDays(1), Duration.ofSeconds(1), Duration.ofDays(90));
    Map<String, TokenValidity> tokens =
        terminal(
            "u", new TokenValidity(now.minusSeconds(60), now.plusSeconds(3)),
            "ns", new TokenValidity(now.minusSeconds(60), now.plusNanos(1)),
            "s", new TokenValidity(now.minusSeconds(60), now.plusSeconds(1)));

    Map<String, Instant> expiries = tiny.onAccess(now, "u", tokens);

    assertEquals(now.plusSeconds(4), expiries.get("u"));
    assertEquals(now.plusNanos(1), expiries.get("ns"));
    assertEquals(now.plusNanos(1_333_333_333), expiries.get("s"));
  }

  @Test
  void aTinyRemainderMultipliesOthersUpToTheirCeilingWithoutOverflow() {
    // used with 1ns left, P = 14d: factor ≈ 1.2e15; the other (5d left) lands on its ceiling,
    // issued 2025-02-20T12 + 90d = 2025-05-21T12 (Feb 8d, Mar 31d, Apr 30d, May 21d).
    TokenValidity used = new TokenValidity(Instant.parse("2025-02-20T12:00:00Z"), NOW.plusNanos(1));
    TokenValidity other = validity("2025-02-20T12:00:00Z", "2025-03-06T12:00:00Z");
    TokenExtension factor =
        new TokenExtension(
            SAME_FACTOR, Duration.ofDays(14), Duration.ofDays(14), Duration.ofDays(90));

    Map<String, Instant> expiries = factor.onAccess(NOW, "u", terminal("u", used, "o", other));

    assertEquals(Instant.parse("2025-05-21T12:00:00Z"), expiries.get("o"));
    assertEquals(NOW.plusNanos(1).plus(Duration.ofDays(14)), expiries.get("u"));
  }

  @ParameterizedTest
  @EnumSource(TokenExpiryPolicy.class)
  void onlyTheTokensHandedInAreExtended(TokenExpiryPolicy policy) {
    // Two terminals as the repository would hold them; the caller hands in one terminal's tokens.
    Map<String, Map<String, TokenValidity>> byTerminal = new LinkedHashMap<>();
    byTerminal.put(
        "phone",
        terminal("u", USED, "bank-app", validity("2025-02-27T12:00:00Z", "2025-03-07T12:00:00Z")));
    Map<String, TokenValidity> tablet =
        terminal(
            "tablet-app", validity("2025-02-27T12:00:00Z", "2025-03-07T12:00:00Z"),
            "tablet-old", validity("2025-02-14T08:00:00Z", "2025-02-28T08:00:00Z"));
    byTerminal.put("tablet", tablet);
    Map<String, TokenValidity> tabletBefore = Map.copyOf(tablet);

    Map<String, Instant> expiries = extension(policy).onAccess(NOW, "u", byTerminal.get("phone"));

    assertEquals(byTerminal.get("phone").keySet(), expiries.keySet());
    assertEquals(tabletBefore, byTerminal.get("tablet"));
  }

  @ParameterizedTest
  @CsvSource({
    // now + L = 03-01T12 + 14d. Fresh: r = 6d. Old: ceiling 2025-03-05T12. Long: 03-20T12.
    // DATE: fresh → 03-15T12; old cut to 03-05T12; long keeps 03-20T12.
    "SAME_DATE,   2025-03-15T12:00:00Z, 2025-03-05T12:00:00Z, 2025-03-20T12:00:00Z",
    // PERIOD: + L = 14d. fresh 03-07 → 03-21; long 03-20 → 04-03 (ceiling 05-29 not reached).
    "SAME_PERIOD, 2025-03-21T12:00:00Z, 2025-03-05T12:00:00Z, 2025-04-03T12:00:00Z",
    // FACTOR: (L + 0)/0 is undefined; a login extends as SAME_DATE does.
    "SAME_FACTOR, 2025-03-15T12:00:00Z, 2025-03-05T12:00:00Z, 2025-03-20T12:00:00Z"
  })
  void aLoginExtendsTheOtherTokensOfTheTerminal(
      TokenExpiryPolicy policy, Instant fresh, Instant old, Instant longLived) {
    Map<String, TokenValidity> others =
        terminal(
            "fresh", validity("2025-02-27T12:00:00Z", "2025-03-07T12:00:00Z"),
            "old", validity("2024-12-05T12:00:00Z", "2025-03-02T12:00:00Z"),
            "long", validity("2025-02-28T12:00:00Z", "2025-03-20T12:00:00Z"),
            "expired", validity("2025-02-14T08:00:00Z", "2025-02-28T08:00:00Z"));

    Map<String, Instant> expiries = extension(policy).onLogin(NOW, "new", others);

    assertEquals(
        Map.of(
            "new", Instant.parse("2025-03-15T12:00:00Z"),
            "fresh", fresh,
            "old", old,
            "long", longLived,
            "expired", Instant.parse("2025-02-28T08:00:00Z")),
        expiries);
  }

  @ParameterizedTest
  @EnumSource(TokenExpiryPolicy.class)
  void aLoginOnAnEmptyTerminalIssuesForTheLifetime(TokenExpiryPolicy policy) {
    assertEquals(
        Map.of("new", Instant.parse("2025-03-15T12:00:00Z")),
        extension(policy).onLogin(NOW, "new", Map.of()));
  }

  @ParameterizedTest
  @CsvSource({"2025-03-01T12:00:00Z", "2025-02-28T12:00:00Z"})
  void anExpiredTokenCannotBeTheUsedOne(Instant expires) {
    // R = 0 (expires exactly now) and R = −1d
    TokenValidity expired = new TokenValidity(Instant.parse("2025-02-14T12:00:00Z"), expires);

    for (TokenExpiryPolicy policy : TokenExpiryPolicy.values()) {
      assertThrows(
          IllegalArgumentException.class,
          () -> extension(policy).onAccess(NOW, "u", terminal("u", expired)));
    }
  }

  @Test
  void theUsedTokenMustBeAmongTheTerminalsTokens() {
    assertThrows(
        IllegalArgumentException.class,
        () -> extension(SAME_DATE).onAccess(NOW, "elsewhere", terminal("u", USED)));
  }

  @Test
  void theNewTokenOfALoginMustNotBeAmongTheOthers() {
    assertThrows(
        IllegalArgumentException.class,
        () -> extension(SAME_DATE).onLogin(NOW, "u", terminal("u", USED)));
  }

  @Test
  void defaultsAreTheIssues() {
    TokenExtension defaults = TokenExtension.defaults();

    assertEquals(SAME_PERIOD, defaults.policy());
    assertEquals(Duration.ofDays(14), defaults.lifetime());
    assertEquals(Duration.ofDays(14), defaults.period());
    assertEquals(Duration.ofDays(90), defaults.ceiling());
  }

  @ParameterizedTest
  @CsvSource({
    "PT0S, P14D, P90D",
    "-P1D, P14D, P90D",
    "P14D, PT0S, P90D",
    "P14D, -PT1S, P90D",
    "P14D, P14D, PT0S",
    "P91D, P14D, P90D",
    "P14D, P91D, P90D"
  })
  void badSettingsAreRefusedAtOnce(Duration lifetime, Duration period, Duration ceiling) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TokenExtension(SAME_PERIOD, lifetime, period, ceiling));
  }

  @Test
  void aTokenCannotExpireBeforeItsLogin() {
    assertThrows(
        IllegalArgumentException.class,
        () -> validity("2025-03-01T12:00:00Z", "2025-03-01T11:59:59Z"));
  }
}
