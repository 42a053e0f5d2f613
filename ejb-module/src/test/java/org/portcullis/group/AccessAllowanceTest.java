package org.portcullis.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portcullis.group.AccessAllowance.Usage;

class AccessAllowanceTest {

  private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
  private static final AccessAllowance THREE_A_DAY =
      new AccessAllowance(3, Optional.of(Duration.ofDays(1)));

  @Test
  void windowsAreCountedFromTheCreation() {
    assertEquals(0, THREE_A_DAY.windowAt(CREATED, CREATED));
    assertEquals(0, THREE_A_DAY.windowAt(CREATED, CREATED.plus(Duration.ofHours(23))));
    assertEquals(1, THREE_A_DAY.windowAt(CREATED, CREATED.plus(Duration.ofDays(1))));
    assertEquals(2, THREE_A_DAY.windowAt(CREATED, CREATED.plus(Duration.ofHours(50))));
    // not midnight: the second window opens 24 hours after the creation
    assertEquals(
        Optional.of(Instant.parse("2026-03-02T10:00:00Z")),
        THREE_A_DAY.nextWindowAt(CREATED, CREATED.plusSeconds(60)));
  }

  @Test
  void threeEntriesADayThenNoneUntilTheNextWindow() {
    Instant morning = CREATED.plus(Duration.ofHours(1));
    Usage usage = Usage.NONE;
    for (int i = 1; i <= 3; i++) {
      usage = THREE_A_DAY.admit(usage, CREATED, morning).orElseThrow();
      assertEquals(i, usage.used());
    }
    assertTrue(THREE_A_DAY.admit(usage, CREATED, morning.plus(Duration.ofHours(22))).isEmpty());

    Usage nextDay =
        THREE_A_DAY.admit(usage, CREATED, CREATED.plus(Duration.ofDays(1))).orElseThrow();
    assertEquals(new Usage(1, 1), nextDay, "a new window starts from nothing");
  }

  @Test
  void unusedEntriesDoNotCarryOver() {
    Usage one = THREE_A_DAY.admit(Usage.NONE, CREATED, CREATED).orElseThrow();
    Instant dayThree = CREATED.plus(Duration.ofDays(2));
    Usage later = one;
    for (int i = 0; i < 3; i++) {
      later = THREE_A_DAY.admit(later, CREATED, dayThree).orElseThrow();
    }
    assertTrue(THREE_A_DAY.admit(later, CREATED, dayThree).isEmpty());
    assertEquals(3, THREE_A_DAY.usedAt(later, CREATED, dayThree));
    assertEquals(0, THREE_A_DAY.usedAt(later, CREATED, dayThree.plus(Duration.ofDays(1))));
  }

  @Test
  void withoutAWindowTheAllowanceIsForTheGroupsLife() {
    AccessAllowance twoEver = new AccessAllowance(2, Optional.empty());
    Usage usage = twoEver.admit(Usage.NONE, CREATED, CREATED).orElseThrow();
    usage = twoEver.admit(usage, CREATED, CREATED.plus(Duration.ofDays(300))).orElseThrow();
    assertTrue(twoEver.admit(usage, CREATED, CREATED.plus(Duration.ofDays(600))).isEmpty());
    assertTrue(twoEver.nextWindowAt(CREATED, CREATED).isEmpty());
  }

  @Test
  void refusesAnAllowanceOfNothing() {
    assertThrows(IllegalArgumentException.class, () -> new AccessAllowance(0, Optional.empty()));
    assertThrows(
        IllegalArgumentException.class, () -> new AccessAllowance(1, Optional.of(Duration.ZERO)));
  }
}
