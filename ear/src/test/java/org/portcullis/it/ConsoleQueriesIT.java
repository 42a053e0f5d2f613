package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.it.PinPadIT.assertProblem;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.audit.AuditLog;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.it.Fixtures.TestSystem;
import org.portcullis.time.PortcullisClock;

/**
 * What the console's tables and dashboard read: customer search, audit pages, counts and the CSV
 * export, outbox totals and the dashboard, against the assembled EAR.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleQueriesIT {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String AUDIT = "/api/v1/admin/audit";
  private static final String DASHBOARD = "/api/v1/admin/dashboard";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Inject CustomerService customers;
  @Inject AuditLog audit;
  @Inject PortcullisClock clock;
  @Resource UserTransaction transaction;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  // --- customers ---

  @Test
  void customersAreFoundByAccountPrefixOrMsisdnPagedAndCounted() {
    String tag = "cq" + nonceDigits(6);
    // no leading 0: "0" + digits must read as a national number, not as 00 for +
    String digits = (1 + RANDOM.nextInt(9)) + nonceDigits(8);
    String numberPrefix = "+1" + digits;
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // one account in capitals: the account prefix ignores case
      String account = (i == 3 ? tag.toUpperCase(Locale.ROOT) : tag) + "-" + i;
      createCustomer(account, numberPrefix + "0" + i);
      accounts.add(account);
    }

    assertEquals(5, customers.count(tag));
    assertEquals(5, customers.count(tag.toUpperCase(Locale.ROOT)));
    List<String> all = accountsOf(customers.search(tag, 0, 500));
    assertEquals(Set.copyOf(accounts), Set.copyOf(all));
    List<String> paged = new ArrayList<>();
    paged.addAll(accountsOf(customers.search(tag, 0, 2)));
    paged.addAll(accountsOf(customers.search(tag, 2, 2)));
    List<String> last = accountsOf(customers.search(tag, 4, 2));
    assertEquals(1, last.size(), "the last page holds the rest");
    paged.addAll(last);
    assertEquals(all, paged, "pages follow one order (by account) without gaps or repeats");
    assertEquals(List.of(), customers.search(tag, 5, 2));

    assertEquals(5, customers.count(numberPrefix), "an E.164 prefix");
    assertEquals(5, customers.count("+1 " + digits.substring(0, 3) + "-" + digits.substring(3)));
    assertEquals(5, customers.count("001" + digits), "00 for +");
    assertEquals(5, customers.count("1" + digits), "digits without the +");
    assertEquals(5, customers.count("0" + digits), "a national form: its trunk 0 dropped");
    List<Customer> one = customers.search(numberPrefix + "03", 0, 10);
    assertEquals(1, one.size());
    assertEquals(accounts.get(3), one.get(0).account());
    assertEquals(1, customers.count(digits + "04"), "digits anywhere in the number");
    assertEquals(0, customers.count(tag + "-9"));
    assertEquals(0, customers.count(tag + "%"), "a wildcard in the query matches itself");
    assertEquals(0, customers.count(tag.substring(0, 2) + "_" + tag.substring(3)));

    assertTrue(customers.count(null) >= 5);
    assertEquals(customers.count(null), customers.count("  "));
    assertEquals(1, customers.search(null, 0, 1).size());
  }

  @Test
  void badCustomerPagesAreRefused() {
    assertEquals("invalid-offset", refusal(() -> customers.search("a", -1, 10)).type());
    assertEquals("invalid-limit", refusal(() -> customers.search("a", 0, 0)).type());
    assertEquals("invalid-limit", refusal(() -> customers.search(null, 0, 501)).type());
    assertEquals(
        DomainException.Kind.BAD_INPUT, refusal(() -> customers.search(null, 0, 501)).kind());
  }

  // --- audit ---

  /** Four records of one new actor, each in its own transaction and microsecond. */
  private Map<String, String> recordFour(String nonce) throws Exception {
    String actor = "staff:cq-" + nonce;
    String prefix = "cqtest." + nonce;
    Map<String, String> formulas = new LinkedHashMap<>();
    formulas.put("formulaSubject", "=HYPERLINK(\"http://evil.example\",\"x\")");
    record(actor, prefix + ".alpha", "customer:Alpha-" + nonce, "OK", null);
    record(actor, prefix + ".beta", formulas.get("formulaSubject"), "FAIL", "a, \"quoted\" detail");
    record(actor, prefix + ".beta", "customer:beta-" + nonce, "OK", "line one\nline two");
    record(actor, prefix + "X", "+447700900123", "LOCKED", "-1");
    formulas.put("actor", actor);
    formulas.put("prefix", prefix);
    return formulas;
  }

  private void record(String actor, String action, String subject, String outcome, String detail)
      throws Exception {
    transaction.begin();
    audit.record(actor, action, subject, outcome, detail);
    transaction.commit();
    Thread.sleep(2); // distinct instants, so that from/to can split the four
  }

  @Test
  void auditPagesFilterAndCount() throws Exception {
    String nonce = nonceDigits(10);
    Map<String, String> made = recordFour(nonce);
    String actor = made.get("actor");
    String prefix = made.get("prefix");

    Api.Reply all = audit("actor", actor);
    List<JsonObject> rows = all.jsonArray().getValuesAs(JsonObject.class);
    assertEquals(4, rows.size(), all::toString);
    assertEquals("4", all.header("X-Total-Count").orElseThrow());
    assertEquals(
        List.of(prefix + "X", prefix + ".beta", prefix + ".beta", prefix + ".alpha"),
        rows.stream().map(r -> r.getString("action")).toList(),
        "newest first");
    assertTrue(id(rows.get(0)) > id(rows.get(1)) && id(rows.get(1)) > id(rows.get(2)));

    assertCount(2, "actor", actor, "action", prefix + ".beta");
    assertCount(3, "actor", actor, "action", prefix + ".*");
    assertCount(3, "action", prefix + ".");
    assertCount(1, "action", prefix + "X");
    assertCount(0, "action", prefix);
    assertCount(1, "actor", actor, "subject", "ALPHA-" + nonce);
    assertCount(2, "subject", "-" + nonce);
    assertCount(2, "actor", actor, "outcome", "OK");
    assertCount(1, "actor", actor, "outcome", "LOCKED");
    assertCount(0, "actor", actor + "x");

    String beta = rows.get(2).getString("occurredAt");
    assertCount(3, "actor", actor, "from", beta);
    assertCount(1, "actor", actor, "to", beta);
    assertCount(1, "actor", actor, "from", beta, "to", rows.get(1).getString("occurredAt"));
    assertCount(0, "actor", actor, "from", beta, "to", beta);

    Api.Reply second = audit("actor", actor, "offset", "1", "limit", "1");
    assertEquals(200, second.status(), second::toString);
    assertEquals("4", second.header("X-Total-Count").orElseThrow());
    assertEquals(1, second.jsonArray().size());
    assertEquals(id(rows.get(1)), id(second.jsonArray().getJsonObject(0)));
    Api.Reply beyond = audit("actor", actor, "offset", "4");
    assertEquals(0, beyond.jsonArray().size());
    assertEquals("4", beyond.header("X-Total-Count").orElseThrow());
  }

  @Test
  void badAuditQueriesAreProblems() {
    assertProblem(audit("limit", "0"), 400, "invalid-limit");
    assertProblem(audit("limit", "1001"), 400, "invalid-limit");
    assertField(audit("limit", "ten"), "invalid-input", "limit");
    assertField(audit("offset", "-1"), "invalid-input", "offset");
    assertField(audit("from", "yesterday"), "invalid-input", "from");
    assertField(audit("to", "2024-05-01"), "invalid-input", "to");
    assertField(
        audit("from", "2024-05-02T00:00:00Z", "to", "2024-05-01T00:00:00Z"),
        "invalid-audit-filter",
        "to");
    assertField(Api.admin().get(AUDIT + "/export.csv?from=soon"), "invalid-input", "from");
    assertProblem(Api.anonymous().get(AUDIT + "/export.csv"), 401, "unauthenticated");
  }

  @Test
  void theCsvExportHoldsEveryMatchingRecordSafelyAndIsAudited() throws Exception {
    String nonce = nonceDigits(10);
    Map<String, String> made = recordFour(nonce);
    String actor = made.get("actor");

    Api.Reply export = Api.admin().get(AUDIT + "/export.csv?actor=" + encode(actor));

    assertEquals(200, export.status(), export::toString);
    assertTrue(
        export.contentType().toLowerCase().replace(" ", "").startsWith("text/csv;charset=utf-8"),
        export.contentType());
    String disposition = export.header("Content-Disposition").orElseThrow();
    assertTrue(
        disposition.matches("attachment; filename=\"portcullis-audit-\\d{8}T\\d{6}Z\\.csv\""),
        disposition);
    String text = export.text();
    assertTrue(text.endsWith("\r\n"), "every line ends in CRLF");
    List<List<String>> lines = csv(text);
    assertEquals(
        List.of(
            "id",
            "occurredAt",
            "actor",
            "action",
            "subject",
            "outcome",
            "detail",
            "chainIndex",
            "hash"),
        lines.get(0));
    List<List<String>> records = lines.subList(1, lines.size());
    assertEquals(4, records.size(), text);
    for (int i = 1; i < records.size(); i++) {
      assertTrue(
          Long.parseLong(records.get(i).get(0)) > Long.parseLong(records.get(i - 1).get(0)),
          "oldest first");
    }
    for (List<String> record : records) {
      assertEquals(9, record.size(), record::toString);
      assertEquals(actor, record.get(2));
      Instant.parse(record.get(1));
    }
    List<String> formula = records.get(1);
    assertEquals("'" + made.get("formulaSubject"), formula.get(4), "neutralised, then quoted");
    assertEquals("a, \"quoted\" detail", formula.get(6));
    assertTrue(text.contains(",\"a, \"\"quoted\"\" detail\","), text);
    assertEquals("line one\nline two", records.get(2).get(6), "a line break stays in its field");
    assertEquals("'+447700900123", records.get(3).get(4));
    assertEquals("'-1", records.get(3).get(6));

    Api.Reply exports = audit("action", "audit.export", "actor", "staff:admin", "limit", "1");
    JsonObject newest = exports.jsonArray().getJsonObject(0);
    assertEquals("actor=" + actor, newest.getString("detail"));
    assertEquals("OK", newest.getString("outcome"));

    Api.Reply none = Api.admin().get(AUDIT + "/export.csv?actor=" + encode(actor + "-nobody"));
    assertEquals(200, none.status());
    assertEquals(1, csv(none.text()).size(), "only the header");
  }

  // --- outboxes ---

  @Test
  void outboxListsAnswerTheirTotal() {
    long smsBefore = total("/api/v1/admin/outbox/sms?limit=1");
    long mailBefore = total("/api/v1/admin/outbox/mail?limit=1");
    for (int i = 0; i < 2; i++) {
      Api.Reply queued =
          Api.admin()
              .post(
                  "/api/v1/admin/outbox/sms",
                  "{\"to\":\"+4477009" + (10000 + RANDOM.nextInt(89999)) + "\",\"text\":\"cq\"}");
      assertEquals(202, queued.status(), queued::toString);
    }
    Api.Reply mail =
        Api.admin()
            .post(
                "/api/v1/admin/outbox/mail",
                "{\"to\":\"cq-"
                    + nonceDigits(8)
                    + "@example.org\",\"subject\":\"Totals\",\"text\":\"Hello\"}");
    assertEquals(202, mail.status(), mail::toString);

    assertEquals(smsBefore + 2, total("/api/v1/admin/outbox/sms?limit=1"));
    assertEquals(mailBefore + 1, total("/api/v1/admin/outbox/mail?limit=1"));
    Api.Reply page = Api.admin().get("/api/v1/admin/outbox/sms?limit=1");
    assertEquals(1, page.jsonArray().size());

    // the drain moves rows between states: wait for a moment in which the states add up
    for (String box : List.of("sms", "mail")) {
      Peers.await(
          () -> {
            long sum = 0;
            for (String state : List.of("QUEUED", "SENDING", "SENT", "DELIVERED", "FAILED")) {
              sum += total("/api/v1/admin/outbox/" + box + "?limit=1&state=" + state);
            }
            return Optional.of(sum)
                .filter(s -> s == total("/api/v1/admin/outbox/" + box + "?limit=1"));
          },
          "the " + box + " states to add up to the total");
    }
    assertProblem(Api.admin().get("/api/v1/admin/outbox/sms?limit=0"), 400, "invalid-paging");
    assertField(Api.admin().get("/api/v1/admin/outbox/mail?offset=-1"), "invalid-input", "offset");
  }

  // --- dashboard ---

  @Test
  void theDashboardCountsPinPadVerificationsAndLocks() {
    // a stretch of server time no other record falls in, so the counts are exact
    clock.advance(Duration.ofDays(3).plusHours(7).plusMinutes(13));
    JsonObject before = dashboard();
    TestSystem system = Fixtures.textModeSystem("STANDARD", "PHONE");
    String account = Fixtures.customerWithPin("4826");

    assertEquals("OK", pinpad(system, account, true));
    for (int i = 0; i < 5; i++) {
      assertEquals("FAIL", pinpad(system, account, false), "the fifth failure locks");
    }
    JsonObject after = dashboard();

    assertEquals(
        number(before, "verificationsLastHour") + 6, number(after, "verificationsLastHour"));
    assertEquals(number(before, "failuresLastHour") + 5, number(after, "failuresLastHour"));
    assertEquals(number(before, "lockedFactors") + 1, number(after, "lockedFactors"));
    Api.Reply unlock =
        Api.admin()
            .post("/api/v1/admin/customers/" + account + "/unlock", "{\"factor\":\"PINPAD\"}");
    assertEquals(204, unlock.status(), unlock::toString);
    assertEquals(number(before, "lockedFactors"), number(dashboard(), "lockedFactors"));

    // once their minute is over, the verifications show in the per-minute counts
    clock.advance(Duration.ofSeconds(61));
    JsonObject later = dashboard();
    List<JsonObject> minutes = later.getJsonArray("perMinute").getValuesAs(JsonObject.class);
    assertEquals(30, minutes.size());
    Instant at = Instant.parse(later.getString("at"));
    Instant first = Instant.parse(minutes.get(0).getString("minute"));
    for (int i = 0; i < minutes.size(); i++) {
      assertEquals(
          first.plus(Duration.ofMinutes(i)),
          Instant.parse(minutes.get(i).getString("minute")),
          "whole minutes, oldest first, none missing");
    }
    assertEquals(at.truncatedTo(ChronoUnit.MINUTES), first.plus(Duration.ofMinutes(30)));
    assertEquals(1, minutes.stream().mapToLong(m -> number(m, "ok")).sum(), later::toString);
    assertEquals(5, minutes.stream().mapToLong(m -> number(m, "failed")).sum(), later::toString);
  }

  @Test
  void theDashboardAgreesWithTheAlertsAndOutboxes() {
    JsonObject snapshot = dashboard();
    for (String key :
        List.of(
            "openDuressAlerts",
            "smsBacklog",
            "smsFailed",
            "mailBacklog",
            "mailFailed",
            "lockedFactors")) {
      assertTrue(number(snapshot, key) >= 0, key);
    }
    long open = number(snapshot, "openDuressAlerts");
    Api.Reply alerts = Api.admin().get("/api/v1/admin/alerts?state=OPEN");
    assertEquals(Math.min(open, 500), alerts.jsonArray().size());
    for (String box : List.of("sms", "mail")) {
      Peers.await(
          () -> {
            JsonObject now = dashboard();
            long backlog =
                total("/api/v1/admin/outbox/" + box + "?limit=1&state=QUEUED")
                    + total("/api/v1/admin/outbox/" + box + "?limit=1&state=SENDING");
            long failed = total("/api/v1/admin/outbox/" + box + "?limit=1&state=FAILED");
            return Optional.of(now)
                .filter(
                    n ->
                        number(n, box + "Backlog") == backlog
                            && number(n, box + "Failed") == failed);
          },
          "the dashboard's " + box + " queue to match the outbox");
    }
    assertProblem(Api.anonymous().get(DASHBOARD), 401, "unauthenticated");
  }

  // --- helpers ---

  private static String pinpad(TestSystem system, String account, boolean right) {
    Api.Reply opened =
        system.api().post("/api/v1/pinpad/sessions", "{\"account\":\"" + account + "\"}");
    assertEquals(201, opened.status(), opened::toString);
    JsonObject pad = opened.json();
    String otc = right ? Fixtures.clicksFor(pad, "4826") : Fixtures.wrongClicks(pad, "4826");
    Api.Reply answered =
        system
            .api()
            .post(
                "/api/v1/pinpad/sessions/" + pad.getString("sessionKey") + "/verification",
                "{\"otc\":\"" + otc + "\"}");
    assertEquals(200, answered.status(), answered::toString);
    return answered.json().getString("result");
  }

  private static JsonObject dashboard() {
    Api.Reply reply = Api.admin().get(DASHBOARD);
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
    return reply.json();
  }

  private static long number(JsonObject json, String key) {
    return json.getJsonNumber(key).longValue();
  }

  private static long id(JsonObject row) {
    return row.getJsonNumber("id").longValue();
  }

  private static void createCustomer(String account, String msisdn) {
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/admin/customers",
                "{\"account\":\"" + account + "\",\"msisdn\":\"" + msisdn + "\"}");
    assertEquals(201, created.status(), created::toString);
  }

  private static List<String> accountsOf(List<Customer> page) {
    return page.stream().map(Customer::account).toList();
  }

  private static DomainException refusal(Runnable call) {
    DomainException refused = assertThrows(DomainException.class, call::run);
    assertEquals(DomainException.Kind.BAD_INPUT, refused.kind());
    return refused;
  }

  /** GET the audit list with these query parameters (name, value, name, value ...). */
  private static Api.Reply audit(String... parameters) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < parameters.length; i += 2) {
      query.append(i == 0 ? '?' : '&').append(parameters[i]).append('=');
      query.append(encode(parameters[i + 1]));
    }
    return Api.admin().get(AUDIT + query);
  }

  private static void assertCount(long expected, String... parameters) {
    Api.Reply reply = audit(parameters);
    assertEquals(200, reply.status(), reply::toString);
    assertEquals(
        Long.toString(expected),
        reply.header("X-Total-Count").orElseThrow(),
        () -> String.join(" ", parameters));
    assertEquals(Math.min(expected, 100), reply.jsonArray().size(), reply::toString);
  }

  private static void assertField(Api.Reply reply, String slug, String field) {
    assertProblem(reply, 400, slug);
    assertTrue(reply.json().getJsonObject("fields").containsKey(field), reply::toString);
  }

  /** The X-Total-Count of a list. */
  private static long total(String path) {
    Api.Reply reply = Api.admin().get(path);
    assertEquals(200, reply.status(), reply::toString);
    return Long.parseLong(
        reply.header("X-Total-Count").orElseThrow(() -> new AssertionError(path)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String nonceDigits(int length) {
    return RANDOM.ints(length, 0, 10).mapToObj(Integer::toString).collect(Collectors.joining());
  }

  /**
   * A strict RFC 4180 reader: records end in CRLF; a quoted field may hold commas, doubled quotes,
   * CR and LF; a bare CR or LF outside quotes is an error (the test's independent check of the
   * writer).
   */
  static List<List<String>> csv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(field.toString());
        records.add(record);
        record = new ArrayList<>();
        field.setLength(0);
        wasQuoted = false;
        i++;
      } else if (c == '\r' || c == '\n') {
        throw new AssertionError("A bare line break outside quotes at " + i + ": " + text);
      } else if (wasQuoted) {
        throw new AssertionError("Text after a closing quote at " + i + ": " + text);
      } else {
        field.append(c);
      }
    }
    assertTrue(!quoted && field.length() == 0 && record.isEmpty(), "the text ends a record");
    Set<Integer> widths = new HashSet<>();
    records.forEach(r -> widths.add(r.size()));
    assertEquals(1, widths.size(), "every record has the header's width");
    return records;
  }
}
