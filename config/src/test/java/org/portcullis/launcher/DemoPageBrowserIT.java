package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.launcher.LauncherProcesses.freePort;
import static org.portcullis.launcher.LauncherProcesses.randomToken;
import static org.portcullis.launcher.LauncherProcesses.tail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The PIN pad demo page in a real browser: {@code java -jar target/portcullis.jar} in demo mode,
 * headless Debian Chromium driven through Debian's chromedriver, and a customer who opens the link
 * from the banner, starts a pad and clicks their PIN. The server, not the test, says whether the
 * PIN was right.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages {@code
 * chromium} and {@code chromium-driver}); without them every test fails, none is skipped. Nothing
 * is downloaded: Selenium Manager is bypassed by naming both programs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPageBrowserIT {

  private static final Path JAR = LauncherProcesses.JAR;
  private static final Path OUTPUT = LauncherProcesses.OUTPUT;
  private static final Path SCREENSHOTS = JAR.resolveSibling("screenshots");
  private static final String LOG = "demo-page-browser.log";
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration PAGE_LIMIT = Duration.ofSeconds(20);

  /**
   * Debian's Chromium is newer than the DevTools bindings Selenium ships, which Selenium reports on
   * every start; this test never uses DevTools. Held here so the settings are not collected.
   */
  private static final List<Logger> QUIET =
      List.of(
          quiet("org.openqa.selenium.devtools.CdpVersionFinder"),
          quiet("org.openqa.selenium.chromium.ChromiumDriver"));

  private static final Pattern SYSTEM_ID = Pattern.compile("Relying system ID\\s+(\\d{8})\\s");
  private static final Pattern SECRET = Pattern.compile("System secret\\s+(\\S+)\\s");
  private static final Pattern ACCOUNT = Pattern.compile("Customer account\\s+(\\S+)\\s");
  private static final Pattern PIN = Pattern.compile("Customer PIN\\s+(\\d{4,10})\\s");
  private static final Pattern DEMO_LINK = Pattern.compile("Try the PIN pad\\s+(http\\S+)\\s");

  private Process launcher;
  private Thread killOnExit;
  private String base;
  private String demoLink;
  private String systemId;
  private String secret;
  private String account;
  private String pin;

  private ChromeDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  void startTheLauncher(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception {
    assertTrue(
        Files.isExecutable(CHROMIUM),
        CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium)");
    assertTrue(
        Files.isExecutable(CHROMEDRIVER),
        CHROMEDRIVER + " is missing: install Debian's chromium-driver");
    // Never let Selenium reach for the network (Selenium Manager, its statistics, tracing).
    System.setProperty("SE_AVOID_STATS", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("webdriver.remote.enableTracing", "false");

    int port = freePort();
    base = "http://127.0.0.1:" + port + "/";
    launcher =
        LauncherProcesses.start(
            LOG,
            List.of(
                "--port",
                Integer.toString(port),
                "--data",
                data.toString(),
                "--admin-password",
                randomToken(),
                "--demo"),
            Map.of());
    Process started = launcher;
    killOnExit = new Thread(started::destroyForcibly, "kill-portcullis-launcher");
    Runtime.getRuntime().addShutdownHook(killOnExit);

    String banner = awaitBanner();
    systemId = group(SYSTEM_ID, banner);
    secret = group(SECRET, banner);
    account = group(ACCOUNT, banner);
    pin = group(PIN, banner);
    demoLink = group(DEMO_LINK, banner);
    assertTrue(demoLink.startsWith(base + "demo/pinpad.html#"), demoLink);
  }

  @AfterAll
  void stopTheLauncher() throws InterruptedException {
    LauncherProcesses.kill(launcher);
    if (killOnExit != null) {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    }
  }

  @BeforeEach
  void startTheBrowser(@TempDir Path profile) throws IOException {
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
        "--user-data-dir=" + profile,
        "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(OUTPUT.resolve("chromedriver.log").toFile())
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, PAGE_LIMIT);
  }

  @AfterEach
  void stopTheBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void theBannerLinkFillsInTheCredentialsAndTakesTheSecretOutOfTheAddressBar() {
    driver.get(demoLink);

    assertEquals(systemId, value("system-id"));
    assertEquals(secret, value("secret"));
    assertEquals(account, value("account"));
    String address = driver.getCurrentUrl();
    assertEquals(base + "demo/pinpad.html", address);
    assertFalse(address.contains(secret), address);
    assertEquals("", script("return window.location.hash"));
    assertNoConsoleErrors();
  }

  @Test
  void thePadShowsTenServerDrawnKeysAndNoDigitsAsText() throws IOException {
    List<WebElement> keys = openPad();

    TreeSet<Integer> locations = new TreeSet<>();
    TreeSet<String> labels = new TreeSet<>();
    Pattern cellUrl =
        Pattern.compile(
            Pattern.quote(base) + "api/v1/pinpad/sessions/[A-Za-z0-9_-]+/cells/(\\d{1,2})\\.png");
    for (WebElement key : keys) {
      WebElement image = key.findElement(By.tagName("img"));
      Matcher src = cellUrl.matcher(image.getDomProperty("src"));
      assertTrue(src.matches(), image.getDomProperty("src"));
      locations.add(Integer.parseInt(src.group(1)));
      assertEquals("PIN pad key", image.getDomAttribute("alt"));
      labels.add(key.getDomAttribute("aria-label"));
    }
    assertEquals(new TreeSet<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)), locations);
    assertEquals(
        new TreeSet<>(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
        labels,
        "text mode is on for the demo system, so every key names its digit for screen readers");
    for (Object size :
        (List<?>)
            script(
                "return Array.from(document.querySelectorAll('#pad .pad-key img'))"
                    + ".map(i => i.naturalWidth + 'x' + i.naturalHeight)")) {
      assertFalse(String.valueOf(size).startsWith("0x"), "a key image did not load: " + size);
    }
    assertFalse(
        driver.findElement(By.id("error")).isDisplayed(),
        driver.findElement(By.id("error")).getText());

    WebElement textMode = driver.findElement(By.id("text-mode"));
    assertTrue(driver.findElement(By.id("text-mode-row")).isDisplayed());
    assertFalse(textMode.isSelected());
    assertTrue(
        renderedDigitSizes().stream().allMatch(size -> size[0] <= 1 && size[1] <= 1),
        "a digit is visible as text although text mode is off: " + sizes());
    screenshot("pinpad-open.png");

    textMode.click(); // the control: text mode really does show the digits
    assertTrue(
        renderedDigitSizes().stream().allMatch(size -> size[0] > 1 && size[1] > 1),
        "text mode does not show the digits: " + sizes());
    assertNoConsoleErrors();
  }

  @Test
  void theRightPinIsVerifiedByTheServer() throws IOException {
    List<WebElement> keys = openPad();

    for (char digit : pin.toCharArray()) {
      key(keys, digit).click();
    }
    assertEquals("\u2022".repeat(pin.length()), text(By.cssSelector("#progress .dots")));
    submit();

    assertEquals("OK", text(By.id("result-answer-value")));
    assertEquals("Customer verified", text(By.id("result-title")));
    assertEquals("Verified: the PIN was right.", text(By.id("result-text")));
    assertTrue(classOf("result").contains("result--ok"), classOf("result"));
    assertFalse(driver.findElement(By.id("error")).isDisplayed());
    screenshot("pinpad-ok.png");
    assertNoConsoleErrors();
  }

  @Test
  void aWrongPinIsRefusedByTheServer() throws IOException {
    List<WebElement> keys = openPad();

    char wrong = (char) ('0' + (pin.charAt(0) - '0' + 1) % 10);
    key(keys, wrong).click();
    for (char digit : pin.substring(1).toCharArray()) {
      key(keys, digit).click();
    }
    submit();

    assertEquals("FAIL", text(By.id("result-answer-value")));
    assertEquals("Not verified", text(By.id("result-title")));
    assertTrue(classOf("result").contains("result--bad"), classOf("result"));
    screenshot("pinpad-fail.png");
    assertNoConsoleErrors();
  }

  /** Opens the banner's link, starts a pad and waits until all its key images have loaded. */
  private List<WebElement> openPad() {
    driver.get(demoLink);
    driver.findElement(By.id("start")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pad-card")));
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pad .pad-key"), 10));
    new WebDriverWait(driver, PAGE_LIMIT)
        .withMessage(() -> "the key images did not load: " + sizes())
        .until(
            d ->
                (Boolean)
                    script(
                        "const images = document.querySelectorAll('#pad .pad-key img');"
                            + " return images.length === 10"
                            + " && Array.from(images).every(i => i.complete && i.naturalWidth > 0)"));
    script("document.getElementById('pad-card').scrollIntoView({block: 'center'})");
    return driver.findElements(By.cssSelector("#pad .pad-key"));
  }

  private void submit() {
    WebElement submit = driver.findElement(By.id("submit"));
    assertTrue(submit.isEnabled(), "Submit is disabled after the PIN was entered");
    submit.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
    script("document.getElementById('result').scrollIntoView({block: 'center'})");
  }

  private static WebElement key(List<WebElement> keys, char digit) {
    return keys.stream()
        .filter(key -> String.valueOf(digit).equals(key.getDomAttribute("aria-label")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no key is labelled " + digit));
  }

  /** Width and height, in CSS pixels, of each key's digit as the browser lays it out. */
  private List<double[]> renderedDigitSizes() {
    List<double[]> sizes = new ArrayList<>();
    for (Object item :
        (List<?>)
            script(
                "return Array.from(document.querySelectorAll('#pad .pad-key .pad-digit')).map(d => {"
                    + " const r = d.getBoundingClientRect();"
                    + " const clipped = getComputedStyle(d).clipPath !== 'none';"
                    + " return clipped ? [0, 0] : [r.width, r.height]; })")) {
      List<?> pair = (List<?>) item;
      sizes.add(
          new double[] {
            ((Number) pair.get(0)).doubleValue(), ((Number) pair.get(1)).doubleValue()
          });
    }
    assertEquals(10, sizes.size(), "every key carries its digit in text mode");
    return sizes;
  }

  private String sizes() {
    return String.valueOf(
        script(
            "return Array.from(document.querySelectorAll('#pad .pad-key')).map(k => {"
                + " const i = k.querySelector('img'); const d = k.querySelector('.pad-digit');"
                + " const r = d ? d.getBoundingClientRect() : null;"
                + " return (i ? i.src + ' ' + i.naturalWidth + 'x' + i.naturalHeight : 'no img')"
                + " + (r ? ' digit ' + r.width + 'x' + r.height + ' clip '"
                + " + getComputedStyle(d).clipPath : ''); })"));
  }

  private void assertNoConsoleErrors() {
    List<String> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
            .map(LogEntry::toString)
            .toList();
    assertTrue(errors.isEmpty(), "the browser console reported: " + errors);
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    Files.delete(shot.toPath());
  }

  private String value(String id) {
    return driver.findElement(By.id(id)).getDomProperty("value");
  }

  private String text(By by) {
    return driver.findElement(by).getText();
  }

  private String classOf(String id) {
    return driver.findElement(By.id(id)).getDomAttribute("class");
  }

  private Object script(String javascript) {
    return ((JavascriptExecutor) driver).executeScript(javascript);
  }

  /** Waits for the ready banner and returns the launcher's output up to and including it. */
  private String awaitBanner() throws Exception {
    return LauncherProcesses.awaitBanner(launcher, LOG, DEMO_LINK);
  }

  private static String group(Pattern pattern, String banner) {
    Matcher matcher = pattern.matcher(banner);
    assertTrue(matcher.find(), "the banner shows no " + pattern + ":\n" + tail(banner));
    return matcher.group(1);
  }

  private static String log() throws IOException {
    return LauncherProcesses.log(LOG);
  }

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.SEVERE);
    return logger;
  }
}
