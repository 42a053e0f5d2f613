package org.portcullis.token;

/**
 * How using one token of a terminal extends the others (SPEC §3.7). In every policy each token is
 * finally held to its own absolute ceiling ({@code issued + ceiling}), expired tokens are left
 * expired, and no expiry is ever brought forward; see {@link TokenExtension} for those rules and
 * for the reading of a login.
 *
 * <p>Notation: {@code now} is the instant of the access, {@code U} the token just used with
 * remaining validity {@code R = U.expires − now > 0}, {@code P} the configured period, {@code O}
 * any other token of the terminal that has not expired, with remaining validity {@code r}.
 */
public enum TokenExpiryPolicy {

  /**
   * The used token expires a period after this use: its policy expiry is {@code D = now + P}. Every
   * other token gets that same date {@code D} ("the same new expiry as the token just used").
   */
  SAME_DATE,

  /**
   * The used token expires a period after this use, {@code now + P}, so it gains {@code G = (now +
   * P) − U.expires = P − R}. Every other token is pushed back by that same amount: {@code O.expires
   * + G}. When {@code R ≥ P} the gain is not positive and nothing moves.
   */
  SAME_PERIOD,

  /**
   * The used token gains the period on top of what it had left: {@code U.expires + P}, i.e. its
   * remaining validity is multiplied by {@code f = (P + R) / R}. Every other token's remaining
   * validity is multiplied by the same factor: {@code now + r·(P + R)/R}, computed exactly in
   * nanoseconds and rounded down (toward the earlier instant). SPEC example: R = 4 days, P = 8 days
   * → f = 3; a token with 6 days left gets 18.
   */
  SAME_FACTOR
}
