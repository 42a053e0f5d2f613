package org.portcullis.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.portcullis.it.Api;

/** Signing in and out of the console, and what protects a session. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSignInIT extends ConsoleTest {

  @Test
  void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
    browser.signIn("admin", "not-the-password");
    assertTrue(browser.driver().getCurrentUrl().contains("/console/login.xhtml"));
    assertEquals(
        "Wrong username or password, or the account is locked or disabled.", browser.messages());
    browser.screenshot("sign-in-refused");

    browser.signIn("nobody-by-this-name", "not-the-password");
    assertEquals(
        "Wrong username or password, or the account is locked or disabled.", browser.messages());
    assertFalse(browser.exists("signed-in-as"));
  }

  @Test
  void emptyFieldsAreNamedBesideTheForm() {
    browser.open("/console/login.xhtml").click("login:sign-in");
    String messages = browser.text("login:login-messages");
    assertTrue(messages.contains("Enter your username."), messages);
    assertTrue(messages.contains("Enter your password."), messages);
  }

  @Test
  void signingInShowsTheDashboardAndSigningOutEndsTheSession() {
    browser.open("/console/login.xhtml");
    browser.screenshot("sign-in");
    browser.signInAsAdmin();
    assertEquals("Dashboard", browser.text("page-title"));
    assertEquals("admin", browser.text("signed-in-as"));
    assertTrue(browser.consoleErrors().isEmpty(), () -> browser.consoleErrors().toString());
    // the chart draws itself into a canvas once Chart.js has run
    browser.until(
        d -> !d.findElements(By.cssSelector("[id='dashboard:per-minute'] canvas")).isEmpty());
    browser.screenshot("dashboard");

    browser.signOut();
    assertEquals("You are signed out.", browser.text("signed-out"));
    browser.open("/console/index.xhtml");
    assertTrue(
        browser.driver().getCurrentUrl().contains("/console/login.xhtml"),
        "after signing out the console asks for the password again");
  }

  @Test
  void aPageAskedForBeforeSigningInOpensAfterwards() {
    browser.open("/console/index.xhtml");
    assertTrue(browser.driver().getCurrentUrl().contains("/console/login.xhtml"));
    browser.type("login:username", "admin").type("login:password", Api.ADMIN_PASSWORD);
    browser.click("login:sign-in");
    browser.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    assertTrue(browser.driver().getCurrentUrl().endsWith("/console/index.xhtml"));
  }

  @Test
  void aBookmarkOfAProtectedPageLeadsToTheDashboardNotToThePage() {
    browser.signInAsAdmin();
    browser.open("/console/customers.xhtml");
    assertEquals("Dashboard", browser.text("page-title"));
  }

  @Test
  void consolePagesCarryTheSecurityHeaders() throws IOException, InterruptedException {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Api.BASE + "/console/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    List<String> policies = page.headers().allValues("Content-Security-Policy");
    assertTrue(
        policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'")), policies::toString);
    Matcher nonce =
        Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'").matcher(String.join(" ", policies));
    assertTrue(nonce.find(), "PrimeFaces' script policy with a nonce: " + policies);
    assertTrue(page.body().contains("nonce=\"" + nonce.group(1) + "\""));
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
    String cookie = page.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(cookie.contains("HttpOnly"), cookie);
  }

  @Test
  void aFormPostFromAnotherSiteIsRefusedBeforeAnythingHappens()
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String form =
        http.send(
                HttpRequest.newBuilder(URI.create(Api.BASE + "/console/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form);
    assertTrue(state.find(), form);
    String body =
        "login=login&login%3Ausername=admin&login%3Apassword="
            + java.net.URLEncoder.encode(
                Api.ADMIN_PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
            + "&login%3Asign-in=&jakarta.faces.ViewState="
            + java.net.URLEncoder.encode(state.group(1), java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(URI.create(Api.BASE + "/console/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://attacker.example")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, forged.statusCode());

    HttpResponse<String> own =
        http.send(
            HttpRequest.newBuilder(URI.create(Api.BASE + "/console/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", Api.BASE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, own.statusCode(), "the same post from the console's own page signs in");
  }
}
