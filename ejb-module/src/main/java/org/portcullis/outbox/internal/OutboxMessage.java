package org.portcullis.outbox.internal;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.portcullis.outbox.OutboxState;
import org.portcullis.outbox.RetrySchedule;

/**
 * What SMS and mail outbox rows share: the recipient, the state machine of {@link OutboxState}, the
 * attempts and their schedule, and the claim of the drain that is sending the row. Every change
 * goes through a behaviour method that checks the transition; the bean that calls it holds a
 * pessimistic lock on the row.
 */
@MappedSuperclass
public abstract class OutboxMessage {

  /** The longest error kept on a row. */
  static final int MAX_ERROR = 500;

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(nullable = false, updatable = false)
  private String recipient;

  @Column(nullable = false, updatable = false)
  private String purpose;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OutboxState state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claim_token")
  private String claimToken;

  @Column(name = "claim_until")
  private Instant claimUntil;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Version private long version;

  protected OutboxMessage() {}

  protected OutboxMessage(String recipient, String purpose, Instant now) {
    this.recipient = recipient;
    this.purpose = purpose;
    this.state = OutboxState.QUEUED;
    this.nextAttemptAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Whether a drain may claim it now. */
  public boolean isDueAt(Instant now) {
    return state == OutboxState.QUEUED && !now.isBefore(nextAttemptAt);
  }

  /** A drain takes the row until {@code until}; {@code token} names the claim. */
  public void claim(String token, Instant until, Instant now) {
    if (!isDueAt(now)) {
      throw new IllegalStateException("Outbox row " + id + " is not due");
    }
    move(OutboxState.SENDING, now);
    claimToken = token;
    claimUntil = until;
  }

  public boolean isClaimedBy(String token) {
    return state == OutboxState.SENDING && claimToken != null && claimToken.equals(token);
  }

  /** The claim's deadline passed: the drain that held it died or hangs. */
  public boolean claimLapsedAt(Instant now) {
    return state == OutboxState.SENDING && claimUntil != null && now.isAfter(claimUntil);
  }

  /** The drain gives the row back unsent (no attempt made); it is due at once. */
  public void release(Instant now) {
    move(OutboxState.QUEUED, now);
    nextAttemptAt = now;
    clearClaim();
  }

  /**
   * An attempt failed. {@link SendFailure.Kind#UNAVAILABLE}: the gateway could not be used at all,
   * which is not the message's fault, so the attempt does not count and the row waits {@code
   * schedule.initial()}; {@link SendFailure.Kind#RETRY}: the attempt counts and the schedule says
   * when to try again or to give up; {@link SendFailure.Kind#PERMANENT}: the row fails at once.
   */
  public void attemptFailed(
      SendFailure failure, RetrySchedule schedule, Instant now, RandomGenerator random) {
    lastError = truncate(failure.description());
    if (failure.kind() == SendFailure.Kind.UNAVAILABLE) {
      move(OutboxState.QUEUED, now);
      nextAttemptAt = now.plus(schedule.initial());
      clearClaim();
      return;
    }
    attempts++;
    Optional<java.time.Duration> delay =
        failure.kind() == SendFailure.Kind.PERMANENT
            ? Optional.empty()
            : schedule.nextDelay(attempts, random);
    if (delay.isPresent()) {
      move(OutboxState.QUEUED, now);
      nextAttemptAt = now.plus(delay.get());
    } else {
      move(OutboxState.FAILED, now);
    }
    clearClaim();
  }

  /**
   * The gateway accepted the message. Normally the row is {@link OutboxState#SENDING} under the
   * caller's claim; after a lapsed claim it may be {@link OutboxState#QUEUED} or {@link
   * OutboxState#FAILED} again, and it is still true that the gateway accepted it.
   */
  public void accepted(Instant now) {
    move(OutboxState.SENT, now);
    sentAt = now;
    clearClaim();
  }

  public void delivered(Instant now) {
    move(OutboxState.DELIVERED, now);
  }

  /** A final negative delivery receipt. */
  public void deliveryFailed(String reason, Instant now) {
    move(OutboxState.FAILED, now);
    lastError = truncate(reason);
  }

  /** Staff make a waiting or failed row due now, with its attempts reset. */
  public void retryNow(Instant now) {
    if (!state.isRetryableByStaff()) {
      throw new IllegalStateException("Outbox row " + id + " is " + state);
    }
    move(OutboxState.QUEUED, now);
    attempts = 0;
    nextAttemptAt = now;
  }

  private void move(OutboxState next, Instant now) {
    if (!state.canBecome(next)) {
      throw new IllegalStateException(
          "Outbox row " + id + " cannot go from " + state + " to " + next);
    }
    state = next;
    updatedAt = now;
  }

  private void clearClaim() {
    claimToken = null;
    claimUntil = null;
  }

  private static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }

  public Long id() {
    return id;
  }

  public String recipient() {
    return recipient;
  }

  public String purpose() {
    return purpose;
  }

  public OutboxState state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String claimToken() {
    return claimToken;
  }

  public Instant claimUntil() {
    return claimUntil;
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Optional<Instant> sentAt() {
    return Optional.ofNullable(sentAt);
  }
}
