package org.portcullis.group.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A single-use extension link mailed with a group's notice. The link carries {@link #linkId()} and
 * a signature of it; this row makes it single use. An extension through any link uses up every link
 * of the group, since the next notice brings new ones.
 */
@Entity
@Table(name = "group_extension_link")
@NamedQuery(
    name = "ExtensionLink.byLinkId",
    query = "SELECT l FROM ExtensionLink l WHERE l.linkId = :linkId")
@NamedQuery(
    name = "ExtensionLink.useAllOfGroup",
    query =
        "UPDATE ExtensionLink l SET l.usedAt = :now WHERE l.groupRef = :group AND l.usedAt IS NULL")
@NamedQuery(
    name = "ExtensionLink.deleteOfGroup",
    query = "DELETE FROM ExtensionLink l WHERE l.groupRef = :group")
public class ExtensionLink {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "link_id", nullable = false, updatable = false)
  private String linkId;

  @Column(name = "group_ref", nullable = false, updatable = false)
  private Long groupRef;

  /** Whom it was mailed to, for the audit: {@code customer:<account>}. */
  @Column(nullable = false, updatable = false)
  private String recipient;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected ExtensionLink() {}

  ExtensionLink(String linkId, Long groupRef, String recipient, Instant now, Instant expiresAt) {
    this.linkId = linkId;
    this.groupRef = groupRef;
    this.recipient = recipient;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  boolean usableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  Long id() {
    return id;
  }

  String linkId() {
    return linkId;
  }

  Long groupRef() {
    return groupRef;
  }

  String recipient() {
    return recipient;
  }
}
