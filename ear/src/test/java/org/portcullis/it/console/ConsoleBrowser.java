package org.portcullis.it.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.portcullis.it.Api;

/**
 * A staff member's browser: headless Debian Chromium driven through Debian's chromedriver, against
 * the server under test ({@link Api#BASE}). One per test class; {@link #close()} ends it.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages {@code
 * chromium} and {@code chromium-driver}); without them every test fails, none is skipped. Nothing
 * is downloaded: Selenium Manager is bypassed by naming both programs.
 *
 * <p>Element ids are the pages' own: a PrimeFaces input {@code username} in form {@code login} is
 * {@code login:username}. Screenshots go to {@code target/screenshots/<server>/}.
 */
public final class ConsoleBrowser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration PAGE_LIMIT = Duration.ofSeconds(30);
  private static final Path SCREENSHOTS =
      Path.of("target", "screenshots", System.getProperty("arquillian.launch", "server"));

  /**
   * Debian's Chromium is newer than the DevTools bindings Selenium ships, which Selenium reports on
   * every start; these tests never use DevTools. Held here so the settings are not collected.
   */
  private static final List<Logger> QUIET =
      List.of(
          quiet("org.openqa.selenium.devtools.CdpVersionFinder"),
          quiet("org.openqa.selenium.chromium.ChromiumDriver"));

  private final Path profile;
  private final Path downloads;
  private final ChromeDriver driver;
  private final WebDriverWait wait;

  /**
   * A fresh headless Chromium with its own temporary profile, which saves downloads into the
   * profile's {@code downloads} folder without asking (see {@link #awaitDownload}).
   */
  public ConsoleBrowser() {
    assertTrue(
        Files.isExecutable(CHROMIUM),
        CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium)");
    assertTrue(
        Files.isExecutable(CHROMEDRIVER),
        CHROMEDRIVER + " is missing: install Debian's chromium-driver");
    System.setProperty("SE_AVOID_STATS", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("webdriver.remote.enableTracing", "false");
    try {
      profile = Files.createTempDirectory("portcullis-console-browser-");
      downloads = Files.createDirectories(profile.resolve("downloads"));
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--renderer-process-limit=2",
        "--user-data-dir=" + profile.resolve("chromium"),
        "--window-size=1360,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory", downloads.toAbsolutePath().toString(),
            "download.prompt_for_download", false,
            "safebrowsing.enabled", false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, PAGE_LIMIT);
    // headless Chromium honours the profile preference only in some versions; this always works
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.<String, Object>of(
            "behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Waits, as long as a page may take, until {@code condition} gives something other than null or
   * false, and returns it; a {@link org.openqa.selenium.TimeoutException} otherwise.
   */
  public <T> T until(java.util.function.Function<? super WebDriver, T> condition) {
    return wait.until(condition);
  }

  /** Opens a console path, e.g. {@code /console/login.xhtml}. */
  public ConsoleBrowser open(String path) {
    driver.get(Api.BASE + path);
    awaitIdle();
    return this;
  }

  /** Signs in through the form and waits for the dashboard (or the page asked for before). */
  public ConsoleBrowser signIn(String username, String password) {
    open("/console/login.xhtml");
    type("login:username", username);
    type("login:password", password);
    click("login:sign-in");
    return this;
  }

  public ConsoleBrowser signInAsAdmin() {
    signIn("admin", Api.ADMIN_PASSWORD);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    return this;
  }

  /** Signs out with the top bar's button and waits for the sign-in page. */
  public ConsoleBrowser signOut() {
    click("userbar:sign-out");
    wait.until(ExpectedConditions.urlContains("/console/login.xhtml"));
    return this;
  }

  /** Follows the navigation entry with this label, as a staff member would. */
  public ConsoleBrowser navigate(String label) {
    WebElement link =
        driver.findElements(By.cssSelector("nav.sidebar a.nav-link")).stream()
            .filter(a -> a.getText().trim().startsWith(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no navigation entry " + label));
    link.click();
    wait.until(ExpectedConditions.textToBe(By.id("page-title"), label));
    awaitIdle();
    return this;
  }

  public WebElement element(String id) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }

  public boolean exists(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  public String text(String id) {
    return element(id).getText().trim();
  }

  /** Replaces the input's value; for a PrimeFaces password or spinner the id of its input. */
  public ConsoleBrowser type(String id, String text) {
    WebElement input = element(id);
    if (!"input".equals(input.getTagName()) && !"textarea".equals(input.getTagName())) {
      input = input.findElement(By.tagName("input"));
    }
    input.clear();
    input.sendKeys(text);
    return this;
  }

  /** Clicks and waits until PrimeFaces' ajax queue is empty and the page has loaded. */
  public ConsoleBrowser click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    awaitIdle();
    return this;
  }

  /**
   * Follows the link with this text once it is clickable. A table that searches as one types may
   * render again under the pointer (a debounced search landing after the click on Search), so a
   * link gone stale is looked for again, as a person would click the new one.
   */
  public ConsoleBrowser clickLink(String text) {
    for (int attempt = 1; ; attempt++) {
      try {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(text))).click();
        awaitIdle();
        return this;
      } catch (org.openqa.selenium.StaleElementReferenceException renderedAgain) {
        if (attempt == 5) {
          throw renderedAgain;
        }
        awaitIdle();
      }
    }
  }

  /**
   * Answers the open confirmation dialog ({@code p:confirmDialog global}) with "Yes", as a person
   * does: once it has faded in. A click during the fade hides the dialog, and jQuery UI's fade then
   * puts back the style it saved when it began, so the dialog would stay open over the page.
   */
  public ConsoleBrowser confirm() {
    WebElement yes =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")));
    wait.until(
        d ->
            Boolean.TRUE.equals(
                script("return !window.jQuery || !jQuery('.ui-confirm-dialog').is(':animated');")));
    yes.click();
    awaitIdle();
    return this;
  }

  /** Chooses an option of a PrimeFaces select one menu by its label. */
  public ConsoleBrowser select(String id, String label) {
    By option =
        By.cssSelector(
            "[id='" + id + "_items'] li[data-label='" + label.replace("'", "\\'") + "']");
    // the menu's panel opens with an animation: as a person does, the option is picked once the
    // panel stands still (a click while it moves is lost, or trips PrimeFaces' own script), and
    // the choice is still checked on the menu's label and made again if it did not take
    for (int attempt = 1; ; attempt++) {
      element(id).click();
      wait.until(ExpectedConditions.elementToBeClickable(option));
      awaitStill();
      driver.findElement(option).click();
      awaitStill();
      awaitIdle();
      String shown = element(id + "_label").getText().trim();
      if (shown.equals(label) || attempt == 3) {
        if (!shown.equals(label)) {
          throw new AssertionError(id + " shows \"" + shown + "\" instead of \"" + label + "\"");
        }
        return this;
      }
    }
  }

  /** The global messages shown at the top of the page (and the sign-in page's), joined. */
  public String messages() {
    return driver.findElements(By.cssSelector(".ui-messages li, .ui-growl-message")).stream()
        .map(WebElement::getText)
        .collect(Collectors.joining(" | "));
  }

  /** The message shown beside a field ({@code p:message for=}), or "" when there is none. */
  public String fieldMessage(String inputId) {
    return driver
        .findElements(
            By.cssSelector("[id='" + inputId + "_message'], [id='" + inputId + "-message']"))
        .stream()
        .map(WebElement::getText)
        .collect(Collectors.joining(" "))
        .trim();
  }

  public Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  /** Waits for the document, PrimeFaces' ajax queue and jQuery to settle. */
  /**
   * Waits until nothing moves: no PrimeFaces CSS transition (an overlay panel opening or closing)
   * and no jQuery animation (a dialog fading).
   */
  public void awaitStill() {
    wait.until(
        d ->
            Boolean.TRUE.equals(
                script(
                    "return (!window.PrimeFaces || !PrimeFaces.animationActive)"
                        + " && (!window.jQuery || jQuery(':animated').length === 0);")));
  }

  public void awaitIdle() {
    wait.until(
        d ->
            Boolean.TRUE.equals(
                script(
                    "return document.readyState === 'complete'"
                        + " && (!window.PrimeFaces || !PrimeFaces.ajax"
                        + "     || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (!window.jQuery || jQuery.active === 0);")));
  }

  /**
   * The first complete file in the download directory whose name ends with {@code suffix}, once
   * there is one (Chromium writes {@code .crdownload} until the download ends).
   */
  public Path awaitDownload(String suffix) {
    return wait.until(
        d -> {
          try (var files = Files.list(downloads)) {
            return files
                .filter(f -> f.getFileName().toString().endsWith(suffix))
                .findFirst()
                .orElse(null);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Saves a screenshot of the whole window as {@code <name>.png}. */
  public Path screenshot(String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    try {
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          file,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Browser console errors since the page loaded: a Content-Security-Policy refusal, a 500. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary profile left behind is harmless
    }
  }

  /**
   * Saves a screenshot named after a failed test ({@code FAILED-<Class>-<method>.png}), so that a
   * failure can be looked at. Register it with {@code @RegisterExtension} beside the browser field.
   */
  public static final class ScreenshotOnFailure implements AfterTestExecutionCallback {

    private final Supplier<ConsoleBrowser> browser;

    public ScreenshotOnFailure(Supplier<ConsoleBrowser> browser) {
      this.browser = browser;
    }

    /** Runs before {@code @AfterEach}, while the browser still shows the failed page. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
      ConsoleBrowser current = browser.get();
      Throwable cause = context.getExecutionException().orElse(null);
      if (current != null && cause != null) {
        try {
          current.screenshot(
              "FAILED-"
                  + context.getRequiredTestClass().getSimpleName()
                  + "-"
                  + context.getRequiredTestMethod().getName());
        } catch (RuntimeException e) {
          cause.addSuppressed(e);
        }
      }
    }
  }

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.OFF);
    return logger;
  }
}
