package org.portcullis.pattern;

import java.time.Instant;
import java.util.List;

/**
 * Registration of derivation patterns through a single-use link (SPEC §3.1): staff start it; the
 * customer confirms their phone, chooses a pattern (form, candidates or narrowing) and confirms it
 * on a fresh grid, which makes it formal. Every method taking a {@code token} answers 404 for an
 * unknown link and 410 for a used, replaced or expired one.
 */
public interface PatternRegistrations {

  /** The link (24 h, single use) that was also sent to the customer. */
  record Link(String url, Instant expiresAt) {}

  /** What the registration page shows. {@code systemName} null: the pattern serves every system. */
  record Overview(
      String tableName,
      TableRules rules,
      String systemName,
      Instant expiresAt,
      String state,
      boolean phoneConfirmed,
      String maskedMsisdn,
      Instant provisionalExpiresAt) {}

  record CodeSent(String sentTo, Instant expiresAt) {}

  /**
   * A pattern as the customer submits it: {@code positions} such as {@code 3,6,*,16,9}, or {@code
   * F} with {@code fixedPassword}.
   */
  record Submission(
      String positions, String rule, DerivationPattern.Mode mode, String fixedPassword) {}

  record ConfirmationGrid(Grid grid, Instant expiresAt) {}

  /**
   * One step of narrowing: either the next grid ({@code digits} one per cell, null where a cell is
   * not shown) or, when every position is found, the {@code positions} to confirm.
   */
  record NarrowingStep(
      int round, int rows, int cols, List<Integer> digits, List<Integer> positions) {
    public boolean done() {
      return positions != null;
    }
  }

  /**
   * Opens a registration for a customer's pattern on a table, for one system or (null) every
   * system, replacing any open one, and sends the link by SMS and, when the customer has one, by
   * mail.
   */
  Link start(String account, long tableId, String systemId, String staffUsername);

  Overview describe(String token);

  /** Texts a 6-digit code to the customer's MSISDN (SPEC §3.1.4). */
  CodeSent sendPhoneCode(String token);

  /** Checks the phone code; a wrong one counts towards the customer's OTP lockout. */
  void confirmPhone(String token, String code);

  /** The n-th random candidate pattern (n ≥ 1), stable for the link so next/back work. */
  List<Integer> candidate(String token, int n);

  /** Makes the submitted pattern provisional (15 min) and presents the confirmation grid. */
  ConfirmationGrid submit(String token, Submission submission);

  /** The current confirmation grid of the provisional pattern. */
  ConfirmationGrid confirmationGrid(String token);

  /**
   * The customer's answer on the confirmation grid. Right: the pattern becomes formal and the link
   * is used. Wrong: a 400 problem, a fresh grid, and after 5 wrong answers the provisional pattern
   * is dropped.
   */
  void confirm(String token, String password);

  /** Starts narrowing for a pattern of {@code length} cells: the first grid. */
  NarrowingStep startNarrowing(String token, int length);

  /** The digits the customer read under their cells on the last grid. */
  NarrowingStep answerNarrowing(String token, String digits);
}
