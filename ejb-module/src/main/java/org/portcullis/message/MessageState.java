package org.portcullis.message;

/** Where a secure message is in its life; see docs/secure-messages.md. */
public enum MessageState {
  /** No handset of the recipient can read it yet (none enrolled, or none with a key). */
  AWAITING_ENROLLMENT,
  /** At least one handset can read it; none has acknowledged it. */
  NOTIFIED,
  /** A handset acknowledged it; the server can no longer read it. */
  DELIVERED,
  /** Its retention ended: its content is erased. */
  EXPIRED,
  /** The customer deleted it on every handset that had it, or staff deleted it. */
  DELETED;

  /** Whether its content still exists. */
  public boolean isOpen() {
    return this == AWAITING_ENROLLMENT || this == NOTIFIED || this == DELIVERED;
  }
}
