package org.portcullis.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.portcullis.it.Api;
import org.portcullis.it.Fixtures;
import org.portcullis.it.Fixtures.TestSystem;
import org.portcullis.it.PatternFixtures;
import org.portcullis.it.PatternFixtures.PatternCustomer;
import org.portcullis.it.Peers;

/**
 * The operations pages in a browser: duress alerts acknowledged, a failed SMS retried, the audit
 * log exported and its chain verified. Each checks through the API that the change really happened.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleOperationsIT extends ConsoleTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static List<JsonObject> alertsOf(String account) {
    Api.Reply all = Api.admin().get("/api/v1/admin/alerts?state=ALL");
    assertEquals(200, all.status(), all::toString);
    return all.jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(alert -> account.equals(alert.getString("account")))
        .collect(Collectors.toList());
  }

  /** Whether an alert is acknowledged: JSON-B leaves out the null fields of an open one. */
  private static boolean acknowledged(JsonObject alert) {
    return alert.containsKey("acknowledgedBy") && !alert.isNull("acknowledgedBy");
  }

  /** The rows of a table (its client id) whose text contains {@code text}. */
  private List<WebElement> rows(String tableId, String text) {
    return browser.element(tableId).findElements(By.cssSelector("tbody > tr")).stream()
        .filter(row -> row.getText().contains(text))
        .collect(Collectors.toList());
  }

  /** Clicks the button with this text in the first row of the table that contains {@code text}. */
  private void clickInRow(String tableId, String text, String button) {
    List<WebElement> matching = rows(tableId, text);
    assertFalse(matching.isEmpty(), () -> "no row with " + text + " in " + tableId);
    WebElement target =
        matching.get(0).findElement(By.xpath(".//button[normalize-space(.)='" + button + "']"));
    // in the middle of the window, not under the sticky top bar
    browser.script("arguments[0].scrollIntoView({block: 'center'});", target);
    target.click();
    browser.awaitIdle();
  }

  @Test
  void anOperatorAcknowledgesADuressAlertAndASecondAcknowledgementIsRefused() {
    PatternCustomer customer = PatternFixtures.registered();
    TestSystem bank =
        Fixtures.system("[\"VERIFIER\"]", "\"pattern\":{\"duressLockAfter\":\"NEVER\"}");
    PatternFixtures.answerUnderDuress(customer, bank);
    PatternFixtures.answerUnderDuress(customer, bank);
    List<JsonObject> raised = alertsOf(customer.account());
    assertEquals(2, raised.size(), raised::toString);
    StaffAccounts.Account operator = StaffAccounts.create("OPERATOR");

    signIn(operator);
    browser.navigate("Duress alerts");
    assertEquals(2, rows("alerts-form:alerts", customer.account()).size());
    WebElement open = rows("alerts-form:alerts", customer.account()).get(0);
    assertTrue(open.getAttribute("class").contains("alert-open"), "an open alert stands out");
    assertTrue(open.getText().contains("Open DURESS"), open::getText);
    assertTrue(open.getText().contains(bank.systemId()), open::getText);
    browser.screenshot("alerts");

    clickInRow("alerts-form:alerts", customer.account(), "Acknowledge");
    browser.confirm();
    assertTrue(browser.messages().contains("acknowledged"), browser::messages);
    assertEquals(
        1,
        rows("alerts-form:alerts", customer.account()).size(),
        "the acknowledged alert leaves the list of open alerts");
    List<JsonObject> afterConsole = alertsOf(customer.account());
    JsonObject byConsole =
        afterConsole.stream()
            .filter(ConsoleOperationsIT::acknowledged)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no acknowledged alert in " + afterConsole));
    assertEquals(operator.username(), byConsole.getString("acknowledgedBy"));

    // someone else acknowledges the other one meanwhile: the console says so instead of failing
    JsonObject other =
        afterConsole.stream().filter(alert -> !acknowledged(alert)).findFirst().orElseThrow();
    long otherId = other.getJsonNumber("id").longValue();
    Api.Reply elsewhere =
        Api.admin().post("/api/v1/admin/alerts/" + otherId + "/acknowledge", null);
    assertEquals(200, elsewhere.status(), elsewhere::toString);
    clickInRow("alerts-form:alerts", customer.account(), "Acknowledge");
    browser.confirm();
    assertTrue(browser.messages().contains("already acknowledged by admin"), browser::messages);
    assertTrue(rows("alerts-form:alerts", customer.account()).isEmpty());
    assertTrue(alertsOf(customer.account()).stream().allMatch(ConsoleOperationsIT::acknowledged));

    // all alerts, acknowledged ones too, with who acknowledged them
    browser
        .element("alerts-form:open-only")
        .findElement(By.xpath(".//*[normalize-space(.)='All']"))
        .click();
    browser.awaitIdle();
    String all =
        rows("alerts-form:alerts", customer.account()).stream()
            .map(WebElement::getText)
            .collect(Collectors.joining("\n"));
    assertTrue(all.contains(operator.username()), all);
    assertTrue(all.contains("admin"), all);
    assertTrue(browser.consoleErrors().isEmpty(), () -> browser.consoleErrors().toString());
  }

  @Test
  void anOperatorRetriesAFailedSmsAndItIsDelivered() {
    String to = "+4477009888" + (100 + RANDOM.nextInt(899));
    long id;
    Peers.smsc("POST", "/faults", "{\"rejectDestinationPrefix\":\"" + to.substring(1) + "\"}");
    try {
      Api.Reply queued =
          Api.admin()
              .post(
                  "/api/v1/admin/outbox/sms",
                  "{\"to\":\""
                      + to
                      + "\",\"text\":\"Console retry "
                      + StaffAccounts.nonce()
                      + "\"}");
      assertEquals(202, queued.status(), queued::toString);
      id = queued.json().getJsonNumber("id").longValue();
      Peers.await(
          () ->
              Optional.of(Fixtures.outboxRow("sms", id))
                  .filter(row -> "FAILED".equals(row.getString("state"))),
          "SMS " + id + " to fail");
    } finally {
      Peers.smsc("DELETE", "/faults", null);
    }
    StaffAccounts.Account operator = StaffAccounts.create("OPERATOR");

    signIn(operator);
    browser.navigate("Outboxes");
    browser.select("outboxes-form:tabs:sms-state", "FAILED");
    String table = "outboxes-form:tabs:sms";
    List<WebElement> failed = rows(table, to);
    assertFalse(failed.isEmpty(), () -> browser.text(table));
    String row = failed.get(0).getText();
    assertTrue(row.startsWith(Long.toString(id)), row);
    assertTrue(row.contains("FAILED"), row);
    assertFalse(row.contains("Console retry"), "the outbox never shows a text");
    browser.screenshot("outboxes");

    clickInRow(table, to, "Retry");
    browser.confirm();
    assertTrue(browser.messages().contains("SMS " + id + " is queued again"), browser::messages);
    assertTrue(rows(table, to).isEmpty(), "no longer among the failed ones");

    JsonObject delivered =
        Peers.await(
            () ->
                Optional.of(Fixtures.outboxRow("sms", id))
                    .filter(r -> List.of("SENT", "DELIVERED").contains(r.getString("state"))),
            "SMS " + id + " to be sent after the retry");
    assertFalse(delivered.getJsonArray("gatewayIds").isEmpty(), delivered::toString);
    Api.Reply audit =
        Api.admin()
            .get("/api/v1/admin/audit?action=outbox.sms.retry&actor=staff:" + operator.username());
    assertEquals(200, audit.status(), audit::toString);
    assertTrue(audit.text().contains("\"subject\":\"sms:" + id + "\""), audit::toString);

    // the console shows the new state once asked again
    browser.select("outboxes-form:tabs:sms-state", "All states");
    browser.until(
        d -> {
          browser.click("outboxes-form:tabs:sms-refresh");
          List<WebElement> now = rows(table, to);
          return !now.isEmpty()
              && (now.get(0).getText().contains("DELIVERED")
                  || now.get(0).getText().contains("SENT"));
        });
  }

  @Test
  void anAuditorExportsTheAuditLogAndVerifiesItsChain() throws IOException {
    StaffAccounts.Account auditor = StaffAccounts.create("AUDITOR");
    // something this test caused, to find in the export
    StaffAccounts.Account subject = StaffAccounts.create("OPERATOR");

    signIn(auditor);
    browser.navigate("Audit log");
    browser.type("audit-form:subject", subject.username());
    browser.click("audit-form:search");
    String shown = browser.text("audit-form:records");
    assertTrue(shown.contains("staff.create"), shown);
    assertTrue(shown.contains("staff:" + subject.username()), shown);
    browser.click("audit-actions:verify");
    assertTrue(browser.exists("chain-valid"), () -> browser.text("verification"));
    assertFalse(browser.exists("chain-broken"));
    assertTrue(Long.parseLong(browser.text("rows-checked")) > 0);
    browser.screenshot("audit");

    browser.click("audit-actions:export");
    Path file = browser.awaitDownload(".csv");
    assertTrue(
        file.getFileName().toString().matches("portcullis-audit-[0-9]{8}T[0-9]{6}Z\\.csv"),
        file::toString);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals("id,occurredAt,actor,action,subject,outcome,detail,chainIndex,hash", lines.get(0));
    assertTrue(
        lines.stream()
            .skip(1)
            .anyMatch(
                line ->
                    line.contains(
                        ",staff:admin,staff.create,staff:" + subject.username() + ",OK,")),
        () -> String.join("\n", lines));
    assertTrue(
        lines.stream().skip(1).allMatch(line -> line.contains(subject.username())),
        "only what the filter matches");

    // the export itself is in the log, with who made it and what it covered
    Api.Reply exports =
        Api.admin()
            .get("/api/v1/admin/audit?action=audit.export&actor=staff:" + auditor.username());
    assertEquals(200, exports.status(), exports::toString);
    assertEquals(1, exports.jsonArray().size(), exports::toString);
    assertTrue(
        exports.jsonArray().getJsonObject(0).getString("detail").contains(subject.username()),
        exports::toString);
    Api.Reply verified = Api.admin().get("/api/v1/admin/audit/verify");
    assertEquals(200, verified.status(), verified::toString);
    assertTrue(verified.json().getBoolean("valid"), verified::toString);
    assertTrue(browser.consoleErrors().isEmpty(), () -> browser.consoleErrors().toString());
  }
}
