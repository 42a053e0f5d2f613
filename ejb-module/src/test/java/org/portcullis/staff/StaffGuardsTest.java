package org.portcullis.staff;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portcullis.error.DomainException;

class StaffGuardsTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final Set<StaffRole> ADMIN = EnumSet.of(StaffRole.ADMIN);
  private static final Set<StaffRole> OPERATOR = EnumSet.of(StaffRole.OPERATOR);

  private static StaffMember member(String username, Set<StaffRole> roles) {
    return new StaffMember(username, "$argon2id$x", roles, NOW);
  }

  private static void assertRefused(String type, Runnable change) {
    DomainException refused = assertThrows(DomainException.class, change::run);
    assertEquals(DomainException.Kind.CONFLICT, refused.kind());
    assertEquals(type, refused.type());
  }

  @Test
  void nobodyDisablesThemselves() {
    StaffMember alice = member("alice", ADMIN);
    assertRefused("own-account", () -> StaffGuards.checkChange("alice", alice, ADMIN, false, 5));
  }

  @Test
  void nobodyTakesAdminFromThemselves() {
    StaffMember alice = member("alice", EnumSet.of(StaffRole.ADMIN, StaffRole.AUDITOR));
    assertRefused(
        "own-account",
        () -> StaffGuards.checkChange("alice", alice, EnumSet.of(StaffRole.AUDITOR), true, 5));
  }

  @Test
  void oneMayChangeOnesOtherRoles() {
    StaffMember alice = member("alice", ADMIN);
    assertDoesNotThrow(
        () ->
            StaffGuards.checkChange(
                "alice", alice, EnumSet.of(StaffRole.ADMIN, StaffRole.OPERATOR), true, 1));
  }

  @Test
  void theLastAdminIsNeitherDisabledNorDemoted() {
    StaffMember alice = member("alice", ADMIN);
    assertRefused("last-admin", () -> StaffGuards.checkChange("server", alice, ADMIN, false, 1));
    assertRefused("last-admin", () -> StaffGuards.checkChange("server", alice, OPERATOR, true, 1));
  }

  @Test
  void anAdminWithAnotherBesideItMayGo() {
    StaffMember alice = member("alice", ADMIN);
    assertDoesNotThrow(() -> StaffGuards.checkChange("bob", alice, ADMIN, false, 2));
    assertDoesNotThrow(() -> StaffGuards.checkChange("bob", alice, OPERATOR, true, 2));
  }

  @Test
  void accountsThatAreNoActiveAdminAreNotCounted() {
    StaffMember carol = member("carol", OPERATOR);
    // even with no admin counted (a caller other than staff), an operator may be disabled
    assertDoesNotThrow(() -> StaffGuards.checkChange("server", carol, OPERATOR, false, 0));
    StaffMember dave = member("dave", ADMIN);
    dave.disable();
    assertDoesNotThrow(() -> StaffGuards.checkChange("server", dave, OPERATOR, false, 1));
  }

  @Test
  void enablingOrPromotingIsAlwaysAllowedByTheGuards() {
    StaffMember erin = member("erin", OPERATOR);
    erin.disable();
    assertDoesNotThrow(() -> StaffGuards.checkChange("alice", erin, ADMIN, true, 1));
  }
}
