package org.portcullis.staff;

import jakarta.persistence.Column;
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

/** A staff account; the password is held as an Argon2id hash. */
@Entity
@Table(name = "staff_member")
@NamedQuery(
    name = "StaffMember.byUsername",
    query = "SELECT s FROM StaffMember s WHERE s.username = :username")
@NamedQuery(name = "StaffMember.count", query = "SELECT COUNT(s) FROM StaffMember s")
public class StaffMember {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(nullable = false, updatable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private String roles;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected StaffMember() {}

  public StaffMember(
      String username, String passwordHash, Set<StaffRole> roles, Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    this.enabled = true;
    this.createdAt = createdAt;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean enabled() {
    return enabled;
  }

  public Set<StaffRole> roles() {
    return Arrays.stream(roles.split(","))
        .filter(r -> !r.isEmpty())
        .map(StaffRole::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
  }
}
