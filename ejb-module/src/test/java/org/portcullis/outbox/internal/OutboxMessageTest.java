package org.portcullis.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.portcullis.outbox.OutboxState;
import org.portcullis.outbox.RetrySchedule;

/** The life of an outbox row, driven through its behaviour methods as the EJBs drive it. */
class OutboxMessageTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final RetrySchedule SCHEDULE =
      new RetrySchedule(3, Duration.ofSeconds(5), Duration.ofMinutes(10), 0);
  private static final SendFailure REFUSED = new SendFailure(SendFailure.Kind.RETRY, "refused");
  private static final SendFailure DOWN =
      new SendFailure(SendFailure.Kind.UNAVAILABLE, "gateway down");

  private final Random random = new Random(1);

  private static SmsOutboxMessage queued() {
    return new SmsOutboxMessage("+447700900123", "test", T0);
  }

  private static SmsOutboxMessage claimed(String token) {
    SmsOutboxMessage row = queued();
    row.claim(token, T0.plusSeconds(300), T0);
    return row;
  }

  @Test
  void aNewRowIsDueAtOnce() {
    SmsOutboxMessage row = queued();

    assertEquals(OutboxState.QUEUED, row.state());
    assertTrue(row.isDueAt(T0));
    assertFalse(row.isDueAt(T0.minusMillis(1)));
    assertEquals(0, row.attempts());
  }

  @Test
  void aClaimBelongsToItsToken() {
    SmsOutboxMessage row = claimed("a");

    assertEquals(OutboxState.SENDING, row.state());
    assertTrue(row.isClaimedBy("a"));
    assertFalse(row.isClaimedBy("b"));
    assertFalse(row.isClaimedBy(null));
    assertFalse(row.isDueAt(T0.plusSeconds(1)), "a claimed row is not due");
    assertThrows(IllegalStateException.class, () -> row.claim("b", T0.plusSeconds(300), T0));
  }

  @Test
  void aRowThatIsNotDueCannotBeClaimed() {
    SmsOutboxMessage row = claimed("a");
    row.attemptFailed(REFUSED, SCHEDULE, T0, random);

    assertThrows(IllegalStateException.class, () -> row.claim("b", T0.plusSeconds(60), T0));
  }

  @Test
  void acceptanceMakesItSent() {
    SmsOutboxMessage row = claimed("a");
    row.accepted(T0.plusSeconds(1));

    assertEquals(OutboxState.SENT, row.state());
    assertEquals(Optional.of(T0.plusSeconds(1)), row.sentAt());
    assertFalse(row.isClaimedBy("a"));
    assertNull(row.claimUntil());
  }

  @Test
  void refusedAttemptsBackOffThenGiveUp() {
    SmsOutboxMessage row = queued();
    Instant now = T0;
    Duration[] waits = {Duration.ofSeconds(5), Duration.ofSeconds(10)};
    for (Duration wait : waits) {
      row.claim("t", now.plusSeconds(300), now);
      row.attemptFailed(REFUSED, SCHEDULE, now, random);
      assertEquals(OutboxState.QUEUED, row.state());
      assertEquals(now.plus(wait), row.nextAttemptAt());
      assertFalse(row.isDueAt(now.plus(wait).minusMillis(1)));
      now = now.plus(wait);
    }
    row.claim("t", now.plusSeconds(300), now);
    row.attemptFailed(REFUSED, SCHEDULE, now, random);

    assertEquals(OutboxState.FAILED, row.state());
    assertEquals(3, row.attempts());
    assertEquals(Optional.of("refused"), row.lastError());
  }

  @Test
  void anUnavailableGatewayDoesNotUseUpAttempts() {
    SmsOutboxMessage row = queued();
    Instant now = T0;
    for (int i = 0; i < 50; i++) {
      row.claim("t", now.plusSeconds(300), now);
      row.attemptFailed(DOWN, SCHEDULE, now, random);
      assertEquals(OutboxState.QUEUED, row.state());
      assertEquals(now.plusSeconds(5), row.nextAttemptAt());
      now = now.plusSeconds(5);
    }

    assertEquals(0, row.attempts());
    assertEquals(Optional.of("gateway down"), row.lastError());
  }

  @Test
  void aPermanentRefusalFailsAtOnce() {
    SmsOutboxMessage row = claimed("t");
    row.attemptFailed(SendFailure.permanent("no such address"), SCHEDULE, T0, random);

    assertEquals(OutboxState.FAILED, row.state());
    assertEquals(1, row.attempts());
  }

  @Test
  void aReleasedRowIsDueAgainWithoutAnAttempt() {
    SmsOutboxMessage row = claimed("t");
    row.release(T0.plusSeconds(2));

    assertEquals(OutboxState.QUEUED, row.state());
    assertTrue(row.isDueAt(T0.plusSeconds(2)));
    assertEquals(0, row.attempts());
    assertNull(row.claimToken());
  }

  @Test
  void aClaimLapsesAfterItsDeadline() {
    SmsOutboxMessage row = claimed("t");

    assertFalse(row.claimLapsedAt(T0.plusSeconds(300)));
    assertTrue(row.claimLapsedAt(T0.plusSeconds(301)));
  }

  @Test
  void staffRetryResetsAttemptsOfAFailedRow() {
    SmsOutboxMessage row = claimed("t");
    row.attemptFailed(SendFailure.permanent("x"), SCHEDULE, T0, random);
    row.retryNow(T0.plusSeconds(60));

    assertEquals(OutboxState.QUEUED, row.state());
    assertEquals(0, row.attempts());
    assertTrue(row.isDueAt(T0.plusSeconds(60)));
  }

  @Test
  void staffRetryRefusesRowsInFlightOrDone() {
    SmsOutboxMessage sending = claimed("t");
    SmsOutboxMessage sent = claimed("t");
    sent.accepted(T0);

    assertThrows(IllegalStateException.class, () -> sending.retryNow(T0));
    assertThrows(IllegalStateException.class, () -> sent.retryNow(T0));
  }

  @Test
  void receiptsSettleASentRow() {
    SmsOutboxMessage delivered = claimed("t");
    delivered.accepted(T0);
    delivered.delivered(T0.plusSeconds(3));
    SmsOutboxMessage undelivered = claimed("t");
    undelivered.accepted(T0);
    undelivered.deliveryFailed("delivery receipt UNDELIV", T0.plusSeconds(3));

    assertEquals(OutboxState.DELIVERED, delivered.state());
    assertEquals(OutboxState.FAILED, undelivered.state());
    assertEquals(Optional.of("delivery receipt UNDELIV"), undelivered.lastError());
    assertThrows(IllegalStateException.class, () -> delivered.deliveryFailed("late", T0));
  }

  @Test
  void onlyASentRowCanBeDelivered() {
    assertThrows(IllegalStateException.class, () -> queued().delivered(T0));
    assertThrows(IllegalStateException.class, () -> claimed("t").delivered(T0));
  }

  @Test
  void aLateAcceptanceIsRecordedEvenAfterTheClaimWasGivenBack() {
    SmsOutboxMessage row = claimed("t");
    row.release(T0);
    row.accepted(T0.plusSeconds(1));

    assertEquals(OutboxState.SENT, row.state());
  }

  @Test
  void errorsAreCutToTheColumn() {
    SmsOutboxMessage row = claimed("t");
    row.attemptFailed(
        new SendFailure(SendFailure.Kind.RETRY, "x".repeat(900)), SCHEDULE, T0, random);

    assertEquals(OutboxMessage.MAX_ERROR, row.lastError().orElseThrow().length());
  }

  @Test
  void sealedValuesAreBoundToTheirRowAndSetOnce() {
    SmsOutboxMessage sms = queued();
    sms.seal("k:abc");
    MailOutboxMessage mail = new MailOutboxMessage("a@example.org", "test", T0, false);
    mail.seal("k:def");

    assertThrows(IllegalStateException.class, () -> sms.seal("k:other"));
    assertThrows(IllegalStateException.class, () -> mail.seal("k:other"));
    assertEquals("sms_outbox:7", SmsOutboxMessage.associatedData(7));
    assertEquals("mail_outbox:7", MailOutboxMessage.associatedData(7));
  }

  @Test
  void aMailKeepsItsMessageId() {
    MailOutboxMessage mail = new MailOutboxMessage("a@example.org", "test", T0, false);
    mail.claim("t", T0.plusSeconds(300), T0);
    mail.accepted("<x@portcullis.local>", T0);

    assertEquals(OutboxState.SENT, mail.state());
    assertEquals(Optional.of("<x@portcullis.local>"), mail.messageId());
    assertEquals(
        "<outbox.null." + T0.toEpochMilli() + "@portcullis.local>",
        mail.stableMessageId("portcullis.local"),
        "id and creation time make the Message-ID (the id is assigned by persist)");
  }

  @Test
  void aMailMadeToBeErasedDropsItsContentOnceSentAndOnlyThen() {
    MailOutboxMessage mail = new MailOutboxMessage("a@example.org", "group-invitation", T0, true);
    mail.seal("k:sealed");
    mail.claim("t", T0.plusSeconds(300), T0);
    mail.attemptFailed(
        new SendFailure(SendFailure.Kind.RETRY, "450 try later"), SCHEDULE, T0, random);
    assertEquals("k:sealed", mail.sealedContent(), "a failed attempt keeps it for the retry");

    mail.claim("u", T0.plusSeconds(600), T0.plusSeconds(300));
    mail.accepted("<x@portcullis.local>", T0.plusSeconds(301));
    assertEquals(OutboxState.SENT, mail.state());
    assertNull(mail.sealedContent(), "erased once the mail server took it");

    MailOutboxMessage ordinary = new MailOutboxMessage("a@example.org", "test", T0, false);
    ordinary.seal("k:kept");
    ordinary.claim("t", T0.plusSeconds(300), T0);
    ordinary.accepted("<y@portcullis.local>", T0);
    assertEquals("k:kept", ordinary.sealedContent(), "other mails keep theirs until the purge");
  }
}
