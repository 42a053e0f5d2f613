package org.portcullis.handset.client;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server refused a request with an RFC 9457 problem ({@code application/problem+json}). The
 * {@linkplain #type() type} is the stable part to act on: the slug of {@code
 * urn:portcullis:problem:<slug>}, e.g. {@value #OTP_REFUSED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProblemException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The prefix of every Portcullis problem type; {@link #type()} is what follows it. */
  public static final String TYPE_PREFIX = "urn:portcullis:problem:";

  /** A wrong server OTP (401). */
  public static final String OTP_REFUSED = "otp-refused";

  /** Handset-OTP enrollment before the server has received the customer's SMS (409). */
  public static final String ENROLLMENT_SMS_PENDING = "enrollment-sms-pending";

  /** An unknown or expired token (401), perhaps with an {@linkplain #accountHint() account}. */
  public static final String LOGIN_REQUIRED = "login-required";

  private final int status;
  private final String type;
  private final String detail;
  private final Map<String, String> fields;
  private final String accountHint;

  /**
   * @param status the HTTP status
   * @param type the slug of a Portcullis problem type, or the whole type of any other problem
   * @param detail the server's explanation for people
   * @param fields the offending inputs of a bad request and what is wrong with each; may be empty
   * @param accountHint the account to log in again as, when the server gave one; may be {@code
   *     null}
   */
  public ProblemException(
      int status, String type, String detail, Map<String, String> fields, String accountHint) {
    super(Objects.requireNonNull(detail, "detail"));
    this.status = status;
    this.type = Objects.requireNonNull(type, "type");
    this.detail = detail;
    this.fields = Map.copyOf(fields);
    this.accountHint = accountHint;
  }

  /** The HTTP status, e.g. 401. */
  public int status() {
    return status;
  }

  /**
   * The problem type's slug, e.g. {@value #OTP_REFUSED}; for a type that is not a Portcullis URN,
   * the whole type.
   */
  public String type() {
    return type;
  }

  /** Whether this is the problem with the given slug. */
  public boolean is(String slug) {
    return type.equals(slug);
  }

  /** The server's explanation, meant for people; also this exception's message. */
  public String detail() {
    return detail;
  }

  /** The offending inputs of a bad request and what is wrong with each; empty when none. */
  public Map<String, String> fields() {
    return fields;
  }

  /** The account to log in again as, with some {@value #LOGIN_REQUIRED} refusals. */
  public Optional<String> accountHint() {
    return Optional.ofNullable(accountHint);
  }

  @Override
  public String toString() {
    return "ProblemException[" + status + " " + type + ": " + detail + "]";
  }
}
