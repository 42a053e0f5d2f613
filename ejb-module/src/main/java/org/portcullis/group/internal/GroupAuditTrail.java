package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.portcullis.audit.AuditLog;

/**
 * Audits a refusal that rolls its request back (a full group, a used-up allowance, a forward the
 * flag forbids): in a transaction of its own, so the record stays although nothing else does.
 */
@Stateless
public class GroupAuditTrail {

  @EJB AuditLog audit;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void refused(String actor, String action, String subject, String outcome, String detail) {
    audit.record(actor, action, subject, outcome, detail);
  }
}
