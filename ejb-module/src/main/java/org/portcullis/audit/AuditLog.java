package org.portcullis.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.portcullis.error.DomainException;

/**
 * Appends to the audit log in the caller's transaction: if the audited change rolls back, so does
 * its record. Never pass a secret in any field.
 */
public interface AuditLog {

  /** The longest page {@link #page} returns. */
  int MAX_PAGE = 1000;

  /**
   * Which records a console table, a count or an export covers. Every part is optional (null or
   * blank: any); the parts that are given must all hold.
   *
   * @param action the action exactly ({@code pinpad.verify}), or every action that starts with it
   *     when it ends with {@code .} or {@code *} ({@code pattern.} and {@code pattern.*} both match
   *     {@code pattern.verify} and {@code pattern.registration.confirm})
   * @param actor the actor exactly ({@code staff:alice})
   * @param subject text the subject contains, ignoring case ({@code alice} matches {@code
   *     customer:Alice})
   * @param outcome the outcome exactly ({@code OK}, {@code FAIL}, ...)
   * @param from records at or after this instant
   * @param to records before this instant
   */
  record AuditFilter(
      String action, String actor, String subject, String outcome, Instant from, Instant to) {

    /**
     * Blank parts become null and the rest are stripped of surrounding spaces.
     *
     * @throws DomainException bad input {@code invalid-audit-filter} when {@code to} is before
     *     {@code from}
     */
    public AuditFilter {
      action = given(action);
      actor = given(actor);
      subject = given(subject);
      outcome = given(outcome);
      if (from != null && to != null && to.isBefore(from)) {
        throw DomainException.badInput("invalid-audit-filter", "to", "to must not be before from");
      }
    }

    /** Every record. */
    public static AuditFilter all() {
      return new AuditFilter(null, null, null, null, null, null);
    }

    /**
     * The prefix that {@link #action()} stands for when it ends with {@code .} or {@code *}; empty
     * when it is an exact action or absent. A lone {@code *} is the empty prefix: any action.
     */
    public Optional<String> actionPrefix() {
      if (action == null) {
        return Optional.empty();
      }
      if (action.endsWith("*")) {
        return Optional.of(action.substring(0, action.length() - 1));
      }
      return action.endsWith(".") ? Optional.of(action) : Optional.empty();
    }

    /**
     * The parts that are given, as {@code name=value} separated by spaces ({@code all} for none):
     * what the audit record of an export says it covered.
     */
    public String describe() {
      StringJoiner parts = new StringJoiner(" ");
      part(parts, "action", action);
      part(parts, "actor", actor);
      part(parts, "subject", subject);
      part(parts, "outcome", outcome);
      part(parts, "from", from);
      part(parts, "to", to);
      return parts.length() == 0 ? "all" : parts.toString();
    }

    private static void part(StringJoiner parts, String name, Object value) {
      if (value != null) {
        parts.add(name + "=" + value);
      }
    }

    private static String given(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

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

  /**
   * One page of the records that match, newest first (by id, descending).
   *
   * @param filter null for every record
   * @param offset rows to skip, from 0
   * @param limit 1 to {@link #MAX_PAGE}
   * @throws DomainException bad input {@code invalid-offset} or {@code invalid-limit}
   */
  List<AuditRecord> page(AuditFilter filter, int offset, int limit);

  /** How many records {@link #page} pages through for {@code filter} (null: every record). */
  long count(AuditFilter filter);

  /**
   * Hands every matching record to {@code sink}, oldest first, reading them in batches so that an
   * export of millions of rows holds one batch in memory at a time. It runs outside any transaction
   * (a long download must not hit the transaction timeout); a record committed while the export
   * runs is included if its id is above the batch being read. A sink that throws stops the export,
   * and its exception reaches the caller inside an {@code EJBException}.
   *
   * <p>The export is not audited here: the caller says who exported with {@link #recordExport}
   * before streaming, so that even a download that breaks off leaves its record.
   *
   * @param filter null for every record
   */
  void export(AuditFilter filter, Consumer<AuditRecord> sink);

  /**
   * Records (action {@code audit.export}, the filter in the detail) that a staff member exports the
   * records {@code filter} covers.
   */
  void recordExport(AuditFilter filter, String staffUsername);

  /** Links every record not yet in the chain, then checks the whole chain. */
  AuditVerification verify();
}
