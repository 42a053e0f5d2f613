package org.portcullis.audit;

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
 * One audited event. Its content is fixed at creation; the chain fields are written exactly once,
 * when the chainer links the record after its predecessor.
 */
@Entity
@Table(name = "audit_record")
@NamedQuery(
    name = "AuditRecord.unchained",
    query = "SELECT r FROM AuditRecord r WHERE r.chainIndex IS NULL ORDER BY r.id")
@NamedQuery(
    name = "AuditRecord.chainedFrom",
    query = "SELECT r FROM AuditRecord r WHERE r.chainIndex > :after ORDER BY r.chainIndex")
@NamedQuery(name = "AuditRecord.count", query = "SELECT COUNT(r) FROM AuditRecord r")
@NamedQuery(
    name = "AuditRecord.outcomeCountsBetween",
    query =
        "SELECT r.outcome, COUNT(r) FROM AuditRecord r WHERE r.action IN :actions"
            + " AND r.occurredAt >= :from AND r.occurredAt < :to GROUP BY r.outcome")
public class AuditRecord {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(updatable = false)
  private String subject;

  @Column(nullable = false, updatable = false)
  private String outcome;

  @Column(updatable = false)
  private String detail;

  @Column(name = "chain_index")
  private Long chainIndex;

  @Column(name = "prev_hash")
  private String prevHash;

  private String hash;

  protected AuditRecord() {}

  public AuditRecord(
      Instant occurredAt,
      String actor,
      String action,
      String subject,
      String outcome,
      String detail) {
    this.occurredAt = occurredAt;
    this.actor = truncate(actor, 100);
    this.action = truncate(action, 64);
    this.subject = truncate(subject, 200);
    this.outcome = truncate(outcome, 32);
    this.detail = truncate(detail, 1000);
  }

  /** Links this record into the chain; a record is linked once. */
  public void link(long index, String previousHash, String ownHash) {
    if (chainIndex != null) {
      throw new IllegalStateException("Audit record " + id + " is already chained");
    }
    this.chainIndex = index;
    this.prevHash = previousHash;
    this.hash = ownHash;
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String subject() {
    return subject;
  }

  public String outcome() {
    return outcome;
  }

  public String detail() {
    return detail;
  }

  public Long chainIndex() {
    return chainIndex;
  }

  public String prevHash() {
    return prevHash;
  }

  public String hash() {
    return hash;
  }
}
