package org.portcullis.handset.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One enrollment attempt. A server-OTP attempt holds an HMAC of the code that was texted; a
 * handset-OTP attempt is written only when it succeeds, recording the SMS it used so that SMS
 * cannot enroll twice.
 */
@Entity
@Table(name = "handset_enrollment")
@NamedQuery(
    name = "HandsetEnrollment.byEnrollmentId",
    query = "SELECT e FROM HandsetEnrollment e WHERE e.enrollmentId = :enrollmentId")
@NamedQuery(
    name = "HandsetEnrollment.serverCodesSince",
    query =
        "SELECT e.createdAt FROM HandsetEnrollment e WHERE e.msisdn = :msisdn"
            + " AND e.method = :method AND e.createdAt >= :since ORDER BY e.createdAt")
@NamedQuery(
    name = "HandsetEnrollment.usedSms",
    query = "SELECT e.inboundSmsRef FROM HandsetEnrollment e WHERE e.inboundSmsRef IN :ids")
@NamedQuery(
    name = "HandsetEnrollment.purgeBefore",
    query = "DELETE FROM HandsetEnrollment e WHERE e.expiresAt < :before")
public class HandsetEnrollment {

  /** Where an attempt is. */
  public enum State {
    PENDING,
    ENROLLED,
    FAILED
  }

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "enrollment_id", nullable = false, updatable = false)
  private String enrollmentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Handset.Method method;

  @Column(nullable = false, updatable = false)
  private String msisdn;

  @Column(name = "customer_ref", updatable = false)
  private Long customerRef;

  @Column(name = "device_type", nullable = false, updatable = false)
  private String deviceType;

  @Column(name = "otp_hash", updatable = false)
  private String otpHash;

  @Column(name = "inbound_sms_ref", updatable = false)
  private Long inboundSmsRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(nullable = false)
  private int failures;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "handset_ref")
  private Long handsetRef;

  protected HandsetEnrollment() {}

  /** A server-OTP attempt waiting for its code. */
  static HandsetEnrollment serverOtp(
      String enrollmentId,
      String msisdn,
      Long customerRef,
      String deviceType,
      String otpHash,
      Instant now,
      Instant expiresAt) {
    HandsetEnrollment e = new HandsetEnrollment();
    e.enrollmentId = enrollmentId;
    e.method = Handset.Method.SERVER_OTP;
    e.msisdn = msisdn;
    e.customerRef = customerRef;
    e.deviceType = deviceType;
    e.otpHash = otpHash;
    e.state = State.PENDING;
    e.createdAt = now;
    e.expiresAt = expiresAt;
    return e;
  }

  /** A handset-OTP attempt that succeeded with the SMS {@code inboundSmsRef}. */
  static HandsetEnrollment handsetOtp(
      String enrollmentId,
      String msisdn,
      Long customerRef,
      String deviceType,
      long inboundSmsRef,
      Instant now,
      Instant expiresAt,
      Handset handset) {
    HandsetEnrollment e = new HandsetEnrollment();
    e.enrollmentId = enrollmentId;
    e.method = Handset.Method.HANDSET_OTP;
    e.msisdn = msisdn;
    e.customerRef = customerRef;
    e.deviceType = deviceType;
    e.inboundSmsRef = inboundSmsRef;
    e.state = State.ENROLLED;
    e.createdAt = now;
    e.expiresAt = expiresAt;
    e.handsetRef = handset.id();
    return e;
  }

  boolean isExpiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  /** Counts a wrong code; the attempt fails for good at {@code maxFailures}. */
  void wrongCode(int maxFailures) {
    failures++;
    if (failures >= maxFailures) {
      state = State.FAILED;
    }
  }

  void enrolled(Handset handset) {
    state = State.ENROLLED;
    handsetRef = handset.id();
  }

  String enrollmentId() {
    return enrollmentId;
  }

  String msisdn() {
    return msisdn;
  }

  Optional<Long> customerRef() {
    return Optional.ofNullable(customerRef);
  }

  String deviceType() {
    return deviceType;
  }

  String otpHash() {
    return otpHash;
  }

  State state() {
    return state;
  }

  Instant expiresAt() {
    return expiresAt;
  }
}
