package org.portcullis.token.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.portcullis.token.TokenValidity;

/**
 * One access token as stored: the key that finds it, an HMAC of its secret, whose it is, where it
 * is held and how long it lives. The secret itself is never stored.
 */
@Entity
@Table(name = "access_token")
@NamedQuery(
    name = "AccessToken.byKey",
    query = "SELECT t FROM AccessToken t WHERE t.tokenKey = :key")
@NamedQuery(
    name = "AccessToken.ofTerminal",
    query = "SELECT t FROM AccessToken t WHERE t.terminalId = :terminal ORDER BY t.id")
@NamedQuery(
    name = "AccessToken.ofCustomer",
    query = "SELECT t FROM AccessToken t WHERE t.customerRef = :customer ORDER BY t.issuedAt DESC")
@NamedQuery(
    name = "AccessToken.deleteOfTerminal",
    query = "DELETE FROM AccessToken t WHERE t.terminalId = :terminal")
@NamedQuery(
    name = "AccessToken.deleteOfCustomer",
    query = "DELETE FROM AccessToken t WHERE t.customerRef = :customer")
@NamedQuery(
    name = "AccessToken.purgeExpiredBefore",
    query = "DELETE FROM AccessToken t WHERE t.expiresAt < :before")
public class AccessToken {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "token_key", nullable = false, updatable = false)
  private String tokenKey;

  @Column(name = "secret_hash", nullable = false, updatable = false)
  private String secretHash;

  @Column(name = "customer_ref", nullable = false, updatable = false)
  private Long customerRef;

  @Column(name = "app_id", nullable = false, updatable = false)
  private String appId;

  @Column(name = "terminal_id", nullable = false, updatable = false)
  private String terminalId;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected AccessToken() {}

  AccessToken(
      String tokenKey,
      String secretHash,
      Long customerRef,
      String appId,
      String terminalId,
      Instant issuedAt,
      Instant expiresAt) {
    this.tokenKey = tokenKey;
    this.secretHash = secretHash;
    this.customerRef = customerRef;
    this.appId = appId;
    this.terminalId = terminalId;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  TokenValidity validity() {
    return new TokenValidity(issuedAt, expiresAt);
  }

  /** Sets the expiry an extension computed; the extension never shortens a token. */
  void extendTo(Instant newExpiry) {
    if (newExpiry.isBefore(expiresAt)) {
      throw new IllegalArgumentException("an extension cannot shorten a token");
    }
    this.expiresAt = newExpiry;
  }

  void usedAt(Instant now) {
    this.lastUsedAt = now;
  }

  Long id() {
    return id;
  }

  String tokenKey() {
    return tokenKey;
  }

  String secretHash() {
    return secretHash;
  }

  Long customerRef() {
    return customerRef;
  }

  String appId() {
    return appId;
  }

  String terminalId() {
    return terminalId;
  }

  Instant issuedAt() {
    return issuedAt;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Instant lastUsedAt() {
    return lastUsedAt;
  }
}
