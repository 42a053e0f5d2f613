package org.portcullis.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.portcullis.it.Api;
import org.portcullis.it.Fixtures;
import org.portcullis.it.Peers;

/**
 * The customers and customer pages: search, a new customer, locks, PIN, registration link,
 * attributes. Every change is checked through the admin API as well.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleCustomersIT extends ConsoleTest {

  private static final String CUSTOMERS = "/api/v1/admin/customers";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void aCustomerIsFoundByAccountAndByMsisdnAndOpens() {
    String account = "console-" + suffix();
    String msisdn = "+4479" + String.format("%09d", RANDOM.nextInt(1_000_000_000));
    createCustomer(account, msisdn, account + "@example.org");
    browser.signInAsAdmin().navigate("Customers");

    search(account);
    WebElement row = rowOf(account);
    assertTrue(row.getText().contains(msisdn), row.getText());
    assertTrue(row.getText().contains(account + "@example.org"), row.getText());
    browser.screenshot("customers");

    // the national form of the number, as a customer reads it out on the phone
    search("0" + msisdn.substring(3));
    assertTrue(rowOf(account).getText().contains(msisdn));
    search(msisdn);
    assertEquals(1, rows().size(), "one customer with this MSISDN");

    open(account);
    assertEquals("Customer " + account, browser.text("page-title"));
    assertEquals(account, browser.text("detail-account"));
    assertEquals(msisdn, browser.text("detail-msisdn"));
    assertEquals("Not set", browser.text("detail-pin"));
    browser.screenshot("customer");
    assertTrue(browser.consoleErrors().isEmpty(), () -> browser.consoleErrors().toString());
  }

  @Test
  void anOperatorCreatesACustomerAndMistakesAreShownBesideTheFields() {
    String account = "console-new-" + suffix();
    browser.signInAsAdmin().navigate("Customers");
    browser.click("page-actions:new-customer");
    browser.until(
        ExpectedConditions.visibilityOfElementLocated(By.id("new-customer-form:account")));
    browser.type("new-customer-form:account", account);
    browser.type("new-customer-form:msisdn", "07700 900123");
    browser.click("new-customer-form:create");
    String refusal = awaitFieldMessage("new-customer-form:msisdn");
    assertTrue(refusal.contains("E.164"), refusal);
    assertEquals(404, Api.admin().get(CUSTOMERS + "/" + account).status(), "nothing created");

    String msisdn = "+4479" + String.format("%09d", RANDOM.nextInt(1_000_000_000));
    browser.type("new-customer-form:msisdn", msisdn);
    browser.click("new-customer-form:create");
    browser.until(
        ExpectedConditions.invisibilityOfElementLocated(By.id("new-customer-form:account")));
    assertTrue(browser.messages().contains("Created customer " + account), browser.messages());
    assertTrue(rowOf(account).getText().contains(msisdn));
    Api.Reply created = Api.admin().get(CUSTOMERS + "/" + account);
    assertEquals(200, created.status(), created::toString);
    assertEquals(msisdn, created.json().getString("msisdn"));
  }

  @Test
  void anUnknownAccountSaysSoInsteadOfFailing() {
    Fixtures.TestCustomer customer = Fixtures.customer();
    browser.signInAsAdmin().navigate("Customers");
    search(customer.account());
    // the customer link carries the session's view token; only the account is changed
    String href = link(customer.account()).getAttribute("href");
    String unknown = "nobody-" + suffix();
    browser.driver().get(href.replace("account=" + customer.account(), "account=" + unknown));
    browser.awaitIdle();
    assertEquals(
        "No customer with account " + unknown,
        browser.text("no-customer").lines().findFirst().orElse(""));
    assertFalse(browser.exists("factor-actions"));
  }

  @Test
  void anOperatorLocksAndUnlocksOneFactor() {
    Fixtures.TestCustomer customer = Fixtures.customer();
    browser.signInAsAdmin().navigate("Customers");
    open(customer.account());
    assertEquals("Unlocked", browser.text("factor-actions:state-PINPAD"));

    browser.click("factor-actions:lock-PINPAD").confirm();
    assertEquals("Locked until unlocked by staff", browser.text("factor-actions:state-PINPAD"));
    assertTrue(browser.exists("factor-actions:unlock-PINPAD"));
    assertEquals(
        "Unlocked", browser.text("factor-actions:state-PATTERN"), "other factors unchanged");
    JsonObject pinpad = lock(customer.account(), "PINPAD");
    assertTrue(pinpad.getBoolean("locked"));
    assertTrue(pinpad.getBoolean("hardLocked"));
    assertFalse(lock(customer.account(), "PATTERN").getBoolean("locked"));
    JsonArray audit =
        Api.admin()
            .get("/api/v1/admin/audit?action=lockout.lock&subject=customer:" + customer.account())
            .jsonArray();
    assertEquals(1, audit.size(), audit::toString);
    assertEquals("staff:admin", audit.getJsonObject(0).getString("actor"));

    browser.click("factor-actions:unlock-PINPAD").confirm();
    assertEquals("Unlocked", browser.text("factor-actions:state-PINPAD"));
    assertTrue(browser.exists("factor-actions:lock-PINPAD"));
    assertFalse(lock(customer.account(), "PINPAD").getBoolean("locked"));
  }

  @Test
  void aPinSetInTheConsoleVerifiesOnThePinPad() {
    Fixtures.TestCustomer customer = Fixtures.customer();
    browser.signInAsAdmin().navigate("Customers");
    open(customer.account());

    browser.type("pin-form:pin", "4829").type("pin-form:pinConfirm", "4828");
    browser.click("pin-form:set-pin").confirm();
    assertEquals("The two PINs differ.", awaitFieldMessage("pin-form:pinConfirm"));
    browser.type("pin-form:pin", "48a9").type("pin-form:pinConfirm", "48a9");
    browser.click("pin-form:set-pin").confirm();
    assertTrue(awaitFieldMessage("pin-form:pin").contains("digits"));
    assertFalse(
        Api.admin().get(CUSTOMERS + "/" + customer.account()).json().getBoolean("hasPin"),
        "no PIN yet");

    browser.type("pin-form:pin", "482915").type("pin-form:pinConfirm", "482915");
    browser.click("pin-form:set-pin").confirm();
    assertTrue(browser.messages().contains("The new PIN is set"), browser.messages());
    assertEquals("Set", browser.text("detail-pin"));
    assertTrue(Api.admin().get(CUSTOMERS + "/" + customer.account()).json().getBoolean("hasPin"));

    Fixtures.TestSystem system = Fixtures.textModeSystem("STANDARD", "PHONE");
    Api.Reply opened =
        system
            .api()
            .post("/api/v1/pinpad/sessions", "{\"account\":\"" + customer.account() + "\"}");
    assertEquals(201, opened.status(), opened::toString);
    JsonObject pad = opened.json();
    Api.Reply verified =
        system
            .api()
            .post(
                "/api/v1/pinpad/sessions/" + pad.getString("sessionKey") + "/verification",
                "{\"otc\":\"" + Fixtures.clicksFor(pad, "482915") + "\"}");
    assertEquals(200, verified.status(), verified::toString);
    assertEquals("OK", verified.json().getString("result"));
  }

  @Test
  void aRegistrationLinkIsTextedToTheCustomer() {
    String tableName = "Console link " + suffix();
    Api.Reply table =
        Api.admin()
            .post(
                "/api/v1/admin/pattern-tables",
                "{\"name\":\"" + tableName + "\",\"rows\":5,\"cols\":5,\"minLength\":5}");
    assertEquals(201, table.status(), table::toString);
    Fixtures.TestCustomer customer = Fixtures.customer();
    browser.signInAsAdmin().navigate("Customers");
    open(customer.account());

    browser.click("registration-form:send-link").confirm();
    assertEquals("Choose a pattern table.", awaitFieldMessage("registration-form:tableId"));

    browser.select("registration-form:tableId", tableName + " (5×5, at least 5 cells)");
    browser.click("registration-form:send-link").confirm();
    String sent = browser.text("registration-form:link-sent");
    assertTrue(sent.startsWith("Sent by SMS to " + customer.msisdn()), sent);
    assertTrue(sent.contains("The link works once, until"), sent);

    String sms =
        Peers.await(
            () -> smsTo(customer.msisdn(), "/register/pattern.html#"),
            "the registration link by SMS to " + customer.msisdn());
    assertTrue(sms.contains("valid for 24 hours"), sms);
  }

  @Test
  void attributesAreShownOnlyWhenAskedForAndTheReadIsAudited() {
    Fixtures.TestCustomer customer = Fixtures.customer();
    Api.Reply stored =
        Api.admin()
            .put(
                CUSTOMERS + "/" + customer.account() + "/attributes",
                "{\"attributes\":{\"address\":\"1 High Street, Exeter\"}}");
    assertEquals(204, stored.status(), stored::toString);
    browser.signInAsAdmin().navigate("Customers");
    open(customer.account());

    assertFalse(browser.exists("attributes-form:attributes"), "not shown until asked for");
    assertFalse(browser.driver().getPageSource().contains("1 High Street"), "not even in the page");
    assertEquals(0, attributeReads(customer.account()).size());

    browser.click("attributes-form:show-attributes");
    assertEquals(
        "address", browser.element("attributes-form:attributes:0:name").getAttribute("value"));
    assertEquals(
        "1 High Street, Exeter",
        browser.element("attributes-form:attributes:0:value").getAttribute("value"));
    JsonArray reads = attributeReads(customer.account());
    assertEquals(1, reads.size(), reads::toString);
    assertEquals("staff:admin", reads.getJsonObject(0).getString("actor"));

    browser.click("attributes-form:add-attribute");
    browser.type("attributes-form:attributes:1:name", "custom.loyaltyNumber");
    browser.type("attributes-form:attributes:1:value", "LN-0042");
    browser.click("attributes-form:save-attributes").confirm();
    assertTrue(browser.messages().contains("Saved 2 attributes"), browser.messages());
    JsonObject attributes =
        Api.admin()
            .get(CUSTOMERS + "/" + customer.account() + "/attributes")
            .json()
            .getJsonObject("attributes");
    assertEquals("LN-0042", attributes.getString("custom.loyaltyNumber"));
    assertEquals("1 High Street, Exeter", attributes.getString("address"));
  }

  // helpers

  private static String suffix() {
    return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
  }

  private static void createCustomer(String account, String msisdn, String email) {
    Api.Reply created =
        Api.admin()
            .post(
                CUSTOMERS,
                "{\"account\":\""
                    + account
                    + "\",\"msisdn\":\""
                    + msisdn
                    + "\",\"email\":\""
                    + email
                    + "\"}");
    assertEquals(201, created.status(), created::toString);
  }

  /**
   * Types the query and searches. The box also searches by itself 350 ms after the last change; the
   * pause lets that request join PrimeFaces' queue first, so that the click waits for both answers.
   */
  private void search(String query) {
    browser.type("customers-form:query", query);
    pause(Duration.ofMillis(500));
    browser.click("customers-form:search");
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<WebElement> rows() {
    return browser
        .driver()
        .findElements(
            By.cssSelector(
                "[id='customers-form:customers_data'] > tr:not(.ui-datatable-empty-message)"));
  }

  private WebElement rowOf(String account) {
    return browser.until(
        d ->
            rows().stream()
                .filter(row -> row.getText().contains(account))
                .findFirst()
                .orElse(null));
  }

  private WebElement link(String account) {
    return rowOf(account).findElement(By.linkText(account));
  }

  /** Finds the customer and follows its link, as a staff member would. */
  private void open(String account) {
    search(account);
    link(account).click();
    browser.until(ExpectedConditions.textToBe(By.id("page-title"), "Customer " + account));
    browser.awaitIdle();
  }

  private String awaitFieldMessage(String inputId) {
    browser.until(d -> !browser.fieldMessage(inputId).isEmpty());
    return browser.fieldMessage(inputId);
  }

  private static JsonObject lock(String account, String factor) {
    return Api.admin().get(CUSTOMERS + "/" + account).json().getJsonArray("locks").stream()
        .map(JsonObject.class::cast)
        .filter(l -> l.getString("factor").equals(factor))
        .findFirst()
        .orElseThrow();
  }

  private static JsonArray attributeReads(String account) {
    return Api.admin()
        .get("/api/v1/admin/audit?action=customer.attributes.read&subject=customer:" + account)
        .jsonArray();
  }

  private static Optional<String> smsTo(String msisdn, String containing) {
    return Peers.smsc("GET", "/messages", null).getJsonArray("messages").stream()
        .map(JsonObject.class::cast)
        .filter(m -> m.getBoolean("complete"))
        .filter(
            m -> m.getString("to").replaceFirst("^\\+", "").equals(msisdn.replaceFirst("^\\+", "")))
        .map(m -> m.getString("text"))
        .filter(text -> text.contains(containing))
        .findFirst();
  }
}
