package org.portcullis.token;

import java.time.Instant;
import java.util.List;
import org.portcullis.customer.Customer;

/**
 * Access tokens (SPEC §3.7): login, access with the terminal-wide extension, logout, and staff
 * revocation. Refusals are {@link org.portcullis.error.Refusal}s: their audit records and failure
 * counts stay committed.
 *
 * <p>Identifiers: an app ID is 1-64 of {@code A-Z a-z 0-9 . _ -}; a terminal ID is 1-128 of those
 * and {@code :}. Both are chosen by the client; the terminal ID should be stable per device.
 */
public interface TokenService {

  String APP_ID_PATTERN = "[A-Za-z0-9._-]{1,64}";
  String TERMINAL_ID_PATTERN = "[A-Za-z0-9._:-]{1,128}";

  /** The app ID of handsets' tokens (SPEC §3.8); their terminal is the handset id. */
  String HANDSET_APP = "handset";

  /** The problem type of every refused token: the client should log in again. */
  String LOGIN_REQUIRED = "login-required";

  /** The problem type of every refused login, whatever the reason. */
  String LOGIN_FAILED = "login-failed";

  /**
   * A freshly issued token. {@link #token()} is the only time the secret exists outside the client;
   * {@link #toString()} leaves it out.
   */
  record Issued(
      String token,
      String key,
      String account,
      String appId,
      String terminalId,
      Instant expiresAt) {
    @Override
    public String toString() {
      return "Issued[key="
          + key
          + ", account="
          + account
          + ", appId="
          + appId
          + ", terminalId="
          + terminalId
          + ", expiresAt="
          + expiresAt
          + "]";
    }
  }

  /** An approved access: whose token it is and its new expiry. */
  record Approved(String key, String account, String appId, String terminalId, Instant expiresAt) {}

  /** A stored token as staff see it: never the secret. */
  record TokenInfo(
      String key,
      String account,
      String appId,
      String terminalId,
      Instant issuedAt,
      Instant expiresAt,
      Instant lastUsedAt) {}

  /**
   * Logs a customer in with the app password: issues a token for {@code appId} on {@code
   * terminalId}, replacing that app's previous token there, and extends the terminal's other tokens
   * by the configured policy. Failures count toward the {@code PASSWORD} lockout; an unknown
   * account, a wrong password and a locked login answer alike and cost alike.
   *
   * @throws org.portcullis.error.DomainException bad input for malformed identifiers
   * @throws org.portcullis.error.Refusal {@value #LOGIN_FAILED}
   */
  Issued login(String account, String password, String appId, String terminalId);

  /**
   * Checks a token presented with its terminal ID and, when it is approved, extends every token of
   * that terminal by the configured policy.
   *
   * @throws org.portcullis.error.DomainException bad input for a malformed terminal ID
   * @throws org.portcullis.error.Refusal {@value #LOGIN_REQUIRED}, with the account as a hint only
   *     when the token is known, belongs to this terminal and has expired
   */
  Approved access(String token, String terminalId);

  /**
   * Deletes the presented token (logout). Its terminal's other tokens are not touched.
   *
   * @throws org.portcullis.error.Refusal {@value #LOGIN_REQUIRED} for an unknown token
   */
  void logout(String token);

  /**
   * Issues the token of an enrolled handset (app {@code handset}, terminal = the handset id) in the
   * caller's transaction, as a login would.
   */
  Issued issueForHandset(Customer customer, String handsetId);

  /** A customer's tokens, newest first; expired ones that are still kept included. */
  List<TokenInfo> ofCustomer(String account);

  /**
   * Staff revoke every token of a terminal; audited.
   *
   * @return how many were deleted
   */
  int revokeTerminal(String terminalId, String staffUsername);

  /**
   * Staff revoke every token of a customer; audited.
   *
   * @return how many were deleted
   * @throws org.portcullis.error.DomainException not found for an unknown account
   */
  int revokeCustomer(String account, String staffUsername);
}
