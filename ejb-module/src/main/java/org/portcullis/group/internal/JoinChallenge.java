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
 * A terminal's request to join, answered by the first code it sends, right or wrong. It names the
 * group id the terminal asked for, whether or not such a group exists, so that the answer to an
 * unknown group looks like any other.
 */
@Entity
@Table(name = "group_join_challenge")
@NamedQuery(
    name = "JoinChallenge.byChallengeId",
    query = "SELECT c FROM JoinChallenge c WHERE c.challengeId = :challengeId")
@NamedQuery(
    name = "JoinChallenge.deleteOfGroup",
    query = "DELETE FROM JoinChallenge c WHERE c.groupId = :groupId")
@NamedQuery(
    name = "JoinChallenge.purge",
    query = "DELETE FROM JoinChallenge c WHERE c.expiresAt < :before")
public class JoinChallenge {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "challenge_id", nullable = false, updatable = false)
  private String challengeId;

  @Column(name = "group_id", nullable = false, updatable = false)
  private String groupId;

  @Column(name = "terminal_id", nullable = false, updatable = false)
  private String terminalId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  protected JoinChallenge() {}

  JoinChallenge(String challengeId, String groupId, String terminalId, Instant now, Instant until) {
    this.challengeId = challengeId;
    this.groupId = groupId;
    this.terminalId = terminalId;
    this.createdAt = now;
    this.expiresAt = until;
  }

  /** Whether {@code terminalId} may answer it for {@code groupId} at {@code now}. */
  boolean answerableBy(String groupId, String terminalId, Instant now) {
    return answeredAt == null
        && now.isBefore(expiresAt)
        && this.groupId.equals(groupId)
        && this.terminalId.equals(terminalId);
  }

  void answered(Instant now) {
    answeredAt = now;
  }

  boolean isAnswered() {
    return answeredAt != null;
  }

  String challengeId() {
    return challengeId;
  }

  String groupId() {
    return groupId;
  }

  String terminalId() {
    return terminalId;
  }

  Instant expiresAt() {
    return expiresAt;
  }
}
