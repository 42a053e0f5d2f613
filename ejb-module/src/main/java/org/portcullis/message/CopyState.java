package org.portcullis.message;

/** Where one handset's copy of a secure message is. */
public enum CopyState {
  /** In the handset's inbox, not acknowledged yet. */
  PENDING,
  /** The handset acknowledged it after decrypting it. */
  DELIVERED,
  /** The customer deleted it on this handset (or the message was deleted): its wrap is erased. */
  DELETED
}
