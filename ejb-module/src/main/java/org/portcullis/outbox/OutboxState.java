package org.portcullis.outbox;

/**
 * Where an outbox message is in its life. The transitions:
 *
 * <pre>
 * QUEUED  → SENDING (a drain claims it), QUEUED (staff retry: due now),
 *           SENT (late acceptance: a send whose claim lapsed was accepted after all)
 * SENDING → SENT (the gateway accepted it), QUEUED (retry later, or the claim was given back),
 *           FAILED (attempts used up, or a permanent refusal)
 * SENT    → DELIVERED (a delivery receipt DELIVRD for every part), FAILED (a final negative receipt)
 * FAILED  → QUEUED (staff retry), SENT (late acceptance)
 * DELIVERED is final.
 * </pre>
 */
public enum OutboxState {
  /** Waiting to be sent, at or after its next attempt time. */
  QUEUED,
  /** Claimed by a drain that is sending it now; the claim has a deadline. */
  SENDING,
  /** The gateway (or mail server) accepted it. */
  SENT,
  /** The handset confirmed every part (SMS only: mail has no receipts). */
  DELIVERED,
  /** Given up; staff may retry it. */
  FAILED;

  /** Whether a message in this state may move to {@code next}. */
  public boolean canBecome(OutboxState next) {
    return switch (this) {
      case QUEUED -> next == SENDING || next == QUEUED || next == SENT;
      case SENDING -> next == SENT || next == QUEUED || next == FAILED;
      case SENT -> next == DELIVERED || next == FAILED;
      case FAILED -> next == QUEUED || next == SENT;
      case DELIVERED -> false;
    };
  }

  /** Staff may make a message due again (attempts reset) only when it is waiting or given up. */
  public boolean isRetryableByStaff() {
    return this == QUEUED || this == FAILED;
  }

  /** Settled messages need no more work from the drain; they are purged after the retention. */
  public boolean isSettled() {
    return this == SENT || this == DELIVERED || this == FAILED;
  }
}
