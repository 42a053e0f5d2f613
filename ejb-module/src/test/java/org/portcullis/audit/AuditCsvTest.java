package org.portcullis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditCsvTest {

  @Test
  void theHeaderNamesTheColumnsAndEndsInCrlf() {
    assertEquals(
        "id,occurredAt,actor,action,subject,outcome,detail,chainIndex,hash\r\n", AuditCsv.header());
  }

  @ParameterizedTest(name = "[{0}] → [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "plain|plain",
        "customer:alice|customer:alice",
        "a,b|\"a,b\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "\"|\"\"\"\"",
        "it's|it's",
        "table=1 system=*|table=1 system=*",
        "a=b|a=b",
        "50%|50%"
      })
  void fieldsAreQuotedOnlyWhenTheyNeedIt(String value, String field) {
    assertEquals(field, AuditCsv.field(value));
  }

  @Test
  void lineBreaksInsideAFieldAreQuoted() {
    assertEquals("\"one\ntwo\"", AuditCsv.field("one\ntwo"));
    assertEquals("\"one\r\ntwo\"", AuditCsv.field("one\r\ntwo"));
    assertEquals("\"x\r\"", AuditCsv.field("x\r"));
  }

  @ParameterizedTest(name = "[{0}] → [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "=1+2|'=1+2",
        "+447700900123|'+447700900123",
        "-5|'-5",
        "@SUM(A1)|'@SUM(A1)",
        "=HYPERLINK(\"http://evil\",\"x\")|\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"",
        "=a,b|\"'=a,b\"",
        "a=b|a=b",
        "'quoted|'quoted"
      })
  void formulaLookingFieldsGetALeadingQuote(String value, String field) {
    assertEquals(field, AuditCsv.field(value));
  }

  @Test
  void aLeadingTabOrCrIsNeutralisedToo() {
    assertEquals("'\tcmd", AuditCsv.field("\tcmd"));
    assertEquals("\"'\rcmd\"", AuditCsv.field("\rcmd"));
  }

  @Test
  void absentValuesAreEmptyFields() {
    assertEquals("", AuditCsv.field(null));
    assertEquals("", AuditCsv.field(""));
    assertEquals(",x,\r\n", AuditCsv.line(Arrays.asList(null, "x", null)));
  }

  @Test
  void aRecordIsOneLineInColumnOrder() {
    AuditRecord record =
        new AuditRecord(
            Instant.parse("2024-05-01T12:34:56.123456Z"),
            "system:47401100",
            "pinpad.verify",
            "customer:alice",
            "FAIL",
            "tries=2, \"late\"");

    assertEquals(
        ",2024-05-01T12:34:56.123456Z,system:47401100,pinpad.verify,customer:alice,FAIL,"
            + "\"tries=2, \"\"late\"\"\",,\r\n",
        AuditCsv.row(record),
        "an unsaved, unchained record has no id, chain index or hash");
  }

  @Test
  void aRecordWithASubjectLikeAFormulaIsNeutralised() {
    AuditRecord record =
        new AuditRecord(
            Instant.EPOCH, "sms:+447700900123", "sms.inbound", "=cmd|' /C calc'!A0", "OK", null);

    List<String> fields = parse(AuditCsv.row(record));

    assertEquals("1970-01-01T00:00:00Z", fields.get(1));
    assertEquals("sms:+447700900123", fields.get(2), "only the first character counts");
    assertEquals("'=cmd|' /C calc'!A0", fields.get(4));
    assertEquals(AuditCsv.COLUMNS.size(), fields.size());
  }

  @Test
  void everyLineParsesBackToItsFields() {
    List<String> values =
        Arrays.asList("1", "a,b", "say \"hi\"", "one\r\ntwo", "", null, "=x", "plain", "-");

    assertEquals(
        Arrays.asList("1", "a,b", "say \"hi\"", "one\r\ntwo", "", "", "'=x", "plain", "'-"),
        parse(AuditCsv.line(values)));
  }

  /** A strict RFC 4180 reader for one line (the test's independent check of the writer). */
  private static List<String> parse(String line) {
    assertEquals("\r\n", line.substring(line.length() - 2), "the line ends in CRLF");
    String body = line.substring(0, line.length() - 2);
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
