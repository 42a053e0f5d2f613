package org.portcullis.audit.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.portcullis.audit.AuditChain;
import org.portcullis.audit.AuditRecord;

/**
 * Links freshly appended audit records into the hash chain, in batches, off the request path.
 *
 * <p>Why: chaining inside each request would make every request read the last hash and insert under
 * one global lock, capping the server at one writer. Instead requests insert unchained rows
 * concurrently and this bean, every second, locks the chain head row, links the waiting rows in id
 * order and moves the head. The head-row lock keeps two nodes (or the timer and an explicit {@link
 * AuditLogBean#verify()}) from linking the same rows.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditChainer {

  static final int BATCH = 2000;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  /** Every second, so the chain trails the log by about a second. */
  @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "audit-chainer")
  void onTimer() {
    linkBatch();
  }

  /** Links up to {@link #BATCH} waiting records in a transaction of its own; returns how many. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int linkBatch() {
    AuditChainHead head =
        em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    List<AuditRecord> waiting =
        em.createNamedQuery("AuditRecord.unchained", AuditRecord.class)
            .setMaxResults(BATCH)
            .getResultList();
    long index = head.lastIndex();
    String previous = head.lastHash();
    for (AuditRecord record : waiting) {
      index++;
      String hash = AuditChain.hashOf(record, index, previous);
      record.link(index, previous, hash);
      previous = hash;
    }
    head.advance(index, previous);
    return waiting.size();
  }
}
