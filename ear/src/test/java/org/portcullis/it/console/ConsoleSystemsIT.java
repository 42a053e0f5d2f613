package org.portcullis.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

/**
 * Relying systems in the console: registering one (its secret shown once), a refused registration,
 * changing a system's policies, rotating its secret, disabling it, and its function codes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSystemsIT extends ConsoleTest {

  private static final String SYSTEMS = "/api/v1/admin/systems";
  private static final String PIN_PAD_SESSIONS = "/api/v1/pinpad/sessions";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void registeringASystemShowsItsIdAndSecretOnceAndTheSecretWorks() {
    String name = "Console bank " + RANDOM.nextInt(1_000_000);
    browser.signInAsAdmin().navigate("Relying systems");
    browser.screenshot("systems");

    openRegisterDialog();
    browser.type("register:name", name);
    tick("register:roles", "Verifier");
    tick("register:roles", "Confirmer");
    browser.type("register:gridTtl", "3 min");
    addChip("register:attributeAllowance", "email");
    browser.click("register:save");

    String systemId = browser.text("registered-system-id");
    String secret = browser.text("registered-secret");
    assertTrue(systemId.matches("[0-9]{8}"), systemId);
    assertTrue(secret.length() >= 40, "a 256-bit secret, URL-safe: " + secret);
    assertTrue(browser.text("registered-warning").contains("shown once"));
    assertTrue(browser.messages().contains("Registered " + name), browser.messages());
    browser.screenshot("system-registered");
    assertTrue(browser.consoleErrors().isEmpty(), () -> browser.consoleErrors().toString());
    findInTable(systemId);
    assertTrue(browser.exists("registered-secret"), "searching the table keeps the secret shown");

    // what was registered, through the API
    JsonObject system = Api.admin().get(SYSTEMS + "/" + systemId).json();
    assertEquals(name, system.getString("name"));
    assertEquals(List.of("CONFIRMER", "VERIFIER"), sorted(system.getJsonArray("roles")));
    assertEquals(List.of("email"), strings(system.getJsonArray("attributeAllowance")));
    assertEquals("PT3M", system.getJsonObject("pattern").getString("gridTtl"));
    assertEquals("PT15M", system.getJsonObject("pattern").getString("duressLockAfter"));
    assertEquals("STANDARD", system.getJsonObject("pinpad").getString("algorithm"));
    assertTrue(system.getBoolean("enabled"));

    // the secret is the system's
    Api.Reply pad = Api.basic(systemId, secret).post(PIN_PAD_SESSIONS, "{\"account\":\"x\"}");
    assertEquals(201, pad.status(), pad::toString);

    // and never shown again
    browser.driver().navigate().refresh();
    browser.awaitIdle();
    assertEquals("Relying systems", browser.text("page-title"));
    assertFalse(browser.exists("registered-secret"));
    assertFalse(browser.driver().getPageSource().contains(secret));
    browser.navigate("Dashboard").navigate("Relying systems");
    assertFalse(browser.exists("registered-secret"));
    assertFalse(browser.driver().getPageSource().contains(secret));
  }

  @Test
  void aRefusedRegistrationNamesTheFieldsAndCreatesNothing() {
    String name = "Console refused " + RANDOM.nextInt(1_000_000);
    int before = Api.admin().get(SYSTEMS).jsonArray().size();
    browser.signInAsAdmin().navigate("Relying systems");

    openRegisterDialog();
    browser.click("register:save");
    assertEquals("Give the system a name.", browser.fieldMessage("register:name"));
    assertEquals("Choose at least one role.", browser.fieldMessage("register:roles"));

    // the form passes, the pattern policy does not
    browser.type("register:name", name);
    tick("register:roles", "Verifier");
    browser.type("register:gridTtl", "20 min");
    browser.click("register:save");
    assertEquals("", browser.fieldMessage("register:name"));
    assertTrue(
        browser.fieldMessage("register:gridTtl").contains("between PT30S and PT10M"),
        browser.fieldMessage("register:gridTtl"));
    assertEquals(
        "20 min",
        browser.element("register:gridTtl").getAttribute("value"),
        "the refused value stays for correcting");
    browser.type("register:gridTtl", "five minutes");
    browser.click("register:save");
    assertTrue(
        browser.fieldMessage("register:gridTtl").contains("Enter a duration"),
        browser.fieldMessage("register:gridTtl"));
    assertFalse(browser.exists("registered-secret"));
    browser.screenshot("system-register-refused");

    JsonArray after = Api.admin().get(SYSTEMS).jsonArray();
    assertEquals(before, after.size(), "nothing was registered");
    assertTrue(
        after.stream().noneMatch(s -> s.asJsonObject().getString("name").equals(name)),
        "no system by that name");
  }

  @Test
  void anAdminChangesTheSystemsPoliciesOnItsPage() {
    Fixtures.TestSystem created = Fixtures.system("[\"VERIFIER\"]", "");
    browser.signInAsAdmin().navigate("Relying systems");
    openSystem(created.systemId());
    assertEquals(created.systemId(), browser.text("system-id"));
    assertEquals("Enabled", browser.text("system-state"));
    browser.screenshot("system");

    // a value the PIN pad policy refuses is named beside its input, and nothing changes
    browser.type("system:pinpadTtl", "20 min");
    browser.click("system:save");
    assertTrue(
        browser.fieldMessage("system:pinpadTtl").contains("between PT30S and PT10M"),
        browser.fieldMessage("system:pinpadTtl"));
    assertEquals("20 min", browser.element("system:pinpadTtl").getAttribute("value"));
    assertEquals(
        "PT2M",
        Api.admin()
            .get(SYSTEMS + "/" + created.systemId())
            .json()
            .getJsonObject("pinpad")
            .getString("ttl"));

    browser.type("system:pinpadTtl", "90 s");
    tick("system:algorithm", "Reverse");
    tick("system:layout", "Calculator (7 8 9 on top)");
    browser.type("system:gridTtl", "3 min");
    browser.type("system:pairwiseIdLength", "12");
    tickBox("system:duressNever");
    tickBox("system:tempIdsEnabled");
    browser.type("system:tempIdMaxUses", "5");
    tick("system:roles", "Sender");
    browser.click("system:save");
    assertTrue(browser.messages().contains("Saved."), browser.messages());
    assertEquals("", browser.fieldMessage("system:pinpadTtl"));
    assertEquals("Verifier, Sender", browser.text("system-roles"));

    JsonObject system = Api.admin().get(SYSTEMS + "/" + created.systemId()).json();
    JsonObject pinpad = system.getJsonObject("pinpad");
    JsonObject pattern = system.getJsonObject("pattern");
    assertEquals("REVERSE", pinpad.getString("algorithm"));
    assertEquals("CALCULATOR", pinpad.getString("layout"));
    assertEquals("PT1M30S", pinpad.getString("ttl"));
    assertEquals("PT3M", pattern.getString("gridTtl"));
    assertEquals(12, pattern.getInt("pairwiseIdLength"));
    assertEquals("NEVER", pattern.getString("duressLockAfter"));
    assertTrue(pattern.getJsonObject("tempIds").getBoolean("enabled"));
    assertEquals(5, pattern.getJsonObject("tempIds").getInt("maxUses"));
    assertEquals(List.of("SENDER", "VERIFIER"), sorted(system.getJsonArray("roles")));
  }

  @Test
  void rotatingTheSecretShowsTheNewOneOnceAndDisablingShutsTheSystemOut() {
    Fixtures.TestSystem created = Fixtures.system("[\"VERIFIER\"]", "");
    browser.signInAsAdmin().navigate("Relying systems");
    openSystem(created.systemId());

    browser.click("actions:rotate").confirm();
    String rotated = browser.text("rotated-secret");
    assertNotEquals(created.secret(), rotated);
    assertTrue(browser.text("rotated-warning").contains("shown once"));
    assertEquals(401, padFor(created.systemId(), created.secret()), "the old secret is dead");
    assertEquals(201, padFor(created.systemId(), rotated), "the new secret works");
    browser.driver().navigate().refresh();
    browser.awaitIdle();
    assertFalse(browser.exists("rotated-secret"), "the new secret is not shown again");
    assertFalse(browser.driver().getPageSource().contains(rotated));

    browser.click("actions:disable").confirm();
    assertEquals("Disabled", browser.text("system-state"));
    assertTrue(browser.exists("actions:enable"));
    assertEquals(401, padFor(created.systemId(), rotated), "a disabled system is refused");
    assertFalse(Api.admin().get(SYSTEMS + "/" + created.systemId()).json().getBoolean("enabled"));

    browser.click("actions:enable").confirm();
    assertEquals("Enabled", browser.text("system-state"));
    assertEquals(201, padFor(created.systemId(), rotated), "enabled again, same secret");
    assertTrue(Api.admin().get(SYSTEMS + "/" + created.systemId()).json().getBoolean("enabled"));
  }

  @Test
  void functionCodesAreEditedAsATableAndABadTableChangesNothing() {
    Fixtures.TestSystem created = Fixtures.system("[\"VERIFIER\"]", "");
    String codesPath = SYSTEMS + "/" + created.systemId() + "/function-codes";
    browser.signInAsAdmin().navigate("Relying systems");
    openSystem(created.systemId());
    browser.click("actions:function-codes-link");
    browser.until(ExpectedConditions.textToBe(By.id("page-title"), "Function codes"));
    browser.awaitIdle();
    assertEquals("1", browser.element("codes-form:positions").getAttribute("value"));
    assertTrue(browser.text("example").contains("06952"), browser.text("example"));
    browser.screenshot("function-codes");

    // a custom code in a new row
    browser.click("codes-form:add");
    browser.type("codes-form:codes:4:code", "5");
    browser.type("codes-form:codes:4:function", "CALL_BACK");
    browser.click("codes-form:save");
    assertTrue(browser.messages().contains("Saved the function codes."), browser.messages());
    Map<String, String> saved = codes(Api.admin().get(codesPath).json());
    assertEquals(
        Map.of("0", "PRACTICE", "1", "READ_ONLY", "2", "DURESS", "5", "CALL_BACK", "9", "DUMMY"),
        saved);

    // a code of the wrong length is refused beside the table
    browser.click("codes-form:add");
    browser.type("codes-form:codes:5:code", "55");
    browser.type("codes-form:codes:5:function", "TOO_LONG");
    browser.click("codes-form:save");
    assertTrue(
        browser.fieldMessage("codes-form:codes").contains("1 digit"),
        browser.fieldMessage("codes-form:codes"));
    browser.screenshot("function-codes-refused");
    // a code listed twice too
    browser.type("codes-form:codes:5:code", "5");
    browser.click("codes-form:save");
    assertTrue(
        browser.fieldMessage("codes-form:codes").contains("listed twice"),
        browser.fieldMessage("codes-form:codes"));
    // and positions that are no numbers
    browser.type("codes-form:positions", "1, x");
    browser.click("codes-form:save");
    assertTrue(
        browser.fieldMessage("codes-form:positions").contains("numbers separated by commas"),
        browser.fieldMessage("codes-form:positions"));
    JsonObject unchanged = Api.admin().get(codesPath).json();
    assertEquals(saved, codes(unchanged));
    assertEquals(List.of(1), unchanged.getJsonArray("positions").getValuesAs(JsonNumber::intValue));

    browser.click("codes-form:reset").confirm();
    assertTrue(browser.messages().contains("default function codes"), browser.messages());
    assertEquals(
        Map.of("0", "PRACTICE", "1", "READ_ONLY", "2", "DURESS", "9", "DUMMY"),
        codes(Api.admin().get(codesPath).json()));
  }

  @Test
  void anOperatorSeesEverythingAndChangesNothing() {
    Fixtures.TestSystem created = Fixtures.system("[\"VERIFIER\"]", "");
    String operator = "sysop" + RANDOM.nextInt(1_000_000);
    String password = "operator password " + RANDOM.nextInt(1_000_000);
    Api.Reply staff =
        Api.admin()
            .post(
                "/api/v1/admin/staff",
                "{\"username\":\""
                    + operator
                    + "\",\"roles\":[\"OPERATOR\"],\"password\":\""
                    + password
                    + "\"}");
    assertEquals(201, staff.status(), staff::toString);
    browser.signIn(operator, password);
    browser.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    browser.navigate("Relying systems");
    assertFalse(browser.exists("systems-actions:register-system"));

    openSystem(created.systemId());
    assertFalse(browser.element("system:name").isEnabled(), "the settings are read-only");
    assertFalse(browser.element("system:pinpadTtl").isEnabled());
    assertFalse(browser.exists("system:save"));
    assertFalse(browser.exists("actions:rotate"));
    assertFalse(browser.exists("actions:disable"));
    assertTrue(browser.text("content-read-only").contains("Only admins"));

    browser.click("actions:function-codes-link");
    browser.until(ExpectedConditions.textToBe(By.id("page-title"), "Function codes"));
    assertTrue(browser.text("codes-read-only").contains("Only admins"));
    assertFalse(browser.element("codes-form:positions").isEnabled());
    assertFalse(browser.element("codes-form:codes:0:code").isEnabled());
    assertFalse(browser.exists("codes-form:save"));
    assertFalse(browser.exists("codes-form:add"));
    assertFalse(browser.exists("codes-form:reset"));
    assertTrue(browser.consoleErrors().isEmpty(), () -> browser.consoleErrors().toString());
  }

  private void openRegisterDialog() {
    browser.click("systems-actions:register-system");
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("register:name")));
  }

  /** Searches the table for the system until it is the one row left. */
  private void findInTable(String systemId) {
    browser.type("list:search", systemId);
    browser.until(
        d ->
            d.findElements(By.cssSelector("[id='list:systems_data'] tr")).size() == 1
                && !d.findElements(By.linkText(systemId)).isEmpty());
    browser.awaitIdle();
  }

  /** Finds the system with the search field and opens its page from the table. */
  private void openSystem(String systemId) {
    findInTable(systemId);
    browser.driver().findElement(By.linkText(systemId)).click();
    browser.until(ExpectedConditions.textToBe(By.id("system-id"), systemId));
    browser.awaitIdle();
  }

  /** Ticks the option with this label of a PrimeFaces select-many checkbox or radio group. */
  private void tick(String id, String label) {
    WebElement option =
        browser.element(id).findElements(By.tagName("label")).stream()
            .filter(l -> l.getText().trim().equals(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no option " + label + " in " + id));
    clickInView(option);
  }

  /** Ticks a PrimeFaces boolean checkbox (its box, as a person clicks it). */
  private void tickBox(String id) {
    clickInView(browser.element(id).findElement(By.cssSelector(".ui-chkbox-box")));
    browser.awaitIdle();
  }

  /** Clicks in the middle of the window, where the console's sticky top bar cannot cover it. */
  private void clickInView(WebElement element) {
    browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private void addChip(String id, String text) {
    browser.element(id + "_input").sendKeys(text, Keys.ENTER);
  }

  private static int padFor(String systemId, String secret) {
    return Api.basic(systemId, secret).post(PIN_PAD_SESSIONS, "{\"account\":\"x\"}").status();
  }

  private static Map<String, String> codes(JsonObject table) {
    return table.getJsonObject("codes").entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> ((JsonString) e.getValue()).getString()));
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString::getString);
  }

  private static List<String> sorted(JsonArray array) {
    return strings(array).stream().sorted().toList();
  }
}
