package org.portcullis.handset.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A server-OTP enrollment waiting for the code the server texted to the MSISDN.
 *
 * @param enrollmentId names the enrollment when the code is sent back
 * @param expiresAt when the code stops being accepted
 */
public record PendingEnrollment(String enrollmentId, Instant expiresAt) {

  /**
   * @throws IllegalArgumentException for a blank id
   */
  public PendingEnrollment {
    Objects.requireNonNull(enrollmentId, "enrollmentId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (enrollmentId.isBlank()) {
      throw new IllegalArgumentException("the enrollment id is blank");
    }
  }
}
