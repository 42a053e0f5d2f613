package org.portcullis.audit.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.portcullis.audit.AuditChain;
import org.portcullis.audit.AuditLog;
import org.portcullis.audit.AuditRecord;
import org.portcullis.audit.AuditVerification;
import org.portcullis.error.DomainException;
import org.portcullis.time.PortcullisClock;

/** Appends audit records (unchained, concurrently) and verifies the chain on demand. */
@Stateless
public class AuditLogBean implements AuditLog {

  private static final int PAGE = 1000;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;

  @EJB AuditChainer chainer;

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(String actor, String action, String subject, String outcome, String detail) {
    em.persist(new AuditRecord(clock.now(), actor, action, subject, outcome, detail));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public AuditVerification verify() {
    while (chainer.linkBatch() == AuditChainer.BATCH) {
      // keep linking until the backlog is gone
    }
    AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
    long endIndex = head.lastIndex();
    String endHash = head.lastHash();
    long checked = 0;
    String previous = AuditChain.GENESIS;
    while (checked < endIndex) {
      List<AuditRecord> page =
          em.createNamedQuery("AuditRecord.chainedFrom", AuditRecord.class)
              .setParameter("after", checked)
              .setMaxResults(PAGE)
              .getResultList();
      if (page.isEmpty()) {
        // records the head counts are gone
        return new AuditVerification(false, checked, checked + 1);
      }
      for (AuditRecord record : page) {
        long expectedIndex = checked + 1;
        if (expectedIndex > endIndex) {
          break;
        }
        boolean intact =
            record.chainIndex() == expectedIndex
                && previous.equals(record.prevHash())
                && AuditChain.hashOf(record, expectedIndex, previous).equals(record.hash());
        if (!intact) {
          return new AuditVerification(false, checked, expectedIndex);
        }
        previous = record.hash();
        checked++;
      }
      em.clear();
    }
    boolean headMatches = previous.equals(endHash);
    return new AuditVerification(headMatches, checked, headMatches ? null : endIndex);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditRecord> search(String action, String subject, int limit) {
    if (limit < 1 || limit > 1000) {
      throw DomainException.badInput("invalid-limit", "limit", "limit is 1 to 1000");
    }
    StringBuilder query = new StringBuilder("SELECT r FROM AuditRecord r WHERE 1 = 1");
    if (action != null) {
      query.append(" AND r.action = :action");
    }
    if (subject != null) {
      query.append(" AND r.subject = :subject");
    }
    query.append(" ORDER BY r.id DESC");
    TypedQuery<AuditRecord> typed = em.createQuery(query.toString(), AuditRecord.class);
    if (action != null) {
      typed.setParameter("action", action);
    }
    if (subject != null) {
      typed.setParameter("subject", subject);
    }
    return typed.setMaxResults(limit).getResultList();
  }
}
