package org.portcullis.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.portcullis.it.Api;
import org.portcullis.it.Fixtures;
import org.portcullis.it.Fixtures.TestCustomer;
import org.portcullis.it.Fixtures.TestSystem;
import org.portcullis.it.PatternFixtures;
import org.portcullis.it.PatternFixtures.PatternCustomer;

/**
 * What each staff role sees and may do: an auditor reads every page and changes nothing, not even
 * with a forged request; an operator manages customers but not systems, pattern tables or staff;
 * anyone changes their own password.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleRolesIT extends ConsoleTest {

  /** The first words of buttons that change something; none may show where a role may not. */
  private static final List<String> CHANGE_BUTTONS =
      List.of(
          "New",
          "Register",
          "Lock",
          "Unlock",
          "Acknowledge",
          "Retry",
          "Rotate",
          "Disable",
          "Enable",
          "Edit",
          "Retire",
          "Save",
          "Set",
          "Send",
          "Revoke",
          "Add",
          "Roles",
          "Create",
          "Reset");

  /** The texts of the buttons a staff member can see now. */
  private List<String> visibleButtons() {
    return browser.driver().findElements(By.cssSelector("button, a.ui-button")).stream()
        .filter(WebElement::isDisplayed)
        .map(button -> button.getText().trim())
        .filter(text -> !text.isEmpty())
        .collect(Collectors.toList());
  }

  /** Asserts that no button on the page changes anything. */
  private void assertNoChangeButtons(String page) {
    List<String> buttons = visibleButtons();
    List<String> changes =
        buttons.stream()
            .filter(text -> CHANGE_BUTTONS.stream().anyMatch(text::startsWith))
            .collect(Collectors.toList());
    assertTrue(
        changes.isEmpty(), () -> page + " shows " + changes + " (all buttons " + buttons + ")");
  }

  private void openCustomer(String account) {
    browser.navigate("Customers");
    browser.type("customers-form:query", account);
    browser.click("customers-form:search");
    browser.clickLink(account);
    assertTrue(browser.text("page-title").contains(account), () -> browser.text("page-title"));
  }

  private void openSystem(String systemId) {
    browser.navigate("Relying systems");
    browser.type("list:search", systemId);
    browser.clickLink(systemId);
  }

  private static JsonObject lock(String account, String factor) {
    Api.Reply customer = Api.admin().get("/api/v1/admin/customers/" + account);
    assertEquals(200, customer.status(), customer::toString);
    return customer.json().getJsonArray("locks").getValuesAs(JsonObject.class).stream()
        .filter(lock -> factor.equals(lock.getString("factor")))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Sends what a click on a button would send, for a button the page did not render: either the
   * page does not know the button at all, or its action refuses (the forbidden page).
   */
  private void forgeClick(String formId, String buttonId) {
    browser.script(
        "PrimeFaces.ab({s:arguments[0],f:arguments[1],p:arguments[0],u:arguments[1]});",
        buttonId,
        formId);
    browser.awaitIdle();
  }

  @Test
  void anAuditorSeesEveryPageButNoChangeAndAForgedRequestChangesNothing() {
    TestCustomer customer = Fixtures.customer();
    TestSystem system = Fixtures.system("[\"VERIFIER\"]", "");
    // an open duress alert, which an operator could acknowledge
    PatternCustomer threatened = PatternFixtures.registered();
    TestSystem bank =
        Fixtures.system("[\"VERIFIER\"]", "\"pattern\":{\"duressLockAfter\":\"NEVER\"}");
    PatternFixtures.answerUnderDuress(threatened, bank);
    StaffAccounts.Account auditor = StaffAccounts.create("AUDITOR");

    signIn(auditor);
    assertNoChangeButtons("the dashboard");
    browser.navigate("Customers");
    assertNoChangeButtons("the customers page");
    openCustomer(customer.account());
    assertNoChangeButtons("the customer page");
    browser.screenshot("auditor-customer");

    // a forged click on a lock button the page left out: nothing happens
    forgeClick("factor-actions", "factor-actions:lock-PINPAD");
    assertTrue(browser.text("page-title").contains(customer.account()), "still the same page");
    JsonObject pinpad = lock(customer.account(), "PINPAD");
    assertFalse(pinpad.getBoolean("locked"), pinpad::toString);
    assertFalse(pinpad.getBoolean("hardLocked"), pinpad::toString);
    Api.Reply locks =
        Api.admin().get("/api/v1/admin/audit?action=lockout.*&subject=" + customer.account());
    assertEquals(200, locks.status(), locks::toString);
    assertEquals(0, locks.jsonArray().size(), locks::toString);

    browser.navigate("Duress alerts");
    assertTrue(
        browser.text("alerts-form:alerts").contains(threatened.account()),
        "the auditor sees the open alert");
    assertNoChangeButtons("the alerts page");
    // a forged click on an acknowledge button: the action itself refuses, and says so
    forgeClick("alerts-form", "alerts-form:alerts:0:acknowledge");
    assertTrue(browser.exists("forbidden-text"), "the console says the role does not allow it");
    Api.Reply open = Api.admin().get("/api/v1/admin/alerts");
    assertTrue(
        open.text().contains("\"account\":\"" + threatened.account() + "\""), open::toString);
    Api.Reply refused =
        Api.admin()
            .get(
                "/api/v1/admin/audit?action=console.forbidden&subject=acknowledge%20a%20duress%20alert");
    assertTrue(
        refused.jsonArray().stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                r ->
                    r.getString("actor").equals("staff:" + auditor.username())
                        && r.getString("outcome").equals("DENIED")),
        refused::toString);
    browser.click("back-to-console");

    browser.navigate("Relying systems");
    assertNoChangeButtons("the systems page");
    openSystem(system.systemId());
    assertNoChangeButtons("the system page");
    browser.navigate("Pattern tables");
    assertNoChangeButtons("the pattern tables page");
    browser.navigate("Outboxes");
    assertNoChangeButtons("the outboxes page");
    browser.navigate("Audit log");
    assertNoChangeButtons("the audit log");
    assertTrue(visibleButtons().contains("Export CSV"), "any role exports");
    browser.navigate("Staff");
    assertNoChangeButtons("the staff page");
    assertTrue(browser.text("staff-form:staff").contains(auditor.username()));
    assertTrue(browser.consoleErrors().isEmpty(), () -> browser.consoleErrors().toString());
  }

  @Test
  void anOperatorLocksACustomerFactorButChangesNoSystemTableOrStaff() {
    TestCustomer customer = Fixtures.customer();
    TestSystem system = Fixtures.system("[\"VERIFIER\"]", "");
    StaffAccounts.Account operator = StaffAccounts.create("OPERATOR");

    signIn(operator);
    openCustomer(customer.account());
    browser.click("factor-actions:lock-PINPAD");
    browser.confirm();
    assertTrue(
        browser.text("factor-actions:state-PINPAD").startsWith("Locked"),
        () -> browser.text("factor-actions:state-PINPAD"));
    JsonObject pinpad = lock(customer.account(), "PINPAD");
    assertTrue(pinpad.getBoolean("hardLocked"), pinpad::toString);
    assertFalse(lock(customer.account(), "PATTERN").getBoolean("locked"));

    browser.navigate("Relying systems");
    assertNoChangeButtons("the systems page");
    openSystem(system.systemId());
    assertNoChangeButtons("the system page");
    browser.navigate("Pattern tables");
    assertNoChangeButtons("the pattern tables page");
    browser.navigate("Staff");
    assertNoChangeButtons("the staff page");
    assertTrue(browser.consoleErrors().isEmpty(), () -> browser.consoleErrors().toString());
  }

  /** Clicks the button with this text in the row of the staff table that names {@code username}. */
  private void clickStaffButton(String username, String button) {
    WebElement row =
        browser.element("staff-form:staff").findElements(By.cssSelector("tbody > tr")).stream()
            .filter(r -> r.findElement(By.cssSelector("td")).getText().startsWith(username))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no staff row " + username));
    WebElement target = row.findElement(By.xpath(".//button[normalize-space(.)='" + button + "']"));
    // in the middle of the window, not under the sticky top bar
    browser.script("arguments[0].scrollIntoView({block: 'center'});", target);
    target.click();
    browser.awaitIdle();
  }

  private static JsonObject staff(String username) {
    Api.Reply account = Api.admin().get("/api/v1/admin/staff/" + username);
    assertEquals(200, account.status(), account::toString);
    return account.json();
  }

  @Test
  void anAdminManagesStaffAccountsButCannotDisableTheirOwn() {
    StaffAccounts.Account admin = StaffAccounts.create("ADMIN");
    String username = "clerk-" + StaffAccounts.nonce();
    String initial = "initial passphrase " + StaffAccounts.nonce();

    signIn(admin);
    browser.navigate("Staff");
    browser.click("staff-actions:new-staff");
    browser.type("new-staff-form:username", username);
    browser.type("new-staff-form:password", "too short");
    browser.type("new-staff-form:repeat", "too short");
    browser.click("new-staff-form:create");
    assertTrue(
        browser.fieldMessage("new-staff-form:password").contains("at least 12 characters"),
        () -> browser.fieldMessage("new-staff-form:password"));
    browser.type("new-staff-form:password", initial);
    browser.type("new-staff-form:repeat", initial + "!");
    browser.click("new-staff-form:create");
    assertEquals("The two passwords differ.", browser.fieldMessage("new-staff-form:repeat"));
    assertEquals(404, Api.admin().get("/api/v1/admin/staff/" + username).status());

    browser.type("new-staff-form:password", initial);
    browser.type("new-staff-form:repeat", initial);
    browser.click("new-staff-form:create");
    assertTrue(
        browser.messages().contains("Staff account " + username + " created"), browser::messages);
    assertEquals("[\"OPERATOR\"]", staff(username).getJsonArray("roles").toString());
    assertTrue(browser.text("staff-form:staff").contains(username));
    browser.screenshot("staff");

    // another role
    clickStaffButton(username, "Roles");
    browser
        .driver()
        .findElement(By.xpath("//*[@id='roles-form:roles']//label[normalize-space(.)='AUDITOR']"))
        .click();
    browser.click("roles-form:save-roles");
    assertTrue(browser.messages().contains("are now OPERATOR, AUDITOR"), browser::messages);
    assertTrue(staff(username).getJsonArray("roles").toString().contains("AUDITOR"));

    // a new password, then the account disabled
    String reset = "reset passphrase " + StaffAccounts.nonce();
    clickStaffButton(username, "Set password");
    browser.type("reset-form:password", reset);
    browser.type("reset-form:repeat", reset);
    browser.click("reset-form:save-password");
    assertTrue(
        browser.messages().contains("A new password is set for " + username), browser::messages);
    assertEquals(200, Api.basic(username, reset).get("/api/v1/admin/staff").status());
    assertEquals(401, Api.basic(username, initial).get("/api/v1/admin/staff").status());

    clickStaffButton(username, "Disable");
    browser.confirm();
    assertTrue(browser.messages().contains(username + " is disabled"), browser::messages);
    assertFalse(staff(username).getBoolean("enabled"));
    assertEquals(401, Api.basic(username, reset).get("/api/v1/admin/staff").status());

    // one's own account: refused, and said so
    clickStaffButton(admin.username(), "Disable");
    browser.confirm();
    assertTrue(
        browser.messages().contains("You cannot disable your own account"), browser::messages);
    assertTrue(staff(admin.username()).getBoolean("enabled"));
    assertTrue(browser.consoleErrors().isEmpty(), () -> browser.consoleErrors().toString());
  }

  @Test
  void staffChangeTheirOwnPasswordAndTheOldOneStopsWorking() {
    StaffAccounts.Account auditor = StaffAccounts.create("AUDITOR");
    String newPassword = "a brand new passphrase " + StaffAccounts.nonce();

    signIn(auditor);
    browser.click("userbar:change-password");
    assertEquals("Change password", browser.text("page-title"));
    browser.screenshot("password");

    browser.type("password-form:currentPassword", "not my password at all");
    browser.type("password-form:newPassword", newPassword);
    browser.type("password-form:repeat", newPassword);
    browser.click("password-form:change");
    assertEquals(
        "The current password is wrong", browser.fieldMessage("password-form:currentPassword"));

    browser.type("password-form:currentPassword", auditor.password());
    browser.type("password-form:newPassword", "short");
    browser.type("password-form:repeat", "short");
    browser.click("password-form:change");
    assertTrue(
        browser.fieldMessage("password-form:newPassword").contains("at least 12 characters"),
        () -> browser.fieldMessage("password-form:newPassword"));

    browser.type("password-form:currentPassword", auditor.password());
    browser.type("password-form:newPassword", newPassword);
    browser.type("password-form:repeat", newPassword + "x");
    browser.click("password-form:change");
    assertEquals("The two new passwords differ.", browser.fieldMessage("password-form:repeat"));
    assertEquals(
        200, Api.basic(auditor.username(), auditor.password()).get("/api/v1/admin/staff").status());

    browser.type("password-form:currentPassword", auditor.password());
    browser.type("password-form:newPassword", newPassword);
    browser.type("password-form:repeat", newPassword);
    browser.click("password-form:change");
    assertTrue(browser.messages().contains("Your password is changed"), browser::messages);

    browser.signOut();
    browser.signIn(auditor.username(), auditor.password());
    assertEquals(
        "Wrong username or password, or the account is locked or disabled.", browser.messages());
    browser.signIn(auditor.username(), newPassword);
    assertEquals(auditor.username(), browser.text("signed-in-as"));
    assertEquals(
        401, Api.basic(auditor.username(), auditor.password()).get("/api/v1/admin/staff").status());
    assertEquals(
        200, Api.basic(auditor.username(), newPassword).get("/api/v1/admin/staff").status());
  }
}
