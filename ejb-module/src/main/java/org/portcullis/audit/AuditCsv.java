package org.portcullis.audit;

import jakarta.ejb.EJBException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Audit records as CSV (RFC 4180) for the console's export: a header line, then one line per
 * record, each ending in CRLF. A field is quoted when it contains a comma, a double quote, CR or
 * LF, and its double quotes are doubled. Instants are ISO-8601 in UTC; an absent value is an empty
 * field.
 *
 * <p>The export is opened in spreadsheets, and a cell that starts with {@code =}, {@code +}, {@code
 * -}, {@code @}, a tab or CR is taken as a formula there (OWASP "CSV injection"): an actor or
 * subject that a customer or a relying system chose could run one on a staff member's machine. Such
 * a field gets a leading {@code '}, which spreadsheets read as "text" and do not show. The export
 * is thus for reading; the ids, chain indexes and hashes in it are untouched, so the chain can be
 * checked against it.
 *
 * <p>Use: {@link #export} streams what {@link AuditLog#export} reads to an output stream (the API's
 * download and the console's); or write {@link #header()} once, then {@link #row(AuditRecord)} for
 * each record, to a UTF-8 writer. Thread-safe: stateless.
 */
public final class AuditCsv {

  /** RFC 4180 ends every line, the last one too, with CRLF. */
  public static final String LINE_END = "\r\n";

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "occurredAt",
          "actor",
          "action",
          "subject",
          "outcome",
          "detail",
          "chainIndex",
          "hash");

  private AuditCsv() {}

  /**
   * Writes every record {@code filter} matches to {@code out} as UTF-8 CSV, batch by batch as the
   * log reads them. A client that goes away makes the next write fail; that failure comes back as
   * the I/O error it is, not wrapped in the EJB's error, so the web tier treats it as a broken
   * connection.
   */
  public static void export(AuditLog audit, AuditLog.AuditFilter filter, OutputStream out)
      throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writer.write(header());
    try {
      audit.export(
          filter,
          record -> {
            try {
              writer.write(row(record));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException | EJBException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof UncheckedIOException) {
          throw ((UncheckedIOException) cause).getCause();
        }
      }
      throw e;
    }
    writer.flush();
  }

  /** The header line, with its CRLF. */
  public static String header() {
    return line(COLUMNS);
  }

  /** One record's line, with its CRLF. */
  public static String row(AuditRecord record) {
    return line(
        Arrays.asList(
            text(record.id()),
            text(record.occurredAt()),
            record.actor(),
            record.action(),
            record.subject(),
            record.outcome(),
            record.detail(),
            text(record.chainIndex()),
            record.hash()));
  }

  /** A line of the given fields (null: empty), each made safe, with its CRLF. */
  static String line(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(fields.get(i)));
    }
    return line.append(LINE_END).toString();
  }

  /**
   * One field: a formula-looking value gets its leading {@code '} first, then a value that needs it
   * is quoted, so the quote mark ends up inside the quotes.
   */
  public static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = looksLikeFormula(value) ? "'" + value : value;
    if (safe.indexOf(',') < 0
        && safe.indexOf('"') < 0
        && safe.indexOf('\r') < 0
        && safe.indexOf('\n') < 0) {
      return safe;
    }
    return '"' + safe.replace("\"", "\"\"") + '"';
  }

  private static boolean looksLikeFormula(String value) {
    char first = value.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
