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
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pending verification (SPEC §3.2) and, once consumed by its one answer, the outcome. The
 * presented grid is sealed with {@link #associatedData(String)} of the event id.
 */
@Entity
@Table(name = "pattern_verification")
@NamedQuery(
    name = "PendingVerification.pendingOf",
    query =
        "SELECT v FROM PendingVerification v WHERE v.systemRef = :systemRef"
            + " AND v.customerRef = :customerRef AND v.state = :state ORDER BY v.id DESC")
@NamedQuery(
    name = "PendingVerification.byEventId",
    query = "SELECT v FROM PendingVerification v WHERE v.eventId = :eventId")
@NamedQuery(
    name = "PendingVerification.byVerificationId",
    query = "SELECT v FROM PendingVerification v WHERE v.verificationId = :verificationId")
@NamedQuery(
    name = "PendingVerification.purge",
    query = "DELETE FROM PendingVerification v WHERE v.createdAt < :before")
public class PendingVerification {

  /** Flow A: password typed at the relying system; flow B: on the handset, by use ID. */
  public enum Flow {
    A,
    B
  }

  public enum State {
    PENDING,
    OK,
    FAIL,
    EXPIRED,
    /** a newer challenge for the same customer and system took its place */
    REPLACED
  }

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "event_id", nullable = false, updatable = false)
  private String eventId;

  @Column(name = "verification_id", nullable = false, updatable = false)
  private String verificationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Flow flow;

  @Column(name = "system_ref", nullable = false, updatable = false)
  private Long systemRef;

  @Column(name = "customer_ref", nullable = false, updatable = false)
  private Long customerRef;

  @Column(name = "pattern_ref", nullable = false, updatable = false)
  private Long patternRef;

  @Column(name = "sealed_grid", nullable = false, updatable = false)
  private String sealedGrid;

  @Column(name = "temp_id", updatable = false)
  private String tempId;

  @Column(name = "use_id_ref", updatable = false)
  private Long useIdRef;

  @Column(updatable = false)
  private String disclose;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(name = "function_name")
  private String function;

  @Column(name = "pairwise_id")
  private String pairwiseId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "attributes_released_at")
  private Instant attributesReleasedAt;

  @Version private long version;

  protected PendingVerification() {}

  public PendingVerification(
      String eventId,
      String verificationId,
      Flow flow,
      Long systemRef,
      Long customerRef,
      Long patternRef,
      String sealedGrid,
      String tempId,
      Long useIdRef,
      Set<String> disclose,
      Instant createdAt,
      Instant expiresAt) {
    this.eventId = eventId;
    this.verificationId = verificationId;
    this.flow = flow;
    this.systemRef = systemRef;
    this.customerRef = customerRef;
    this.patternRef = patternRef;
    this.sealedGrid = sealedGrid;
    this.tempId = tempId;
    this.useIdRef = useIdRef;
    this.disclose =
        disclose == null || disclose.isEmpty()
            ? null
            : disclose.stream().sorted().collect(Collectors.joining(","));
    this.state = State.PENDING;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public static String associatedData(String eventId) {
    return "verification:" + eventId;
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Consumes the verification with its one answer. */
  public void answer(State outcome, String functionName, String pairwise, Instant now) {
    this.state = outcome;
    this.function = functionName;
    this.pairwiseId = pairwise;
    this.answeredAt = now;
  }

  public void replace() {
    this.state = State.REPLACED;
  }

  public void releaseAttributes(Instant now) {
    this.attributesReleasedAt = now;
  }

  public Long id() {
    return id;
  }

  public String eventId() {
    return eventId;
  }

  public String verificationId() {
    return verificationId;
  }

  public Flow flow() {
    return flow;
  }

  public Long systemRef() {
    return systemRef;
  }

  public Long customerRef() {
    return customerRef;
  }

  public Long patternRef() {
    return patternRef;
  }

  public String sealedGrid() {
    return sealedGrid;
  }

  public Optional<Long> useIdRef() {
    return Optional.ofNullable(useIdRef);
  }

  public Set<String> disclose() {
    return disclose == null ? Set.of() : Set.copyOf(Arrays.asList(disclose.split(",")));
  }

  public State state() {
    return state;
  }

  public Optional<String> function() {
    return Optional.ofNullable(function);
  }

  public Optional<String> pairwiseId() {
    return Optional.ofNullable(pairwiseId);
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean attributesReleased() {
    return attributesReleasedAt != null;
  }
}
