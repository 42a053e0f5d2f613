package org.portcullis.audit;

import java.util.List;

/**
 * Appends to the audit log in the caller's transaction: if the audited change rolls back, so does
 * its record. Never pass a secret in any field.
 */
public interface AuditLog {

  /**
   * @param actor who acted: {@code system:<systemId>}, {@code staff:<username>}, {@code
   *     customer:<account>}, {@code server}
   * @param action what happened, dotted: {@code pinpad.verify}, {@code customer.create}
   * @param subject what it happened to, e.g. {@code customer:alice}
   * @param outcome {@code OK}, {@code FAIL}, ...
   * @param detail free text without secrets, may be null
   */
  void record(String actor, String action, String subject, String outcome, String detail);

  /**
   * The newest records first, optionally only those of one action and/or one subject.
   *
   * @param action null for any
   * @param subject null for any
   * @param limit 1 to 1000
   */
  List<AuditRecord> search(String action, String subject, int limit);

  /** Links every record not yet in the chain, then checks the whole chain. */
  AuditVerification verify();
}
