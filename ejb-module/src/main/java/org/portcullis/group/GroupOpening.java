package org.portcullis.group;

import java.time.Instant;
import java.util.List;

/** Opening a private group: a customer's app names the terms; the opener is the first member. */
public interface GroupOpening {

  /**
   * Entries admitted per window.
   *
   * @param count entries per window
   * @param per the window, an ISO-8601 duration; null for the group's whole life
   */
  record Allowance(Integer count, String per) {}

  /**
   * What the opener asks for; {@link GroupTerms} says what it means.
   *
   * @param code the opener's own code (Crockford base32), or null to have the server make one
   */
  record Request(
      String name,
      String validity,
      Allowance accesses,
      Boolean rebroadcast,
      String notice,
      List<String> invitees,
      String code) {
    @Override
    public String toString() {
      return "Request[name="
          + name
          + ", validity="
          + validity
          + ", own code="
          + (code != null)
          + "]";
    }
  }

  /**
   * The opened group. The code and the join link (which carries it) exist here once and never
   * again: only a hash of the code is kept.
   *
   * @param code the server's code in groups of four; null when the opener gave its own
   * @param joinUrl the join link, the code in its fragment
   * @param qrPng the join link as a QR code (PNG)
   * @param kdfSalt the public salt (base64url) members derive the content key with
   * @param memberId the opener's member id
   */
  record Opened(
      String groupId,
      String memberId,
      String code,
      String joinUrl,
      byte[] qrPng,
      Instant expiresAt,
      String kdfSalt,
      boolean rebroadcast) {
    @Override
    public String toString() {
      return "Opened[groupId=" + groupId + ", expiresAt=" + expiresAt + "]";
    }
  }

  /**
   * Opens a group and mails its invitations through the outbox (the mails' bodies are erased once
   * sent). Audited without the code.
   *
   * @throws org.portcullis.error.DomainException bad input naming the field: the terms ({@code
   *     invalid-group-terms}), the code ({@code invalid-code}, {@code weak-code})
   */
  Opened open(Request request, GroupCaller caller);
}
