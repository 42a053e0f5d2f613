package org.portcullis.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.error.DomainException;

class PatternPolicyTest {

  @Test
  void defaultsFollowTheSpec() {
    PatternPolicy policy = PatternPolicy.defaults();
    assertEquals(Duration.ofMinutes(5), policy.gridTtl());
    assertEquals(8, policy.pairwiseIdLength());
    assertEquals(Optional.of(Duration.ofMinutes(15)), policy.duressLockAfter());
    assertEquals(false, policy.tempIdsEnabled());
  }

  @ParameterizedTest
  @CsvSource({
    "PT29S, PT1H, 10, 8, pattern.gridTtl",
    "PT10M1S, PT1H, 10, 8, pattern.gridTtl",
    "PT5M, PT59S, 10, 8, pattern.tempIds.maxAge",
    "PT5M, PT1H, 0, 8, pattern.tempIds.maxUses",
    "PT5M, PT1H, 10, 5, pattern.pairwiseIdLength",
    "PT5M, PT1H, 10, 33, pattern.pairwiseIdLength"
  })
  void outOfRangeSettingsNameTheirField(
      String gridTtl, String maxAge, int maxUses, int pairwiseLength, String field) {
    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                new PatternPolicy(
                    Duration.parse(gridTtl),
                    true,
                    Duration.parse(maxAge),
                    maxUses,
                    pairwiseLength,
                    null));
    assertTrue(refused.fields().containsKey(field), refused.fields()::toString);
  }

  @Test
  void theGridLivesAtMostTenMinutesAndNoLockIsAllowed() {
    PatternPolicy policy =
        new PatternPolicy(Duration.ofMinutes(10), true, Duration.ofDays(365), 1000, 32, null);
    assertEquals(Duration.ofMinutes(10), policy.gridTtl());
    assertEquals(Optional.empty(), policy.duressLockAfter());
    assertThrows(
        DomainException.class,
        () ->
            new PatternPolicy(
                Duration.ofMinutes(5), true, Duration.ofDays(1), 1, 8, Duration.ofDays(2)));
  }

  @Test
  void aChangeKeepsWhatItLeavesOutAndCanSwitchTheDuressLockOff() {
    PatternPolicy base = PatternPolicy.defaults();
    PatternPolicy changed =
        base.with(
            new PatternPolicy.Change(
                Duration.ofMinutes(2), true, null, 3, null, Duration.ofMinutes(1), false));
    assertEquals(Duration.ofMinutes(2), changed.gridTtl());
    assertTrue(changed.tempIdsEnabled());
    assertEquals(base.tempIdMaxAge(), changed.tempIdMaxAge());
    assertEquals(3, changed.tempIdMaxUses());
    assertEquals(base.pairwiseIdLength(), changed.pairwiseIdLength());
    assertEquals(Optional.of(Duration.ofMinutes(1)), changed.duressLockAfter());

    PatternPolicy never =
        changed.with(new PatternPolicy.Change(null, null, null, null, null, null, true));
    assertEquals(Optional.empty(), never.duressLockAfter());
    assertEquals(Duration.ofMinutes(2), never.gridTtl());
    assertEquals(
        Optional.empty(),
        never
            .with(new PatternPolicy.Change(null, null, null, null, 10, null, false))
            .duressLockAfter());
    assertThrows(
        DomainException.class,
        () ->
            base.with(
                new PatternPolicy.Change(
                    Duration.ofHours(1), null, null, null, null, null, false)));
  }
}
