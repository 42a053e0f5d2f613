package org.portcullis.audit.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Consumer;
import org.portcullis.audit.AuditChain;
import org.portcullis.audit.AuditLog;
import org.portcullis.audit.AuditRecord;
import org.portcullis.audit.AuditVerification;
import org.portcullis.error.DomainException;
import org.portcullis.query.Paging;
import org.portcullis.time.PortcullisClock;

/**
 * Appends audit records (unchained, concurrently), verifies the chain on demand, and reads the log
 * for the console: filtered pages, counts and exports.
 */
@Stateless
public class AuditLogBean implements AuditLog {

  private static final int PAGE = 1000;

  /**
   * Records per export batch: large enough that a million rows take 2,000 queries, small enough
   * that a batch of full-length rows (about 1.5 KB each) stays under a megabyte.
   */
  static final int EXPORT_BATCH = 500;

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

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditRecord> page(AuditFilter filter, int offset, int limit) {
    Paging.check(offset, limit, MAX_PAGE);
    AuditFilterJpql jpql = AuditFilterJpql.of(filter);
    return jpql.bind(
            em.createQuery(
                "SELECT r FROM AuditRecord r" + jpql.where() + " ORDER BY r.id DESC",
                AuditRecord.class))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long count(AuditFilter filter) {
    AuditFilterJpql jpql = AuditFilterJpql.of(filter);
    return jpql.bind(
            em.createQuery("SELECT COUNT(r) FROM AuditRecord r" + jpql.where(), Long.class))
        .getSingleResult();
  }

  /**
   * Keyset pagination by id rather than offsets: each batch starts where the last ended, so batch
   * 2,000 costs what batch 1 does, and the persistence context is cleared between batches so the
   * records already handed on can be collected.
   */
  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void export(AuditFilter filter, Consumer<AuditRecord> sink) {
    AuditFilterJpql jpql = AuditFilterJpql.of(filter);
    String query = "SELECT r FROM AuditRecord r" + jpql.where("r.id > :after") + " ORDER BY r.id";
    long after = Long.MIN_VALUE;
    while (true) {
      List<AuditRecord> batch =
          jpql.bind(em.createQuery(query, AuditRecord.class))
              .setParameter("after", after)
              .setMaxResults(EXPORT_BATCH)
              .getResultList();
      batch.forEach(sink);
      if (batch.size() < EXPORT_BATCH) {
        return;
      }
      after = batch.get(batch.size() - 1).id();
      em.clear();
    }
  }

  @Override
  public void recordExport(AuditFilter filter, String staffUsername) {
    record(
        "staff:" + staffUsername,
        "audit.export",
        "audit",
        "OK",
        (filter == null ? AuditFilter.all() : filter).describe());
  }
}
