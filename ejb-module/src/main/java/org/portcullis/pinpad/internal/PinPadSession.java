package org.portcullis.pinpad.internal;

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
 * One PIN pad shown to one customer for one relying system. The pad (scramble, offset, layout) is
 * stored sealed; the session accepts one answer.
 */
@Entity
@Table(name = "pinpad_session")
@NamedQuery(
    name = "PinPadSession.byKey",
    query = "SELECT s FROM PinPadSession s WHERE s.sessionKey = :sessionKey")
@NamedQuery(
    name = "PinPadSession.purgeBefore",
    query = "DELETE FROM PinPadSession s WHERE s.expiresAt < :before")
public class PinPadSession {

  /** Where a session is in its short life. */
  public enum State {
    OPEN,
    OK,
    FAIL,
    EXPIRED,
    LOCKED
  }

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "session_key", nullable = false, updatable = false)
  private String sessionKey;

  @Column(name = "system_ref", nullable = false, updatable = false)
  private Long systemRef;

  @Column(name = "customer_ref", updatable = false)
  private Long customerRef;

  @Column(name = "sealed_pad", nullable = false, updatable = false)
  private String sealedPad;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  protected PinPadSession() {}

  PinPadSession(
      String sessionKey,
      Long systemRef,
      Long customerRef,
      String sealedPad,
      Instant createdAt,
      Instant expiresAt) {
    this.sessionKey = sessionKey;
    this.systemRef = systemRef;
    this.customerRef = customerRef;
    this.sealedPad = sealedPad;
    this.state = State.OPEN;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  boolean isOpenAt(Instant now) {
    return state == State.OPEN && now.isBefore(expiresAt);
  }

  boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Records the one answer; a session is answered once. */
  void close(State outcome, Instant now) {
    if (state != State.OPEN || outcome == State.OPEN) {
      throw new IllegalStateException("PIN pad session already answered");
    }
    state = outcome;
    answeredAt = now;
  }

  static String associatedData(String sessionKey) {
    return "pinpad_session:" + sessionKey;
  }

  String sessionKey() {
    return sessionKey;
  }

  Long systemRef() {
    return systemRef;
  }

  Optional<Long> customerRef() {
    return Optional.ofNullable(customerRef);
  }

  String sealedPad() {
    return sealedPad;
  }

  State state() {
    return state;
  }

  Instant expiresAt() {
    return expiresAt;
  }
}
