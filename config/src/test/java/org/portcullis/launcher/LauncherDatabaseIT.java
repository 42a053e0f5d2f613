package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.launcher.LauncherProcesses.freePort;
import static org.portcullis.launcher.LauncherProcesses.kill;
import static org.portcullis.launcher.LauncherProcesses.randomToken;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's embedded database as an operator depends on it: what it acknowledged survives a
 * {@code kill -9}, and a data directory made by the release before Flyway starts on this one with
 * everything in it.
 */
class LauncherDatabaseIT {

  private static final Pattern READY = Pattern.compile("Listening on this address only");

  /** The admin password the former release's data directory was made with (its README). */
  private static final String FORMER_ADMIN_PASSWORD = "former-release-admin-pw";

  /** A customer created in the former release's data directory, and the password it was given. */
  private static final String FORMER_ACCOUNT = "former-customer";

  private static final String FORMER_PASSWORD = "former customer password";

  @TempDir Path data;

  private int port;

  /**
   * Four clients create customers as fast as the server answers; a few seconds in, the server is
   * killed with SIGKILL (no shutdown hook, no flush). Every customer answered 201 before the kill
   * is there after the restart, and the audit chain still verifies.
   */
  @Test
  void everyCustomerAnswered201BeforeAKillIsThereAfterTheRestart() throws Exception {
    port = freePort();
    String adminPassword = randomToken();
    LauncherApi api = new LauncherApi(port, adminPassword);
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    String run = Long.toUnsignedString(new SecureRandom().nextLong(), 36);

    Process first = start("kill-first.log", adminPassword);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      LauncherProcesses.awaitBanner(first, "kill-first.log", READY);
      AtomicInteger next = new AtomicInteger();
      for (int c = 0; c < 4; c++) {
        clients.submit(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                int n = next.incrementAndGet();
                String account = "k" + run + "-" + n;
                try {
                  HttpResponse<String> created =
                      api.post(
                          "api/v1/admin/customers",
                          "{\"account\":\"%s\",\"msisdn\":\"+1555%07d\"}".formatted(account, n));
                  if (created.statusCode() == 201) {
                    acknowledged.add(account);
                  }
                } catch (IOException e) {
                  return; // the server is gone
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
      }
      Instant until = Instant.now().plus(Duration.ofSeconds(20));
      while (acknowledged.size() < 40 && Instant.now().isBefore(until)) {
        Thread.sleep(100);
      }
      Thread.sleep(1500); // in full flow: the kill lands among acknowledged commits
      first.destroyForcibly(); // SIGKILL
      assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the launcher did not die");
    } finally {
      clients.shutdownNow();
      clients.awaitTermination(30, TimeUnit.SECONDS);
      kill(first);
    }
    List<String> answered = List.copyOf(acknowledged);
    assertTrue(answered.size() >= 40, "the load made " + answered.size() + " customers");

    Process second = start("kill-second.log", adminPassword);
    try {
      LauncherProcesses.awaitBanner(second, "kill-second.log", READY);
      List<String> lost = new ArrayList<>();
      for (String account : answered) {
        if (api.get("api/v1/admin/customers/" + account).statusCode() != 200) {
          lost.add(account);
        }
      }
      assertEquals(
          List.of(), lost, "of " + answered.size() + " customers answered 201 before the kill");
      assertAuditChainValid(api);
    } finally {
      kill(second);
    }
  }

  /**
   * A data directory made by the release before Flyway (its own migrator's history, demo data, a
   * customer with a password, an audit chain) starts on this release: the history is adopted, not
   * replayed, and customers, systems and the audit chain are all there.
   */
  @Test
  void aDataDirectoryOfTheReleaseBeforeFlywayStartsWithEverythingInIt() throws Exception {
    port = freePort();
    unzip(Path.of(System.getProperty("former.release.data")), data);
    LauncherApi api = new LauncherApi(port, FORMER_ADMIN_PASSWORD);

    Process upgraded = start("upgrade.log", FORMER_ADMIN_PASSWORD);
    try {
      LauncherProcesses.awaitBanner(upgraded, "upgrade.log", READY);
      String serverLog =
          Files.readString(data.resolve("logs/server0.log"), StandardCharsets.ISO_8859_1);
      assertTrue(
          serverLog.contains("Adopted the former migration history at version 009"),
          LauncherProcesses.tail(serverLog));

      HttpResponse<String> customer = api.get("api/v1/admin/customers/" + FORMER_ACCOUNT);
      assertEquals(200, customer.statusCode(), customer.body());
      JsonObject view = LauncherApi.json(customer.body());
      assertEquals(FORMER_ACCOUNT, view.getString("account"));
      HttpResponse<String> systems = api.get("api/v1/admin/systems");
      assertEquals(200, systems.statusCode(), systems.body());
      assertTrue(systems.body().contains("\"systemId\""), systems.body());
      // the customer still signs in with the password set in the former release
      HttpResponse<String> signedIn =
          api.signIn(FORMER_ACCOUNT, FORMER_PASSWORD, "upgrade-" + randomToken().substring(4, 12));
      assertEquals(201, signedIn.statusCode(), signedIn.body());
      assertAuditChainValid(api);
    } finally {
      kill(upgraded);
    }
  }

  private static void assertAuditChainValid(LauncherApi api) throws Exception {
    HttpResponse<String> audit = api.get("api/v1/admin/audit/verify");
    assertEquals(200, audit.statusCode(), audit.body());
    JsonObject verdict = LauncherApi.json(audit.body());
    assertTrue(verdict.getBoolean("valid"), audit.body());
    assertTrue(verdict.getJsonNumber("rows").longValue() > 0, audit.body());
  }

  private Process start(String logName, String adminPassword) throws IOException {
    return LauncherProcesses.start(
        logName,
        List.of(
            "--port",
            Integer.toString(port),
            "--data",
            data.toString(),
            "--admin-password",
            adminPassword,
            "--no-demo"),
        Map.of());
  }

  private static void unzip(Path zip, Path into) throws IOException {
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("entry outside the directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
