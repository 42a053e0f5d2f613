package org.portcullis.pattern.internal;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A use ID (SPEC §3.2, flow B): 6 random digits, 5 minutes, claimed by one handset once. */
@Entity
@Table(name = "pattern_use_id")
@NamedQuery(
    name = "UseId.live",
    query =
        "SELECT u FROM UseId u WHERE u.useId = :useId AND u.expiresAt > :now ORDER BY u.id DESC")
@NamedQuery(
    name = "UseId.ofSystem",
    query =
        "SELECT u FROM UseId u WHERE u.useId = :useId AND u.systemRef = :systemRef"
            + " ORDER BY u.id DESC")
@NamedQuery(name = "UseId.purge", query = "DELETE FROM UseId u WHERE u.expiresAt < :before")
public class UseId {

  public enum State {
    /** shown by the relying system, not yet typed on a handset */
    OPEN,
    /** a handset has its grid */
    CLAIMED,
    OK,
    FAIL
  }

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "use_id", nullable = false, updatable = false)
  private String useId;

  @Column(name = "system_ref", nullable = false, updatable = false)
  private Long systemRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "verification_ref")
  private Long verificationRef;

  @Version private long version;

  protected UseId() {}

  public UseId(String useId, Long systemRef, Instant createdAt, Instant expiresAt) {
    this.useId = useId;
    this.systemRef = systemRef;
    this.state = State.OPEN;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public void claim(Long pendingVerificationRef) {
    this.state = State.CLAIMED;
    this.verificationRef = pendingVerificationRef;
  }

  public void finish(boolean ok) {
    this.state = ok ? State.OK : State.FAIL;
  }

  public Long id() {
    return id;
  }

  public String useId() {
    return useId;
  }

  public Long systemRef() {
    return systemRef;
  }

  public State state() {
    return state;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Long> verificationRef() {
    return Optional.ofNullable(verificationRef);
  }
}
