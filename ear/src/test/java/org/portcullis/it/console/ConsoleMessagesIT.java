package org.portcullis.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.portcullis.handset.client.EnrolledHandset;
import org.portcullis.handset.client.HandsetClient;
import org.portcullis.handset.client.HandsetKeys;
import org.portcullis.handset.client.KeyAlgorithm;
import org.portcullis.it.Api;
import org.portcullis.it.Fixtures;
import org.portcullis.it.Fixtures.TestCustomer;
import org.portcullis.it.Fixtures.TestSystem;
import org.portcullis.it.PatternFixtures;
import org.portcullis.it.Peers;

/**
 * Secure messages in the console: the messages page (filters, masked numbers, never content,
 * deletion by operators and not by auditors), the customer's messages on the customer page, a
 * sender's retention and webhook on the system page, and webhook pushes on the outboxes page. Every
 * change is checked through the admin API as well.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleMessagesIT extends ConsoleTest {

  private static final String MESSAGES = "/api/v1/messages";
  private static final String SYSTEMS = "/api/v1/admin/systems";
  private static final String TABLE = "messages-form:messages";

  @Test
  void anOperatorFindsAMessageWithoutItsContentFiltersItAndDeletesIt() {
    TestSystem sender = Fixtures.system("[\"SENDER\"]", "");
    TestCustomer customer = Fixtures.customer();
    String marker = marker();
    String messageId = submit(sender, customer.msisdn(), marker);
    StaffAccounts.Account operator = StaffAccounts.create("OPERATOR");

    signIn(operator);
    browser.navigate("Messages");
    filterBySender(sender.systemId());
    String row = rowOf(TABLE, messageId).getText();
    assertTrue(row.contains(masked(customer.msisdn())), row);
    assertTrue(row.contains(customer.account()), row);
    assertTrue(row.contains(senderName(sender)), row);
    assertTrue(row.contains(sender.systemId()), row);
    assertTrue(row.contains("AWAITING_ENROLLMENT"), row);
    assertTrue(row.contains("0 handsets"), row);
    assertNothingOfTheMessageIn(browser.driver().getPageSource(), marker, customer);
    browser.screenshot("messages");

    // by state
    browser.select("messages-form:state", "NOTIFIED");
    assertTrue(rows(TABLE, messageId).isEmpty(), () -> browser.text(TABLE));
    browser.select("messages-form:state", "AWAITING_ENROLLMENT");
    assertFalse(rows(TABLE, messageId).isEmpty(), () -> browser.text(TABLE));
    browser.select("messages-form:state", "All states");

    // a sender that is no system ID is named beside its field
    browser.type("messages-form:sender", "12ab");
    browser.click("messages-form:search");
    assertEquals("A system ID is 8 digits.", browser.fieldMessage("messages-form:sender"));
    filterBySender(sender.systemId());
    assertEquals("", browser.fieldMessage("messages-form:sender"));

    // deleted after a confirmation: the row stays, as DELETED, without a delete button
    clickInRow(TABLE, messageId, "Delete");
    browser.confirm();
    assertTrue(
        browser.messages().contains("Message " + messageId + " is deleted"), browser::messages);
    WebElement deleted = rowOf(TABLE, messageId);
    assertTrue(deleted.getText().contains("DELETED"), deleted::getText);
    assertTrue(deleted.getText().contains("closed"), deleted::getText);
    assertTrue(deleted.findElements(By.xpath(".//button")).isEmpty(), deleted::getText);
    browser.until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
    browser.screenshot("messages-deleted");

    assertEquals("DELETED", listed(sender, messageId).getString("state"));
    Api.Reply audit =
        Api.admin().get("/api/v1/admin/audit?action=message.delete&subject=" + messageId);
    assertEquals(200, audit.status(), audit::toString);
    assertEquals(1, audit.jsonArray().size(), audit::toString);
    assertEquals(
        "staff:" + operator.username(), audit.jsonArray().getJsonObject(0).getString("actor"));
    assertFalse(audit.text().contains(marker), "the audit log says who, never what");
    assertNoConsoleErrors();
  }

  @Test
  void anAuditorSeesMessagesAndTheSenderPolicyButAForgedDeleteChangesNothing() {
    TestSystem sender = Fixtures.system("[\"SENDER\"]", "");
    String hook = "https://auditor-" + StaffAccounts.nonce() + ".example/replies";
    Api.Reply set = Api.admin().put(SYSTEMS + "/" + sender.systemId() + "/webhook", url(hook));
    assertEquals(200, set.status(), set::toString);
    TestCustomer customer = Fixtures.customer();
    String messageId = submit(sender, customer.msisdn(), marker());
    StaffAccounts.Account auditor = StaffAccounts.create("AUDITOR");

    signIn(auditor);
    browser.navigate("Messages");
    filterBySender(sender.systemId());
    WebElement row = rowOf(TABLE, messageId);
    assertTrue(row.findElements(By.xpath(".//button")).isEmpty(), "no delete button");
    assertTrue(
        browser
            .driver()
            .findElement(By.cssSelector(".messages-hint"))
            .getText()
            .contains("Only operators and admins delete messages."));
    browser.screenshot("messages-auditor");

    // a forged click on the delete button the page left out: refused on the server and audited
    browser.script(
        "PrimeFaces.ab({s:arguments[0],f:arguments[1],p:arguments[0],u:arguments[1]});",
        TABLE + ":0:delete",
        "messages-form");
    browser.awaitIdle();
    assertTrue(browser.exists("forbidden-text"), "the console says the role does not allow it");
    assertEquals("AWAITING_ENROLLMENT", listed(sender, messageId).getString("state"));
    Api.Reply deletions =
        Api.admin().get("/api/v1/admin/audit?action=message.delete&subject=" + messageId);
    assertEquals(0, deletions.jsonArray().size(), deletions::toString);
    Api.Reply refused =
        Api.admin()
            .get(
                "/api/v1/admin/audit?action=console.forbidden&subject=delete%20a%20secure%20message");
    assertTrue(
        refused.jsonArray().stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                r ->
                    r.getString("actor").equals("staff:" + auditor.username())
                        && r.getString("outcome").equals("DENIED")),
        refused::toString);
    browser.click("back-to-console");

    // the sender's policy, read-only
    openSystem(sender.systemId());
    assertFalse(browser.element("system:messageMaxRetention").isEnabled());
    assertEquals("7 d", browser.element("system:messageMaxRetention").getAttribute("value"));
    assertEquals(hook, browser.text("webhook-form:webhook-url"));
    assertFalse(browser.exists("webhook-form:url"));
    assertFalse(browser.exists("webhook-form:set-webhook"));
    assertFalse(browser.exists("webhook-form:remove-webhook"));
    assertNoConsoleErrors();
  }

  @Test
  void theCustomerPageListsTheCustomersMessagesNewestFirstAndLinksToTheMessagesPage() {
    TestSystem sender = Fixtures.system("[\"SENDER\"]", "");
    TestCustomer customer = Fixtures.customer();
    TestCustomer someoneElse = Fixtures.customer();
    String marker = marker();
    String older = submit(sender, customer.msisdn(), marker);
    String newer = submit(sender, customer.msisdn(), marker);
    String notHers = submit(sender, someoneElse.msisdn(), marker);

    browser.signInAsAdmin().navigate("Customers");
    browser.type("customers-form:query", customer.account());
    browser.click("customers-form:search");
    browser.clickLink(customer.account());
    browser.until(
        ExpectedConditions.textToBe(By.id("page-title"), "Customer " + customer.account()));
    browser.awaitIdle();

    String table = "messages-form:messages";
    List<WebElement> shown = rows(table, "msg-");
    assertEquals(2, shown.size(), () -> browser.text(table));
    assertTrue(shown.get(0).getText().contains(newer), "newest first: " + browser.text(table));
    assertTrue(shown.get(1).getText().contains(older), browser.text(table));
    assertTrue(shown.get(0).getText().contains(masked(customer.msisdn())));
    assertFalse(browser.text(table).contains(notHers));
    List<String> headers =
        browser.element(table).findElements(By.cssSelector("thead th")).stream()
            .map(th -> th.getText().trim())
            .collect(Collectors.toList());
    assertTrue(headers.contains("Recipient"), headers::toString);
    assertTrue(
        headers.stream().noneMatch(h -> h.toLowerCase().contains("account")),
        "the page is the account's: " + headers);
    assertFalse(browser.driver().getPageSource().contains(marker), "never any content");
    browser.script(
        "arguments[0].scrollIntoView({block: 'center'});", browser.element("all-messages"));
    browser.screenshot("customer-messages");

    browser.click("all-messages");
    browser.until(ExpectedConditions.textToBe(By.id("page-title"), "Messages"));
    browser.awaitIdle();
    assertEquals(
        customer.account(), browser.element("messages-form:account").getAttribute("value"));
    String listedThere = browser.text(TABLE);
    assertTrue(listedThere.contains(older) && listedThere.contains(newer), listedThere);
    assertFalse(listedThere.contains(notHers), listedThere);
    assertNoConsoleErrors();
  }

  @Test
  void anAdminSetsASendersLongestRetentionAndWebhookAndSeesTheSecretOnce() {
    TestSystem verifier = Fixtures.system("[\"VERIFIER\"]", "");
    TestSystem sender = Fixtures.system("[\"SENDER\"]", "");
    browser.signInAsAdmin();

    // a system that sends no messages has no message settings
    openSystem(verifier.systemId());
    assertFalse(browser.exists("system:messageMaxRetention"));
    assertFalse(browser.exists("webhook-form"));

    openSystem(sender.systemId());
    assertEquals("7 d", browser.element("system:messageMaxRetention").getAttribute("value"));
    browser.type("system:messageMaxRetention", "100 d");
    browser.click("system:save");
    assertTrue(
        browser.fieldMessage("system:messageMaxRetention").contains("between PT5M and P90D"),
        browser.fieldMessage("system:messageMaxRetention"));
    assertEquals("PT168H", messagePolicy(sender).getString("maxRetention"), "nothing changed");
    browser.type("system:messageMaxRetention", "30 d");
    browser.click("system:save");
    assertTrue(browser.messages().contains("Saved."), browser.messages());
    assertEquals("", browser.fieldMessage("system:messageMaxRetention"));
    assertEquals("PT720H", messagePolicy(sender).getString("maxRetention"));

    // a URL the policy refuses is named beside its field
    assertEquals("None: replies are not pushed", browser.text("webhook-form:no-webhook"));
    browser.type("webhook-form:url", "http://example.com/replies");
    browser.click("webhook-form:set-webhook");
    assertTrue(
        browser.fieldMessage("webhook-form:url").contains("must be an https URL"),
        browser.fieldMessage("webhook-form:url"));
    assertEquals(Optional.empty(), webhookUrl(sender), "nothing changed");
    assertFalse(browser.element("webhook-secret-form:webhook-secret-dialog").isDisplayed());

    // set: the signing secret is shown once, in a dialog
    String hook = "https://bank-" + StaffAccounts.nonce() + ".example/portcullis/replies";
    browser.type("webhook-form:url", hook);
    browser.click("webhook-form:set-webhook");
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-secret")));
    String secret = browser.text("webhook-secret");
    assertTrue(secret.startsWith("whsec_"), secret);
    assertEquals(hook, browser.text("webhook-secret-url"));
    assertTrue(browser.text("webhook-secret-warning").contains("shown once"));
    browser.screenshot("system-webhook-secret");
    assertEquals(Optional.of(hook), webhookUrl(sender));
    Api.Reply audit =
        Api.admin()
            .get("/api/v1/admin/audit?action=system.webhook&subject=system:" + sender.systemId());
    assertTrue(audit.text().contains("\"actor\":\"staff:admin\""), audit::toString);
    assertFalse(audit.text().contains(secret), "never a secret in the audit log");

    browser.click("webhook-secret-form:close-webhook-secret");
    browser.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.id("webhook-secret-form:webhook-secret-dialog")));
    browser.awaitIdle();
    assertFalse(browser.driver().getPageSource().contains(secret), "gone once closed");
    assertEquals(hook, browser.text("webhook-form:webhook-url"));
    browser.driver().navigate().refresh();
    browser.awaitIdle();
    assertEquals(hook, browser.text("webhook-form:webhook-url"));
    assertFalse(browser.exists("webhook-secret"));
    assertFalse(browser.driver().getPageSource().contains(secret), "and never shown again");
    browser.script(
        "arguments[0].scrollIntoView({block: 'center'});", browser.element("webhook-card"));
    browser.screenshot("system-sender");

    // removed after a confirmation
    browser.click("webhook-form:remove-webhook").confirm();
    assertTrue(browser.messages().contains("No webhook"), browser::messages);
    assertEquals("None: replies are not pushed", browser.text("webhook-form:no-webhook"));
    assertEquals(Optional.empty(), webhookUrl(sender));
    assertNoConsoleErrors();
  }

  @Test
  void anOperatorRetriesAWebhookPushThatCannotBeDelivered() throws Exception {
    TestSystem sender = Fixtures.system("[\"SENDER\"]", "");
    // nothing listens on port 1: every push fails and is tried again later
    String hook = "http://127.0.0.1:1/hook";
    Api.Reply set = Api.admin().put(SYSTEMS + "/" + sender.systemId() + "/webhook", url(hook));
    assertEquals(200, set.status(), set::toString);
    TestCustomer customer = Fixtures.customer();
    HandsetClient client = new HandsetClient(URI.create(Api.BASE));
    EnrolledHandset handset = PatternFixtures.enroll(customer);
    client.uploadPublicKey(handset, HandsetKeys.generate(KeyAlgorithm.EC_P256).getPublic());
    String messageId = submit(sender, customer.msisdn(), marker());
    String replyMarker = marker();
    String replyId = client.reply(handset, messageId, "Reply " + replyMarker);
    JsonObject failing =
        Peers.await(
            () ->
                webhookRow(replyId)
                    .filter(r -> r.getInt("attempts") >= 1 && present(r, "lastError")),
            "the push of reply " + replyId + " to fail");
    long id = failing.getJsonNumber("id").longValue();
    StaffAccounts.Account operator = StaffAccounts.create("OPERATOR");

    signIn(operator);
    browser.navigate("Outboxes");
    browser.element("outboxes-form:tabs").findElement(By.linkText("Webhooks")).click();
    String table = "outboxes-form:tabs:webhooks";
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id(table)));
    browser.awaitIdle();
    WebElement row = rowStartingWith(table, id);
    String text = row.getText();
    assertTrue(text.contains("message-reply"), text);
    assertTrue(text.contains("QUEUED") || text.contains("FAILED"), text);
    assertEquals(hook, row.findElement(By.cssSelector(".webhook-url")).getAttribute("title"));
    assertEquals(replyId, row.findElement(By.cssSelector(".webhook-event")).getAttribute("title"));
    assertFalse(browser.driver().getPageSource().contains(replyMarker), "never a reply's text");
    browser.screenshot("outboxes-webhooks");

    // the push is made due again; a drain may hold it for a moment (SENDING), so ask again then
    browser.until(
        d -> {
          browser.click("outboxes-form:tabs:webhook-refresh");
          List<WebElement> retry =
              rowStartingWith(table, id)
                  .findElements(By.xpath(".//button[normalize-space(.)='Retry']"));
          if (retry.isEmpty()) {
            return false;
          }
          browser.script("arguments[0].scrollIntoView({block: 'center'});", retry.get(0));
          retry.get(0).click();
          browser.confirm();
          return browser.messages().contains("Webhook push " + id + " is queued again");
        });
    Api.Reply audit =
        Api.admin().get("/api/v1/admin/audit?action=outbox.webhook.retry&subject=webhook:" + id);
    assertEquals(200, audit.status(), audit::toString);
    assertTrue(
        audit.text().contains("\"actor\":\"staff:" + operator.username() + "\""), audit::toString);
    assertNoConsoleErrors();
  }

  /** No browser console errors since the page loaded (reading them empties the browser's log). */
  private void assertNoConsoleErrors() {
    List<String> errors = browser.consoleErrors();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  private static String submit(TestSystem sender, String msisdn, String marker) {
    Api.Reply reply =
        sender
            .api()
            .post(
                MESSAGES,
                "{\"msisdn\":\""
                    + msisdn
                    + "\",\"subject\":\"Subject "
                    + marker
                    + "\",\"body\":\"Body "
                    + marker
                    + "\"}");
    assertEquals(201, reply.status(), reply::toString);
    return reply.json().getString("messageId");
  }

  private static String marker() {
    return "PLAINTEXT-" + StaffAccounts.nonce();
  }

  private static String url(String url) {
    return "{\"url\":\"" + url + "\"}";
  }

  /** An MSISDN as staff see it: the first and last three characters. */
  private static String masked(String msisdn) {
    return msisdn.substring(0, 3)
        + "•".repeat(msisdn.length() - 6)
        + msisdn.substring(msisdn.length() - 3);
  }

  private static void assertNothingOfTheMessageIn(
      String page, String marker, TestCustomer customer) {
    assertFalse(page.contains(marker), "never a subject or body");
    assertFalse(page.contains(customer.msisdn()), "never the whole MSISDN");
  }

  private static String senderName(TestSystem sender) {
    return Api.admin().get(SYSTEMS + "/" + sender.systemId()).json().getString("name");
  }

  private static JsonObject messagePolicy(TestSystem sender) {
    Api.Reply system = Api.admin().get(SYSTEMS + "/" + sender.systemId());
    assertEquals(200, system.status(), system::toString);
    return system.json().getJsonObject("messages");
  }

  /** The sender's webhook URL, if it has one. */
  private static Optional<String> webhookUrl(TestSystem sender) {
    JsonObject policy = messagePolicy(sender);
    return present(policy, "webhookUrl")
        ? Optional.of(policy.getString("webhookUrl"))
        : Optional.empty();
  }

  /** Whether a JSON member has a value (JSON-B leaves out null members). */
  private static boolean present(JsonObject object, String member) {
    return object.containsKey(member) && !object.isNull(member);
  }

  /** The message as the admin API lists it. */
  private static JsonObject listed(TestSystem sender, String messageId) {
    Api.Reply list = Api.admin().get("/api/v1/admin/messages?sender=" + sender.systemId());
    assertEquals(200, list.status(), list::toString);
    return list.jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("messageId").equals(messageId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no message " + messageId + " in " + list));
  }

  /** The webhook outbox row of a push, by its webhook-id, among the newest 200. */
  private static Optional<JsonObject> webhookRow(String eventId) {
    Api.Reply list = Api.admin().get("/api/v1/admin/outbox/webhook?limit=200");
    assertEquals(200, list.status(), list::toString);
    return list.jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(row -> eventId.equals(row.getString("eventId", null)))
        .findFirst();
  }

  /** Shows only the sender's messages, as a staff member filters them. */
  private void filterBySender(String systemId) {
    browser.type("messages-form:sender", systemId);
    browser.click("messages-form:search");
  }

  /** The rows of a table (its client id) whose text contains {@code text}. */
  private List<WebElement> rows(String tableId, String text) {
    return browser.element(tableId).findElements(By.cssSelector("tbody > tr")).stream()
        .filter(row -> row.getText().contains(text))
        .collect(Collectors.toList());
  }

  private WebElement rowOf(String tableId, String text) {
    return browser.until(d -> rows(tableId, text).stream().findFirst().orElse(null));
  }

  private WebElement rowStartingWith(String tableId, long id) {
    return browser.until(
        d ->
            browser.element(tableId).findElements(By.cssSelector("tbody > tr")).stream()
                .filter(
                    row ->
                        row.findElements(By.cssSelector("td")).stream()
                            .findFirst()
                            .map(cell -> cell.getText().trim().equals(Long.toString(id)))
                            .orElse(false))
                .findFirst()
                .orElse(null));
  }

  /** Clicks the button with this text in the first row of the table that contains {@code text}. */
  private void clickInRow(String tableId, String text, String button) {
    WebElement target =
        rowOf(tableId, text)
            .findElement(By.xpath(".//button[normalize-space(.)='" + button + "']"));
    // in the middle of the window, not under the sticky top bar
    browser.script("arguments[0].scrollIntoView({block: 'center'});", target);
    target.click();
    browser.awaitIdle();
  }

  /** Finds the system with the systems page's search field and opens its page. */
  private void openSystem(String systemId) {
    browser.navigate("Relying systems");
    browser.type("list:search", systemId);
    browser.clickLink(systemId);
    browser.until(ExpectedConditions.textToBe(By.id("system-id"), systemId));
    browser.awaitIdle();
  }
}
