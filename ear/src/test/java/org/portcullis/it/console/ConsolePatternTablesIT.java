package org.portcullis.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.portcullis.it.Api;
import org.portcullis.it.Fixtures;

/** The pattern tables page: the strength rule as the admin types, create, retire, tables in use. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsolePatternTablesIT extends ConsoleTest {

  private static final String TABLES = "/api/v1/admin/pattern-tables";

  @Test
  void aWeakTableShowsBothNumbersAsTypedAndIsRefusedThenAStrongOneIsCreated() {
    String name = "Console tiny " + System.nanoTime();
    browser.signInAsAdmin().navigate("Pattern tables");
    browser.screenshot("pattern-tables");

    openNewTableDialog();
    browser.type("table-form:name", name);
    typeNumber("table-form:rows", "2");
    typeNumber("table-form:cols", "2");
    typeNumber("table-form:minLength", "4");
    awaitStrength("24", "10,000");
    assertEquals("Too weak", browser.text("table-form:verdict"));

    browser.click("table-form:save");
    String refusal = awaitFieldMessage("table-form:minLength");
    assertTrue(refusal.contains("24") && refusal.contains("10000"), refusal);
    assertTrue(dialogOpen(), "the dialog stays open to fix the numbers");
    browser.screenshot("pattern-table-too-weak");
    assertTrue(table(name).isEmpty(), "nothing created");

    typeNumber("table-form:rows", "5");
    typeNumber("table-form:cols", "5");
    typeNumber("table-form:minLength", "5");
    awaitStrength("6,375,600", "100,000");
    assertEquals("Passes", browser.text("table-form:verdict"));
    browser.click("table-form:save");
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("table-form:name")));

    assertTrue(browser.messages().contains("Created pattern table " + name), browser.messages());
    assertTrue(rowOf(name).getText().contains("5 × 5"), rowOf(name).getText());
    JsonObject created = table(name).orElseThrow(() -> new AssertionError("not created"));
    assertEquals(5, created.getInt("rows"));
    assertEquals(5, created.getInt("cols"));
    assertEquals(5, created.getInt("minLength"));
    assertFalse(created.getBoolean("retired"));
    assertTrue(browser.consoleErrors().isEmpty(), () -> browser.consoleErrors().toString());
  }

  @Test
  void aTableIsEditedAndRetiredAfterConfirmation() {
    long id = createTable("Console edit " + System.nanoTime(), 4, 5, 5);
    String name = Api.admin().get(TABLES + "/" + id).json().getString("name");
    browser.signInAsAdmin().navigate("Pattern tables");

    clickInRow(name, "Edit");
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("table-form:name")));
    typeNumber("table-form:minLength", "6");
    awaitStrength("27,907,200", "1,000,000");
    browser.click("table-form:save");
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("table-form:name")));
    assertEquals(6, Api.admin().get(TABLES + "/" + id).json().getInt("minLength"));

    clickInRow(name, "Retire");
    browser.confirm();
    assertTrue(browser.messages().contains("Retired pattern table " + name), browser.messages());
    assertTrue(rowOf(name).getText().contains("Retired"), rowOf(name).getText());
    assertTrue(Api.admin().get(TABLES + "/" + id).json().getBoolean("retired"));
  }

  @Test
  void theShapeOfATableInUseCannotChange() {
    long id = createTable("Console in use " + System.nanoTime(), 4, 4, 4);
    String name = Api.admin().get(TABLES + "/" + id).json().getString("name");
    Fixtures.TestCustomer customer = Fixtures.customer();
    Api.Reply started =
        Api.admin()
            .post(
                "/api/v1/admin/customers/" + customer.account() + "/pattern-registration",
                "{\"tableId\":" + id + "}");
    assertEquals(201, started.status(), started::toString);
    browser.signInAsAdmin().navigate("Pattern tables");

    clickInRow(name, "Edit");
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("table-form:name")));
    typeNumber("table-form:rows", "5");
    awaitStrength("116,280", "10,000");
    browser.click("table-form:save");
    String refusal = awaitFieldMessage("table-form:rows");
    assertTrue(refusal.contains("rows and columns cannot change"), refusal);
    JsonObject table = Api.admin().get(TABLES + "/" + id).json();
    assertEquals(4, table.getInt("rows"), "unchanged");
  }

  /**
   * Replaces a spinner's number as a person does, selecting what is there and typing over it: the
   * spinner puts its last value back when a script empties the box ({@code clear()}).
   */
  private void typeNumber(String spinnerId, String number) {
    WebElement input = browser.element(spinnerId + "_input");
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    input.sendKeys(number);
  }

  private void openNewTableDialog() {
    browser.click("page-actions:new-table");
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("table-form:name")));
  }

  /** The live numbers once the last keystroke's answer is in (every change sends one). */
  private void awaitStrength(String selections, String pins) {
    browser.until(ExpectedConditions.textToBe(By.id("table-form:selections"), selections));
    browser.until(ExpectedConditions.textToBe(By.id("table-form:pins"), pins));
    browser.awaitIdle();
  }

  private String awaitFieldMessage(String inputId) {
    browser.until(d -> !browser.fieldMessage(inputId).isEmpty());
    return browser.fieldMessage(inputId);
  }

  private boolean dialogOpen() {
    return browser.element("table-form:name").isDisplayed();
  }

  private WebElement rowOf(String name) {
    return browser.until(
        d ->
            d.findElements(By.cssSelector("[id='tables-form:tables_data'] > tr")).stream()
                .filter(row -> row.getText().contains(name))
                .findFirst()
                .orElse(null));
  }

  private void clickInRow(String name, String button) {
    rowOf(name)
        .findElement(By.xpath(".//button[.//span[normalize-space(text())='" + button + "']]"))
        .click();
    browser.awaitIdle();
  }

  private static long createTable(String name, int rows, int cols, int minLength) {
    Api.Reply created =
        Api.admin()
            .post(
                TABLES,
                "{\"name\":\""
                    + name
                    + "\",\"rows\":"
                    + rows
                    + ",\"cols\":"
                    + cols
                    + ",\"minLength\":"
                    + minLength
                    + "}");
    assertEquals(201, created.status(), created::toString);
    return created.json().getJsonNumber("tableId").longValue();
  }

  private static Optional<JsonObject> table(String name) {
    return Api.admin().get(TABLES).jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(t -> t.getString("name").equals(name))
        .findFirst();
  }
}
