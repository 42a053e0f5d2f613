package org.portcullis.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser test of the console shares: the EAR exactly as the build assembled it, nothing
 * added, reached from outside the server as a browser reaches it; a fresh browser for each test; a
 * screenshot of the page a test failed on.
 *
 * <p>A subclass is annotated {@code @ExtendWith(ArquillianExtension.class)} and
 * {@code @RunAsClient}, so that it reads as what it is.
 */
abstract class ConsoleTest {

  /** The browser of the running test. */
  protected ConsoleBrowser browser;

  @RegisterExtension
  final ConsoleBrowser.ScreenshotOnFailure onFailure =
      new ConsoleBrowser.ScreenshotOnFailure(() -> browser);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    File file = new File("target/portcullis.ear");
    if (!file.isFile()) {
      throw new IllegalStateException(
          "Build the EAR first (mvn package): " + file.getAbsolutePath());
    }
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
  }

  @BeforeEach
  void openTheBrowser() {
    browser = new ConsoleBrowser();
  }

  @AfterEach
  void closeTheBrowser() {
    browser.close();
  }

  /** Signs in as a staff account made for the test and checks whose console it is. */
  protected void signIn(StaffAccounts.Account account) {
    browser.signIn(account.username(), account.password());
    assertEquals(account.username(), browser.text("signed-in-as"));
  }
}
