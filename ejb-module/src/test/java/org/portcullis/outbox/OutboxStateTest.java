package org.portcullis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OutboxStateTest {

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
    "QUEUED, SENDING, true",
    "QUEUED, QUEUED, true",
    "QUEUED, SENT, true",
    "QUEUED, DELIVERED, false",
    "QUEUED, FAILED, false",
    "SENDING, SENT, true",
    "SENDING, QUEUED, true",
    "SENDING, FAILED, true",
    "SENDING, SENDING, false",
    "SENDING, DELIVERED, false",
    "SENT, DELIVERED, true",
    "SENT, FAILED, true",
    "SENT, QUEUED, false",
    "SENT, SENDING, false",
    "SENT, SENT, false",
    "FAILED, QUEUED, true",
    "FAILED, SENT, true",
    "FAILED, SENDING, false",
    "FAILED, DELIVERED, false",
    "FAILED, FAILED, false"
  })
  void transitions(OutboxState from, OutboxState to, boolean allowed) {
    assertEquals(allowed, from.canBecome(to));
  }

  @ParameterizedTest
  @EnumSource(OutboxState.class)
  void deliveredIsFinal(OutboxState next) {
    assertFalse(OutboxState.DELIVERED.canBecome(next));
  }

  @Test
  void staffRetryOnlyWaitingOrFailedMessages() {
    Set<OutboxState> retryable = EnumSet.noneOf(OutboxState.class);
    for (OutboxState state : OutboxState.values()) {
      if (state.isRetryableByStaff()) {
        retryable.add(state);
        assertTrue(state.canBecome(OutboxState.QUEUED), state + " can be queued again");
      }
    }
    assertEquals(EnumSet.of(OutboxState.QUEUED, OutboxState.FAILED), retryable);
  }

  @Test
  void settledStatesNeedNoMoreWorkFromTheDrain() {
    for (OutboxState state : OutboxState.values()) {
      assertEquals(
          state != OutboxState.QUEUED && state != OutboxState.SENDING,
          state.isSettled(),
          state.name());
    }
  }
}
