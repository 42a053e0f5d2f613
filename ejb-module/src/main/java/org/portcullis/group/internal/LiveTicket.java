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
 * A short-lived, single-use ticket that opens one member's WebSocket: browsers cannot send an
 * {@code Authorization} header with a WebSocket handshake, so the member trades its access token
 * for a ticket over HTTPS first. Only an HMAC of the ticket is stored.
 */
@Entity
@Table(name = "group_live_ticket")
@NamedQuery(
    name = "LiveTicket.byHash",
    query = "SELECT t FROM LiveTicket t WHERE t.ticketHash = :hash")
@NamedQuery(
    name = "LiveTicket.purge",
    query = "DELETE FROM LiveTicket t WHERE t.expiresAt < :before")
@NamedQuery(
    name = "LiveTicket.deleteOfGroup",
    query = "DELETE FROM LiveTicket t WHERE t.groupRef = :group")
@NamedQuery(
    name = "LiveTicket.deleteOfMember",
    query = "DELETE FROM LiveTicket t WHERE t.memberRef = :member")
public class LiveTicket {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "ticket_hash", nullable = false, updatable = false)
  private String ticketHash;

  @Column(name = "group_ref", nullable = false, updatable = false)
  private Long groupRef;

  @Column(name = "member_ref", nullable = false, updatable = false)
  private Long memberRef;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected LiveTicket() {}

  LiveTicket(String ticketHash, Long groupRef, Long memberRef, Instant expiresAt) {
    this.ticketHash = ticketHash;
    this.groupRef = groupRef;
    this.memberRef = memberRef;
    this.expiresAt = expiresAt;
  }

  /** Uses the ticket: true the first time, before it expires; false ever after. */
  boolean use(Instant now) {
    if (usedAt != null || !now.isBefore(expiresAt)) {
      return false;
    }
    usedAt = now;
    return true;
  }

  Long groupRef() {
    return groupRef;
  }

  Long memberRef() {
    return memberRef;
  }
}
