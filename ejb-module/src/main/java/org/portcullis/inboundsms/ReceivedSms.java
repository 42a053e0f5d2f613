package org.portcullis.inboundsms;

import java.time.Instant;

/**
 * One mobile-originated SMS with its text opened. {@link #toString()} leaves the text out: it may
 * be a one-time code.
 */
public record ReceivedSms(
    long id, String sender, String recipient, String text, Instant receivedAt) {

  @Override
  public String toString() {
    return "ReceivedSms[id=" + id + ", sender=" + sender + ", receivedAt=" + receivedAt + "]";
  }
}
