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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.portcullis.handset.HandsetPublicKey;

/** An enrolled handset: its public id, the MSISDN and customer it belongs to, its public key. */
@Entity
@Table(name = "handset")
@NamedQuery(
    name = "Handset.byHandsetId",
    query = "SELECT h FROM Handset h WHERE h.handsetId = :handsetId")
@NamedQuery(
    name = "Handset.keyedOfCustomer",
    query =
        "SELECT h FROM Handset h WHERE h.customerRef = :customer AND h.msisdn = :msisdn"
            + " AND h.publicKey IS NOT NULL ORDER BY h.enrolledAt, h.id")
@NamedQuery(
    name = "Handset.ofCustomer",
    query = "SELECT h FROM Handset h WHERE h.customerRef = :customer ORDER BY h.enrolledAt DESC")
public class Handset {

  /** How the handset proved it holds the MSISDN. */
  public enum Method {
    SERVER_OTP,
    HANDSET_OTP
  }

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "handset_id", nullable = false, updatable = false)
  private String handsetId;

  @Column(name = "customer_ref", nullable = false, updatable = false)
  private Long customerRef;

  @Column(nullable = false, updatable = false)
  private String msisdn;

  @Column(name = "device_type", nullable = false, updatable = false)
  private String deviceType;

  @Enumerated(EnumType.STRING)
  @Column(name = "enrolled_by", nullable = false, updatable = false)
  private Method enrolledBy;

  @Column(name = "enrolled_at", nullable = false, updatable = false)
  private Instant enrolledAt;

  @Column(name = "public_key")
  private String publicKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "key_algorithm")
  private HandsetPublicKey.Algorithm keyAlgorithm;

  @Column(name = "key_uploaded_at")
  private Instant keyUploadedAt;

  @Version private long version;

  protected Handset() {}

  Handset(
      String handsetId,
      Long customerRef,
      String msisdn,
      String deviceType,
      Method enrolledBy,
      Instant enrolledAt) {
    this.handsetId = handsetId;
    this.customerRef = customerRef;
    this.msisdn = msisdn;
    this.deviceType = deviceType;
    this.enrolledBy = enrolledBy;
    this.enrolledAt = enrolledAt;
  }

  void useKey(HandsetPublicKey key, Instant now) {
    this.publicKey = key.base64();
    this.keyAlgorithm = key.algorithm();
    this.keyUploadedAt = now;
  }

  Long id() {
    return id;
  }

  String handsetId() {
    return handsetId;
  }

  Long customerRef() {
    return customerRef;
  }

  String msisdn() {
    return msisdn;
  }

  String deviceType() {
    return deviceType;
  }

  Method enrolledBy() {
    return enrolledBy;
  }

  Instant enrolledAt() {
    return enrolledAt;
  }

  Optional<String> publicKey() {
    return Optional.ofNullable(publicKey);
  }

  Optional<HandsetPublicKey.Algorithm> keyAlgorithm() {
    return Optional.ofNullable(keyAlgorithm);
  }

  Optional<Instant> keyUploadedAt() {
    return Optional.ofNullable(keyUploadedAt);
  }
}
