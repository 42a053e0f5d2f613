package org.portcullis.handset;

import java.time.Instant;
import java.util.List;
import org.portcullis.token.TokenService;

/**
 * Handset enrollment (SPEC §3.8, first half). A handset is enrolled for an MSISDN, belongs to the
 * customer with that MSISDN and receives an access token (app {@code handset}, terminal = the
 * handset id). One MSISDN may enroll several handsets.
 *
 * <p>Codes are single use, valid for five minutes and count toward the {@code OTP} lockout; a new
 * code does not reset the count. An MSISDN that is no customer's (or that several customers share)
 * gets the same answers as a customer's and can never succeed; it is never sent a code.
 */
public interface HandsetService {

  /** The app ID of handsets' access tokens. */
  String HANDSET_APP = TokenService.HANDSET_APP;

  /** Problem type of every refused code, whatever the reason. */
  String OTP_REFUSED = "otp-refused";

  /** Problem type while a handset-OTP enrollment waits for the customer's SMS. */
  String SMS_PENDING = "enrollment-sms-pending";

  /** A server-OTP enrollment waiting for its code. */
  record Started(String enrollmentId, Instant expiresAt) {}

  /** An enrolled handset and its token ({@link #toString()} leaves the token out). */
  record Enrolled(String handsetId, String account, String token, Instant expiresAt) {
    @Override
    public String toString() {
      return "Enrolled[handsetId=" + handsetId + ", account=" + account + "]";
    }
  }

  /** A handset as staff see it. */
  record HandsetInfo(
      String handsetId,
      String account,
      String msisdn,
      String deviceType,
      String enrolledBy,
      Instant enrolledAt,
      HandsetPublicKey.Algorithm keyAlgorithm,
      Instant keyUploadedAt) {}

  /**
   * Server OTP, step 1: texts a 6-digit code to {@code msisdn} through the SMS outbox.
   *
   * @param deviceType the kind of handset; null records it as {@code unspecified}
   * @throws org.portcullis.error.DomainException bad input; throttled (429) after too many codes
   *     for one MSISDN
   */
  Started startServerOtp(String msisdn, String deviceType);

  /**
   * Server OTP, step 2: the code the customer read from the SMS.
   *
   * @param msisdn null, or the MSISDN the enrollment was started for (the pair must match)
   * @throws org.portcullis.error.DomainException bad input; not found (unknown enrollment); gone
   *     (expired or closed)
   * @throws org.portcullis.error.Refusal {@value #OTP_REFUSED}
   */
  Enrolled confirmServerOtp(String enrollmentId, String msisdn, String otp);

  /**
   * Handset OTP: the handset texted {@code <keyword> <otp>} to the service number and sends the
   * same code here.
   *
   * @throws org.portcullis.error.DomainException bad input; conflict {@value #SMS_PENDING} while no
   *     such SMS from {@code msisdn} has arrived in the last five minutes (try again shortly)
   * @throws org.portcullis.error.Refusal {@value #OTP_REFUSED}
   */
  Enrolled enrollWithHandsetOtp(String msisdn, String otp, String deviceType);

  /** The handsets of a customer, newest first. */
  List<HandsetInfo> ofCustomer(String account);
}
