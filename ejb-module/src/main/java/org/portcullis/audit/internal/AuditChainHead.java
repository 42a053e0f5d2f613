package org.portcullis.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row that remembers the end of the audit chain; locked while a batch is linked. */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

  static final int ID = 1;

  @Id private Integer id;

  @Column(name = "last_index", nullable = false)
  private long lastIndex;

  @Column(name = "last_hash", nullable = false)
  private String lastHash;

  protected AuditChainHead() {}

  long lastIndex() {
    return lastIndex;
  }

  String lastHash() {
    return lastHash;
  }

  void advance(long index, String hash) {
    this.lastIndex = index;
    this.lastHash = hash;
  }
}
