package org.portcullis.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.portcullis.handset.client.GroupClient;
import org.portcullis.handset.client.GroupLiveConnection;
import org.portcullis.it.Api;
import org.portcullis.it.GroupFixtures;
import org.portcullis.it.GroupFixtures.Person;
import org.portcullis.it.Peers;

/**
 * The extension of a private group through the link its notice mails, in headless Chromium against
 * the real server: the server's own timer sends the notice (a group of ten minutes with a notice of
 * nine minutes and fifty seconds), the mail is read from the test mail server, the page extends the
 * group, the group lives on with its deadlines moved, a live member is told, and the link is
 * refused a second time.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GroupExtensionBrowserIT extends ConsoleTest {

  /**
   * GreenMail's REST API (ear/pom.xml: test.greenmail.api.port), readable from outside the server.
   */
  private static final String MAIL_API = "http://127.0.0.1:18089/api/user/";

  private static final Pattern LINK =
      Pattern.compile("(https?://\\S+/groups/extend\\.html#[A-Za-z0-9_.-]+)");

  @Test
  void theMailedLinkExtendsTheGroupOnceAndTheMembersAreTold() throws Exception {
    Person alice = GroupFixtures.person();
    Person bob = GroupFixtures.person();
    GroupClient.Opened opened =
        alice
            .client()
            .open(
                GroupClient.Options.lasting(Duration.ofMinutes(10))
                    .named("Weekend trip")
                    .noticing(Duration.ofMinutes(9).plusSeconds(50)));
    bob.client().join(opened.groupId(), opened.code());

    try (GroupLiveConnection live = bob.client().live(opened.groupId())) {
      live.await("welcome", Duration.ofSeconds(15));
      // the server's timer sends the notice about ten seconds after the opening
      JsonObject notice = entry(live, "NOTICE", Duration.ofSeconds(60));
      assertEquals(opened.expiresAt().toString(), notice.getString("until"));
      String link = awaitLink(alice.email());

      browser.driver().get(link);
      browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer")));
      assertEquals("Weekend trip", browser.text("group-name"));
      assertTrue(browser.text("expires-at").endsWith("UTC"), browser.text("expires-at"));
      assertEquals("7 days", browser.text("most-allowed"));
      browser.screenshot("group-extension");
      browser.type("duration-amount", "30");
      new Select(browser.element("duration-unit")).selectByVisibleText("minutes");
      browser.click("extend");
      browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
      browser.screenshot("group-extended");

      Instant newExpiry = opened.expiresAt().plus(Duration.ofMinutes(30));
      JsonObject extended = entry(live, "EXTENDED", Duration.ofSeconds(15));
      assertEquals(newExpiry.toString(), extended.getString("until"), "the live member is told");
      assertEquals(newExpiry, alice.client().describe(opened.groupId()).expiresAt());
      JsonObject metadata = GroupFixtures.adminView(opened.groupId());
      assertEquals("OPEN", metadata.getString("state"));
      assertEquals(1, metadata.getInt("extensions"));
      assertEquals(newExpiry.toString(), metadata.getString("expiresAt"));
      assertEquals(
          newExpiry.minus(Duration.ofMinutes(9).plusSeconds(50)).toString(),
          metadata.getString("noticeAt"),
          "the next notice is scheduled for the new expiry");
      assertTrue(browser.text("new-expiry").startsWith(newExpiry.toString().substring(0, 10)));
    }

    // the same link a second time: refused, on the page and at the API
    browser.driver().get("about:blank");
    browser.driver().get(link(alice.email()));
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")));
    assertEquals("This link was used already", browser.text("refused-title"));
    String token = link(alice.email()).replaceFirst(".*#", "");
    Api.Reply again =
        Api.anonymous().post("/api/v1/group-extensions/" + token, "{\"duration\":\"PT30M\"}");
    assertEquals(410, again.status(), again::toString);
    assertTrue(
        browser.consoleErrors().stream().allMatch(e -> e.contains("410")),
        () -> browser.consoleErrors().toString());
  }

  private static JsonObject entry(GroupLiveConnection live, String kind, Duration timeout)
      throws Exception {
    return live.await(
        frame ->
            "entry".equals(frame.getString("type", "")) && kind.equals(frame.getString("kind")),
        timeout);
  }

  private static String awaitLink(String address) {
    return Peers.await(() -> find(address), "the notice mail to " + address);
  }

  private static String link(String address) {
    return find(address).orElseThrow();
  }

  /**
   * The extension link of the newest notice mail in the address's inbox, read over GreenMail's API.
   */
  private static Optional<String> find(String address) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              MAIL_API
                                  + URLEncoder.encode(address, StandardCharsets.UTF_8)
                                  + "/messages/INBOX"))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      JsonArray messages = Json.createReader(new StringReader(response.body())).readArray();
      for (int i = messages.size() - 1; i >= 0; i--) {
        JsonObject message = messages.getJsonObject(i);
        if (message.getString("subject", "").contains("closes soon")) {
          // a quoted-printable body may break a long line: undo it before looking for the link
          String mime =
              message
                  .getString("mimeMessage")
                  .replace("=\r\n", "")
                  .replace("=\n", "")
                  .replace("=3D", "=");
          Matcher link = LINK.matcher(mime);
          if (link.find()) {
            return Optional.of(link.group(1));
          }
        }
      }
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
