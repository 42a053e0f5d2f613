package org.portcullis.system;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A system that asks Portcullis to verify customers. Identified publicly by an 8-digit system ID;
 * authenticates with a secret of which only a peppered hash is stored.
 */
@Entity
@Table(name = "relying_system")
@NamedQuery(
    name = "RelyingSystem.bySystemId",
    query = "SELECT s FROM RelyingSystem s WHERE s.systemId = :systemId")
@NamedQuery(name = "RelyingSystem.all", query = "SELECT s FROM RelyingSystem s ORDER BY s.name")
public class RelyingSystem {

  /** A system ID is exactly eight decimal digits. */
  public static final String SYSTEM_ID_PATTERN = "[0-9]{8}";

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "system_id", nullable = false, updatable = false)
  private String systemId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String roles;

  @Column(name = "secret_hash", nullable = false)
  private String secretHash;

  @Column(nullable = false)
  private boolean enabled;

  @Embedded private PinPadPolicy pinPad;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected RelyingSystem() {}

  public RelyingSystem(
      String systemId,
      String name,
      Set<SystemRole> roles,
      String secretHash,
      PinPadPolicy pinPad,
      Instant createdAt) {
    this.systemId = systemId;
    this.name = name;
    this.roles = encode(roles);
    this.secretHash = secretHash;
    this.pinPad = pinPad;
    this.enabled = true;
    this.createdAt = createdAt;
  }

  private static String encode(Set<SystemRole> roles) {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  public boolean hasRole(SystemRole role) {
    return roles().contains(role);
  }

  public void rotateSecret(String newSecretHash) {
    this.secretHash = newSecretHash;
  }

  public void disable() {
    this.enabled = false;
  }

  public Long id() {
    return id;
  }

  public String systemId() {
    return systemId;
  }

  public String name() {
    return name;
  }

  public Set<SystemRole> roles() {
    if (roles.isEmpty()) {
      return EnumSet.noneOf(SystemRole.class);
    }
    return Arrays.stream(roles.split(","))
        .map(SystemRole::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SystemRole.class)));
  }

  public String secretHash() {
    return secretHash;
  }

  public boolean enabled() {
    return enabled;
  }

  public PinPadPolicy pinPad() {
    return pinPad;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
