package org.portcullis.group.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portcullis.group.AccessAllowance;
import org.portcullis.group.GroupState;
import org.portcullis.group.GroupState.CloseReason;
import org.portcullis.group.GroupTerms;

class PrivateGroupTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static PrivateGroup group(Optional<AccessAllowance> allowance) {
    return new PrivateGroup(
        "g-abcdefghijkmnpqrstuv",
        1L,
        "$argon2id$…",
        "salt",
        new GroupTerms(
            "Book club", Duration.ofHours(2), allowance, false, Duration.ofMinutes(15), List.of()),
        T0);
  }

  @Test
  void opensWithItsDeadlines() {
    PrivateGroup group = group(Optional.empty());
    assertTrue(group.isOpen());
    assertEquals(T0.plus(Duration.ofHours(2)), group.expiresAt());
    assertEquals(Optional.of(T0.plus(Duration.ofMinutes(105))), group.noticeAt());
    assertEquals(0, group.lastSeq());
    assertEquals(1, group.takeSeq());
    assertEquals(1, group.lastSeq());
  }

  @Test
  void admitsEntriesByItsAllowance() {
    PrivateGroup group =
        group(Optional.of(new AccessAllowance(2, Optional.of(Duration.ofHours(1)))));
    assertTrue(group.admitEntry(T0));
    assertTrue(group.admitEntry(T0.plusSeconds(60)));
    assertFalse(group.admitEntry(T0.plusSeconds(120)));
    assertEquals(2, group.entriesInWindow(T0.plusSeconds(120)));
    assertTrue(group.admitEntry(T0.plus(Duration.ofMinutes(61))));
    assertEquals(3, group.entries());
  }

  @Test
  void locksItsJoinsOnceAtTheLimit() {
    PrivateGroup group = group(Optional.empty());
    assertFalse(group.wrongCode(3));
    assertFalse(group.wrongCode(3));
    assertTrue(group.wrongCode(3), "the third locks");
    assertFalse(group.wrongCode(3), "and says so once");
    assertTrue(group.joinsLocked());
  }

  @Test
  void anExtensionMovesTheClosingAndTheNotice() {
    PrivateGroup group = group(Optional.empty());
    group.noticeSent();
    assertTrue(group.noticeAt().isEmpty());
    group.extendTo(T0.plus(Duration.ofHours(5)));
    assertEquals(T0.plus(Duration.ofHours(5)), group.expiresAt());
    assertEquals(Optional.of(T0.plus(Duration.ofMinutes(285))), group.noticeAt());
    assertEquals(1, group.extensions());
    assertThrows(IllegalArgumentException.class, () -> group.extendTo(T0));
  }

  @Test
  void closingKeepsOnlyMetadata() {
    PrivateGroup group = group(Optional.empty());
    group.countMessage();
    group.close(CloseReason.EXPIRED, "server", T0.plus(Duration.ofHours(2)));

    assertEquals(GroupState.CLOSED, group.state());
    assertTrue(group.name().isEmpty());
    assertTrue(group.codeHash().isEmpty());
    assertTrue(group.kdfSalt().isEmpty());
    assertTrue(group.noticeAt().isEmpty());
    assertEquals(1, group.messages());
    assertEquals(Optional.of(CloseReason.EXPIRED), group.closeReason());
    assertThrows(IllegalStateException.class, () -> group.close(CloseReason.STAFF, "x", T0));
  }
}
