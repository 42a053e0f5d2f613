package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.portcullis.launcher.LauncherProcesses.freePort;
import static org.portcullis.launcher.LauncherProcesses.kill;
import static org.portcullis.launcher.LauncherProcesses.randomToken;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private group's closing survives a restart: a group of two hours with a message and a file is
 * opened, the launcher is stopped, and started again on the same data directory with its clock
 * three hours ahead (libfaketime, Debian package {@code faketime}). The first sweep after the start
 * closes the group, once: the metadata say so, the audit log has one closing, and the group's files
 * are gone from the data directory.
 */
class LauncherGroupsRestartIT {

  private static final Pattern READY = Pattern.compile("Listening on this address only");
  private static final String PASSWORD = "launcher group test password";

  @TempDir Path data;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String adminPassword = randomToken();
  private int port;

  @Test
  void aGroupWhoseTimeRanOutWhileTheServerWasDownClosesOnceAfterTheRestart() throws Exception {
    port = freePort();
    String account = "grp-" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
    String groupId;
    Path files;

    Process first = start("groups-first.log", Map.of());
    try {
      LauncherProcesses.awaitBanner(first, "groups-first.log", READY);
      assertEquals(
          201,
          admin(
                  "POST",
                  "api/v1/admin/customers",
                  "{\"account\":\"%s\",\"msisdn\":\"+15550108888\"}".formatted(account))
              .statusCode());
      assertEquals(
          204,
          admin(
                  "PUT",
                  "api/v1/admin/customers/" + account + "/password",
                  "{\"password\":\"" + PASSWORD + "\"}")
              .statusCode());
      String terminal = "restart-" + randomToken().substring(4, 12);
      HttpResponse<String> login =
          send(
              "POST",
              "api/v1/tokens",
              null,
              null,
              "{\"account\":\"%s\",\"password\":\"%s\",\"appId\":\"groups\",\"terminalId\":\"%s\"}"
                  .formatted(account, PASSWORD, terminal));
      assertEquals(201, login.statusCode(), login.body());
      String bearer = "Bearer " + json(login.body()).getString("token");

      HttpResponse<String> opened =
          send(
              "POST",
              "api/v1/groups",
              bearer,
              terminal,
              "{\"validity\":\"PT2H\",\"rebroadcast\":false}");
      assertEquals(201, opened.statusCode(), opened.body());
      groupId = json(opened.body()).getString("groupId");
      HttpResponse<String> message =
          send(
              "POST",
              "api/v1/groups/" + groupId + "/messages",
              bearer,
              terminal,
              "{\"ciphertext\":\"" + Base64.getEncoder().encodeToString(new byte[48]) + "\"}");
      assertEquals(201, message.statusCode(), message.body());
      HttpResponse<String> file =
          http.send(
              HttpRequest.newBuilder(base().resolve("api/v1/groups/" + groupId + "/files"))
                  .header("Authorization", bearer)
                  .header("Portcullis-Terminal-Id", terminal)
                  .header("Content-Type", "application/octet-stream")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4096]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, file.statusCode(), file.body());
      files = data.resolve("groups").resolve(groupId);
      assertTrue(Files.isRegularFile(files.resolve(json(file.body()).getString("fileId"))));

      first.destroy();
      assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the launcher did not stop within 60 s");
    } finally {
      kill(first);
    }

    // three hours later: the group's two hours ran out while the server was down
    Process second = start("groups-second.log", LauncherProcesses.clockAhead("+3h"));
    try {
      LauncherProcesses.awaitBanner(second, "groups-second.log", READY);
      JsonObject closed = awaitClosed(groupId);
      assertEquals("EXPIRED", closed.getString("closeReason"));
      assertEquals(account, closed.getString("creator"));
      assertEquals(1, closed.getInt("messages"));
      assertEquals(1, closed.getInt("files"));
      Instant closedAt = Instant.parse(closed.getString("closedAt"));
      assertTrue(
          closedAt.isAfter(Instant.now().plus(Duration.ofHours(2).plusMinutes(50))),
          "closed by the moved clock, at " + closedAt);
      awaitGone(files);
      assertFalse(Files.exists(files), "the group's files are deleted from the data directory");
      Thread.sleep(6_000); // another sweep or two: still closed once
      HttpResponse<String> audit =
          admin("GET", "api/v1/admin/audit?action=group.close&subject=" + groupId, null);
      assertEquals(
          1,
          Json.createReader(new StringReader(audit.body())).readArray().size(),
          "closed once: " + audit.body());
    } finally {
      kill(second);
    }
  }

  private JsonObject awaitClosed(String groupId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> row = admin("GET", "api/v1/admin/groups/" + groupId, null);
      last = row.body();
      if (row.statusCode() == 200 && "CLOSED".equals(json(last).getString("state"))) {
        return json(last);
      }
      Thread.sleep(500);
    }
    fail("the group did not close after the restart: " + last);
    return null;
  }

  private static void awaitGone(Path directory) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Files.exists(directory) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
    }
  }

  private Process start(String logName, Map<String, String> environment) throws IOException {
    List<String> options =
        new ArrayList<>(
            List.of(
                "--port",
                Integer.toString(port),
                "--data",
                data.toString(),
                "--admin-password",
                adminPassword,
                "--no-demo"));
    return LauncherProcesses.start(logName, options, environment);
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  private HttpResponse<String> admin(String method, String path, String json)
      throws IOException, InterruptedException {
    return send(
        method,
        path,
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)),
        null,
        json);
  }

  private HttpResponse<String> send(
      String method, String path, String authorization, String terminal, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (terminal != null) {
      request.header("Portcullis-Terminal-Id", terminal);
    }
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
