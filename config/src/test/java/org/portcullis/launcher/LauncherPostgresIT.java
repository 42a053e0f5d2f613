package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.portcullis.launcher.LauncherProcesses.freePort;
import static org.portcullis.launcher.LauncherProcesses.kill;
import static org.portcullis.launcher.LauncherProcesses.randomToken;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher on PostgreSQL (the build's throwaway cluster, {@code config/postgresql}), as the
 * operations guide ({@code docs/operations.md}) tells an operator to run it: a backup (database
 * dump and keystore) restored into an empty database verifies as before, and two nodes on one
 * database behave as one.
 */
class LauncherPostgresIT {

  private static final Pattern READY = Pattern.compile("Listening on this address only");
  private static final int PG_PORT = Integer.getInteger("test.postgresql.port");
  private static final String PG_PASSWORD = System.getProperty("test.postgresql.password");
  private static final String PIN = "135790";
  private static final String PASSWORD = "restored customer password";

  @TempDir Path work;

  private final String adminPassword = randomToken();

  /**
   * A node on its own database serves a customer with a PIN and a password; a dump taken while it
   * runs and the keystore files are restored into an empty database and a new data directory; a
   * node started on them verifies the PIN and the password as before, and the audit chain is valid.
   */
  @Test
  void aBackupRestoredIntoAnEmptyDatabaseVerifiesAsBefore() throws Exception {
    String source = createDatabase("backup_source");
    Path sourceData = work.resolve("source");
    int port = freePort();
    LauncherApi api = new LauncherApi(port, adminPassword);
    String caller;
    String account = "bk-" + randomToken().substring(4, 12).toLowerCase();
    long auditRows;
    Path dump = work.resolve("portcullis.dump");
    Process node = start("backup-source.log", source, sourceData, port, 0, "a", Map.of());
    try {
      LauncherProcesses.awaitBanner(node, "backup-source.log", READY);
      JsonObject system =
          created(
              api.post(
                  "api/v1/admin/systems",
                  "{\"name\":\"Backup\",\"roles\":[\"VERIFIER\"],\"pinpad\":{\"textMode\":true}}"));
      caller = LauncherApi.basic(system.getString("systemId"), system.getString("secret"));
      created(
          api.post(
              "api/v1/admin/customers",
              "{\"account\":\"%s\",\"msisdn\":\"+15550106666\"}".formatted(account)));
      assertEquals(
          204,
          api.send("PUT", "api/v1/admin/customers/" + account + "/pin", "{\"pin\":\"" + PIN + "\"}")
              .statusCode());
      assertEquals(
          204,
          api.send(
                  "PUT",
                  "api/v1/admin/customers/" + account + "/password",
                  "{\"password\":\"" + PASSWORD + "\"}")
              .statusCode());
      assertEquals("OK", verifyPin(api, caller, account));
      auditRows = auditRows(api);

      // online: pg_dump reads one consistent snapshot while the node serves
      run(
          List.of(
              pgTool("pg_dump"),
              "-h",
              "127.0.0.1",
              "-p",
              String.valueOf(PG_PORT),
              "-U",
              "portcullis",
              "-Fc",
              "-f",
              dump.toString(),
              source));
      Files.createDirectories(work.resolve("restored"));
      for (String file : List.of("keystore.p12", "keystore.secret")) {
        Files.copy(sourceData.resolve(file), work.resolve("restored").resolve(file));
      }
    } finally {
      kill(node);
    }

    String restored = createDatabase("backup_restored");
    run(
        List.of(
            pgTool("pg_restore"),
            "-h",
            "127.0.0.1",
            "-p",
            String.valueOf(PG_PORT),
            "-U",
            "portcullis",
            "--no-owner",
            "--exit-on-error",
            "-d",
            restored,
            dump.toString()));
    Process again =
        start("backup-restored.log", restored, work.resolve("restored"), port, 0, "a", Map.of());
    try {
      LauncherProcesses.awaitBanner(again, "backup-restored.log", READY);
      assertEquals("OK", verifyPin(api, caller, account), "the PIN verifies after the restore");
      HttpResponse<String> signedIn = api.signIn(account, PASSWORD, "restored-terminal");
      assertEquals(201, signedIn.statusCode(), signedIn.body());
      assertTrue(auditRows(api) >= auditRows, "no audit record lost");
    } finally {
      kill(again);
    }
  }

  /**
   * Two nodes on one database, one host ({@code --port-offset}), one SMPP gateway (the node-smpp
   * simulator): what one node did, the other sees, a group's entry stored through one node reaches
   * a live socket on the other once, the outbox sends once although both drain, and a group whose
   * time ran out is closed once although both nodes sweep.
   */
  @Test
  void twoNodesOnOneDatabaseBehaveAsOne() throws Exception {
    String database = createDatabase("two_nodes");
    int port = freePort();
    int offset = 100 + (int) (Math.random() * 900);
    Path dataA = work.resolve("a");
    Path dataB = work.resolve("b");
    LauncherApi a = new LauncherApi(port, adminPassword);
    LauncherApi b = new LauncherApi(port + offset, adminPassword);
    Simulator smsc = Simulator.start(work);
    Process nodeA = null;
    Process nodeB = null;
    try {
      Map<String, String> gateway = Map.of("PORTCULLIS_SMSC_PASSWORD", Simulator.PASSWORD);
      List<String> smscOptions =
          List.of("--smsc", "127.0.0.1:" + smsc.smppPort, "--smsc-system-id", Simulator.SYSTEM_ID);
      nodeA = start("node-a.log", database, dataA, port, 0, "a", gateway, smscOptions);
      LauncherProcesses.awaitBanner(nodeA, "node-a.log", READY);
      // the second node shares the first one's keys: what one sealed, the other opens
      Files.createDirectories(dataB);
      for (String file : List.of("keystore.p12", "keystore.secret")) {
        Files.copy(dataA.resolve(file), dataB.resolve(file));
      }
      // B boots while A serves: a customer, its token and a group of two minutes, which both
      // nodes' sweeps will find due (checked at the end)
      nodeB = start("node-b.log", database, dataB, port, offset, "b", gateway, smscOptions);
      String account = "tn-" + randomToken().substring(4, 12).toLowerCase();
      created(
          a.post(
              "api/v1/admin/customers",
              "{\"account\":\"%s\",\"msisdn\":\"+15550105555\"}".formatted(account)));
      assertEquals(
          204,
          a.send(
                  "PUT",
                  "api/v1/admin/customers/" + account + "/password",
                  "{\"password\":\"" + PASSWORD + "\"}")
              .statusCode());
      JsonObject token = created(a.signIn(account, PASSWORD, "phone-two-nodes"));
      String shortLived =
          created(
                  a.send(
                      "Bearer " + token.getString("token"),
                      "phone-two-nodes",
                      "POST",
                      "api/v1/groups",
                      "{\"validity\":\"PT2M\",\"notice\":\"PT1M\",\"rebroadcast\":false}"))
              .getString("groupId");
      String banner = LauncherProcesses.awaitBanner(nodeB, "node-b.log", READY);
      assertTrue(banner.contains("http://127.0.0.1:" + (port + offset) + "/"), banner);
      assertTrue(banner.contains("Node               b"), banner);

      // the customer made on A is B's, and the token A issued is accepted by B
      HttpResponse<String> customer = b.get("api/v1/admin/customers/" + account);
      assertEquals(200, customer.statusCode(), customer.body());
      HttpResponse<String> access =
          b.send(
              "Bearer " + token.getString("token"),
              "POST",
              "api/v1/tokens/access",
              "{\"terminalId\":\"phone-two-nodes\"}");
      assertEquals(200, access.statusCode(), access.body());
      assertEquals(account, LauncherApi.json(access.body()).getString("account"));

      // a group opened through A; its creator's live socket on A gets, once, what B stored
      String bearer = "Bearer " + token.getString("token");
      String terminal = "phone-two-nodes";
      String groupId =
          created(
                  a.send(
                      bearer,
                      terminal,
                      "POST",
                      "api/v1/groups",
                      "{\"validity\":\"PT1H\",\"rebroadcast\":false}"))
              .getString("groupId");
      JsonObject ticket =
          created(
              a.send(bearer, terminal, "POST", "api/v1/groups/" + groupId + "/live-tickets", null));
      LiveSocket socket = LiveSocket.open(URI.create(ticket.getString("url")));
      try {
        socket.await("\"type\":\"welcome\"");
        String entryId =
            created(
                    b.send(
                        bearer,
                        terminal,
                        "POST",
                        "api/v1/groups/" + groupId + "/messages",
                        "{\"ciphertext\":\""
                            + Base64.getEncoder().encodeToString(new byte[48])
                            + "\"}"))
                .getString("messageId");
        socket.await("\"id\":\"" + entryId + "\"");
        Thread.sleep(3000); // a few more rounds of both nodes' relays
        assertEquals(1, socket.count("\"id\":\"" + entryId + "\""), "the entry, pushed once");
      } finally {
        socket.close();
      }

      // an SMS queued on A leaves once, though both nodes' drains run every two seconds
      String text = "Two nodes, one SMS " + randomToken().substring(4, 12);
      HttpResponse<String> queued =
          a.post("api/v1/admin/outbox/sms", "{\"to\":\"+15550105555\",\"text\":\"" + text + "\"}");
      assertEquals(202, queued.statusCode(), queued.body());
      smsc.awaitText(text);
      Thread.sleep(8000); // four more rounds of both drains
      assertEquals(1, smsc.count(text), "submissions of the one SMS");

      // the two minutes' group closes once, though both nodes sweep every five seconds
      Instant closeBy = Instant.now().plusSeconds(180);
      String state = "";
      while (!state.equals("CLOSED") && Instant.now().isBefore(closeBy)) {
        Thread.sleep(2000);
        state =
            LauncherApi.json(a.get("api/v1/admin/groups/" + shortLived).body()).getString("state");
      }
      assertEquals("CLOSED", state, "the two minutes' group");
      Thread.sleep(6000); // another sweep of each node
      HttpResponse<String> closings =
          b.get("api/v1/admin/audit?action=group.close&subject=" + shortLived);
      assertEquals(200, closings.statusCode(), closings.body());
      assertEquals(1, LauncherApi.jsonArray(closings.body()).size(), closings.body());

      // both nodes wrote audit records into one chain, which verifies from either
      JsonObject chain = LauncherApi.json(b.get("api/v1/admin/audit/verify").body());
      assertTrue(chain.getBoolean("valid"), chain::toString);
    } finally {
      kill(nodeB);
      kill(nodeA);
      smsc.close();
    }
  }

  private Process start(
      String log,
      String database,
      Path data,
      int port,
      int offset,
      String node,
      Map<String, String> environment)
      throws IOException {
    return start(log, database, data, port, offset, node, environment, List.of());
  }

  private Process start(
      String log,
      String database,
      Path data,
      int port,
      int offset,
      String node,
      Map<String, String> environment,
      List<String> more)
      throws IOException {
    List<String> options =
        new ArrayList<>(
            List.of(
                "--port",
                String.valueOf(port),
                "--port-offset",
                String.valueOf(offset),
                "--node-name",
                node,
                "--data",
                data.toString(),
                "--db",
                "postgresql://127.0.0.1:" + PG_PORT + "/" + database,
                "--admin-password",
                adminPassword,
                "--no-demo"));
    options.addAll(more);
    Map<String, String> env = new HashMap<>(environment);
    env.put("PORTCULLIS_DB_USER", "portcullis");
    env.put("PORTCULLIS_DB_PASSWORD", PG_PASSWORD);
    return LauncherProcesses.start(log, options, env);
  }

  /** A new, empty database owned by the application's role, named apart per run. */
  private static String createDatabase(String prefix) throws SQLException {
    String name = prefix + "_" + Long.toString(System.nanoTime(), 36);
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/portcullis",
                "portcullis",
                PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return name;
  }

  /** Opens a PIN pad and clicks the PIN on it (text mode tells which cell shows which digit). */
  private static String verifyPin(LauncherApi api, String caller, String account) throws Exception {
    JsonObject pad =
        created(
            api.send(
                caller, "POST", "api/v1/pinpad/sessions", "{\"account\":\"" + account + "\"}"));
    StringBuilder otc = new StringBuilder();
    for (char digit : PIN.toCharArray()) {
      otc.append(
          pad.getJsonArray("cells").getValuesAs(JsonObject.class).stream()
                  .filter(cell -> cell.getInt("digit") == digit - '0')
                  .findFirst()
                  .orElseThrow()
                  .getInt("location")
              % 10);
    }
    HttpResponse<String> verified =
        api.send(
            caller,
            "POST",
            "api/v1/pinpad/sessions/" + pad.getString("sessionKey") + "/verification",
            "{\"otc\":\"" + otc + "\"}");
    assertEquals(200, verified.statusCode(), verified.body());
    return LauncherApi.json(verified.body()).getString("result");
  }

  private static long auditRows(LauncherApi api) throws Exception {
    JsonObject chain = LauncherApi.json(api.get("api/v1/admin/audit/verify").body());
    assertTrue(chain.getBoolean("valid"), chain::toString);
    return chain.getJsonNumber("rows").longValue();
  }

  private static JsonObject created(HttpResponse<String> response) {
    assertEquals(201, response.statusCode(), response.body());
    return LauncherApi.json(response.body());
  }

  /** Debian's PostgreSQL client tool of the newest installed version. */
  private static String pgTool(String name) throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin").resolve(name))
          .filter(Files::isExecutable)
          .max(
              Comparator.comparing(
                  p -> Integer.parseInt(p.getParent().getParent().getFileName().toString())))
          .orElseThrow(
              () -> new IllegalStateException(name + " missing: apt-get install postgresql"))
          .toString();
    }
  }

  private static void run(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", PG_PASSWORD);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), command.get(0) + " did not finish");
    assertEquals(0, process.exitValue(), command + ":\n" + output);
  }

  /** A live socket of a group, as the bank's app holds it: every text frame it received. */
  private static final class LiveSocket implements WebSocket.Listener {

    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static LiveSocket open(URI url) throws Exception {
      LiveSocket live = new LiveSocket();
      live.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(url, live)
              .get(30, TimeUnit.SECONDS);
      return live;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    long count(String fragment) {
      return frames.stream().filter(f -> f.contains(fragment)).count();
    }

    void await(String fragment) throws InterruptedException {
      Instant deadline = Instant.now().plusSeconds(20);
      while (Instant.now().isBefore(deadline)) {
        if (count(fragment) > 0) {
          return;
        }
        Thread.sleep(100);
      }
      fail("no frame with " + fragment + " on the live socket, only " + frames);
    }

    void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }

  /** The node-smpp gateway simulator the adapter's tests use, on ports of its own. */
  private static final class Simulator implements AutoCloseable {

    static final String SYSTEM_ID = "portcullis";
    static final String PASSWORD = "smscpw02";

    private final Process process;
    private final int smppPort;
    private final int controlPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private Simulator(Process process, int smppPort, int controlPort) {
      this.process = process;
      this.smppPort = smppPort;
      this.controlPort = controlPort;
    }

    static Simulator start(Path work) throws Exception {
      Path dir = Path.of(System.getProperty("smsc.simulator.dir"));
      if (!Files.isDirectory(dir.resolve("node_modules"))) {
        fail(dir + " has no node_modules: build the adapter module first (mvn verify does)");
      }
      int smpp = freePort();
      int control = freePort();
      Process process =
          new ProcessBuilder(
                  "node",
                  "simulator.js",
                  "--smpp-port",
                  String.valueOf(smpp),
                  "--control-port",
                  String.valueOf(control),
                  "--system-id",
                  SYSTEM_ID,
                  "--password",
                  PASSWORD)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("smsc-simulator.log").toFile())
              .start();
      Simulator simulator = new Simulator(process, smpp, control);
      Instant deadline = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(deadline)) {
        try {
          if (simulator.control("/health").statusCode() == 200) {
            return simulator;
          }
        } catch (IOException e) {
          Thread.sleep(200);
        }
      }
      simulator.close();
      throw new IllegalStateException("the SMPP simulator did not start");
    }

    private HttpResponse<String> control(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    long count(String text) throws Exception {
      JsonObject messages = LauncherApi.json(control("/messages").body());
      return messages.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
          .filter(m -> text.equals(m.getString("text", "")))
          .count();
    }

    void awaitText(String text) throws Exception {
      Instant deadline = Instant.now().plusSeconds(60);
      while (Instant.now().isBefore(deadline)) {
        if (count(text) > 0) {
          return;
        }
        Thread.sleep(500);
      }
      fail("the SMS \"" + text + "\" never reached the gateway");
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
