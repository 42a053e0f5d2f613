package org.portcullis.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The login lock and the account's dates. */
class StaffMemberTest {

  private static final Instant NOW = Instant.parse("2025-01-01T09:00:00Z");

  private static StaffMember member() {
    return new StaffMember("alice", "$argon2id$old", EnumSet.of(StaffRole.OPERATOR), NOW);
  }

  private static void fail(StaffMember member, int times, Instant at) {
    for (int i = 0; i < times; i++) {
      member.recordFailedLogin(at);
    }
  }

  @Test
  void theFifthWrongPasswordInARowLocksForFifteenMinutes() {
    StaffMember alice = member();
    fail(alice, 4, NOW);
    assertFalse(alice.isLockedAt(NOW));
    assertTrue(alice.recordFailedLogin(NOW), "the fifth failure locks");
    assertTrue(alice.isLockedAt(NOW));
    assertTrue(alice.isLockedAt(NOW.plus(Duration.ofMinutes(15)).minusNanos(1)));
    assertFalse(alice.isLockedAt(NOW.plus(Duration.ofMinutes(15))));
    assertEquals(Optional.of(NOW.plus(StaffMember.LOGIN_LOCK)), alice.lockedUntil(NOW));
    assertEquals(Optional.empty(), alice.lockedUntil(NOW.plus(Duration.ofHours(1))));
  }

  @Test
  void aSuccessEndsTheRun() {
    StaffMember alice = member();
    fail(alice, 4, NOW);
    alice.recordLogin(NOW.plusSeconds(1));
    assertEquals(0, alice.failedLogins());
    assertEquals(Optional.of(NOW.plusSeconds(1)), alice.lastLoginAt());
    fail(alice, 4, NOW);
    assertFalse(alice.isLockedAt(NOW), "four failures after a success do not lock");
  }

  @Test
  void eachWrongPasswordAfterALockLocksAgain() {
    StaffMember alice = member();
    fail(alice, 5, NOW);
    Instant later = NOW.plus(Duration.ofMinutes(20));
    assertFalse(alice.isLockedAt(later));
    assertTrue(alice.recordFailedLogin(later), "one more guess, one more lock");
    assertEquals(Optional.of(later.plus(StaffMember.LOGIN_LOCK)), alice.lockedUntil(later));
  }

  @Test
  void anAdminsResetLiftsTheLockAndEndsTheRun() {
    StaffMember alice = member();
    fail(alice, 5, NOW);
    alice.resetPassword("$argon2id$new", NOW.plusSeconds(5));
    assertFalse(alice.isLockedAt(NOW.plusSeconds(5)));
    assertEquals(0, alice.failedLogins());
    assertEquals("$argon2id$new", alice.passwordHash());
    assertEquals(Optional.of(NOW.plusSeconds(5)), alice.passwordChangedAt());
  }

  @Test
  void changingOnesOwnPasswordKeepsTheLockState() {
    StaffMember alice = member();
    fail(alice, 2, NOW);
    alice.changePassword("$argon2id$new", NOW.plusSeconds(5));
    assertEquals(2, alice.failedLogins());
    assertEquals(Optional.of(NOW.plusSeconds(5)), alice.passwordChangedAt());
  }

  @Test
  void aNewAccountHasItsPasswordFromItsCreationAndNeverLoggedIn() {
    StaffMember alice = member();
    assertTrue(alice.enabled());
    assertEquals(Optional.of(NOW), alice.passwordChangedAt());
    assertEquals(Optional.empty(), alice.lastLoginAt());
  }

  @Test
  void rolesAreKeptAndNeverEmpty() {
    StaffMember alice = member();
    alice.changeRoles(EnumSet.of(StaffRole.AUDITOR, StaffRole.ADMIN));
    assertEquals(EnumSet.of(StaffRole.ADMIN, StaffRole.AUDITOR), alice.roles());
    assertTrue(alice.isActiveAdmin());
    alice.disable();
    assertFalse(alice.isActiveAdmin());
    assertThrows(IllegalArgumentException.class, () -> alice.changeRoles(Set.of()));
  }

  @Test
  void successfulLoginsAreWrittenAtMostOncePerIntervalUnlessTheyEndARunOfFailures() {
    StaffMember alice = member();
    assertTrue(alice.loginWorthRecording(NOW), "never logged in");
    alice.recordLogin(NOW);
    assertFalse(alice.loginWorthRecording(NOW.plusSeconds(59)));
    assertTrue(alice.loginWorthRecording(NOW.plus(StaffMember.LOGIN_RECORD_INTERVAL)));
    alice.recordFailedLogin(NOW.plusSeconds(10));
    assertTrue(
        alice.loginWorthRecording(NOW.plusSeconds(11)), "a success ends the run of failures");
  }
}
