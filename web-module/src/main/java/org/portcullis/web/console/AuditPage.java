package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.portcullis.audit.AuditCsv;
import org.portcullis.audit.AuditLog;
import org.portcullis.audit.AuditLog.AuditFilter;
import org.portcullis.audit.AuditRecord;
import org.portcullis.audit.AuditVerification;
import org.portcullis.error.DomainException;
import org.portcullis.time.PortcullisClock;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * The audit log: filtered pages newest first, a CSV export of everything the filter matches, and
 * the check of the hash chain. Any staff role may read, export and verify; the export is audited
 * before its first byte, so a download that breaks off still leaves its record.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** As the API names its export: sortable, and safe in any file system. */
  private static final DateTimeFormatter FILE_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @EJB AuditLog audit;

  @EJB PortcullisClock clock;

  @Inject ConsoleUser me;

  // the filter as typed
  private String action;
  private String actor;
  private String subject;
  private String outcome;
  private LocalDateTime from;
  private LocalDateTime to;

  // the filter the table, the count and the export use (AuditFilter is not serializable)
  private String appliedAction;
  private String appliedActor;
  private String appliedSubject;
  private String appliedOutcome;
  private Instant appliedFrom;
  private Instant appliedTo;

  private Boolean valid;
  private long rowsChecked;
  private Long brokenAt;

  /** The audit log, a page at a time, newest first. */
  private final LazyDataModel<AuditRecord> records =
      new PagedRows<>(
          () -> audit.count(filter()),
          (first, size) -> audit.page(filter(), first, size),
          row -> String.valueOf(row.id()));

  public LazyDataModel<AuditRecord> getRecords() {
    return records;
  }

  /** Applies the typed filter; a range that ends before it starts is refused beside "to". */
  public void search() {
    Instant start = instant(from);
    Instant end = instant(to);
    try {
      new AuditFilter(action, actor, subject, outcome, start, end);
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "audit-form");
      return;
    }
    appliedAction = action;
    appliedActor = actor;
    appliedSubject = subject;
    appliedOutcome = outcome;
    appliedFrom = start;
    appliedTo = end;
    DataTable table = Components.findComponent("audit-form:records");
    if (table != null) {
      table.setFirst(0);
    }
  }

  public void clear() {
    action = null;
    actor = null;
    subject = null;
    outcome = null;
    from = null;
    to = null;
    search();
  }

  /** What the applied filter covers, in words, e.g. "action=staff.* outcome=OK". */
  public String getFilterDescription() {
    return filter().describe();
  }

  /**
   * Sends every record the applied filter matches as CSV, oldest first, streamed batch by batch;
   * the export is audited first.
   *
   * <p>Written to the response here rather than through {@code p:fileDownload}: PrimeFaces sets its
   * download-monitor cookie with a {@code SameSite} attribute, which the Mojarra in Payara 6
   * refuses with an IllegalArgumentException, so every {@code p:fileDownload} fails there.
   */
  public void exportCsv() {
    AuditFilter filter = filter();
    audit.recordExport(filter, me.getUsername());
    String name = "portcullis-audit-" + FILE_STAMP.format(clock.now()) + ".csv";
    Faces.sendFile(name, true, out -> AuditCsv.export(audit, filter, out));
  }

  /** Links any records still waiting and checks the whole chain. */
  public void verify() {
    AuditVerification verification = audit.verify();
    valid = verification.valid();
    rowsChecked = verification.rows();
    brokenAt = verification.firstBrokenIndex();
  }

  private AuditFilter filter() {
    return new AuditFilter(
        appliedAction, appliedActor, appliedSubject, appliedOutcome, appliedFrom, appliedTo);
  }

  private static Instant instant(LocalDateTime local) {
    return local == null ? null : local.atZone(ZoneId.systemDefault()).toInstant();
  }

  /** "state ok" for OK, "state bad" for a failure or refusal, plain for the rest. */
  public String outcomeClass(String value) {
    if (value == null) {
      return "state";
    }
    switch (value) {
      case "OK":
        return "state ok";
      case "FAIL":
      case "FAILED":
      case "DENIED":
      case "REFUSED":
      case "ILLEGITIMATE":
      case "HARD_LOCK":
      case "DURESS":
        return "state bad";
      default:
        return "state";
    }
  }

  public Boolean getValid() {
    return valid;
  }

  public long getRowsChecked() {
    return rowsChecked;
  }

  public Long getBrokenAt() {
    return brokenAt;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public LocalDateTime getFrom() {
    return from;
  }

  public void setFrom(LocalDateTime from) {
    this.from = from;
  }

  public LocalDateTime getTo() {
    return to;
  }

  public void setTo(LocalDateTime to) {
    this.to = to;
  }
}
