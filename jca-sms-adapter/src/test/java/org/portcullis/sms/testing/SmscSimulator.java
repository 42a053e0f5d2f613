package org.portcullis.sms.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the reference SMSC simulator ({@code src/test/smsc-simulator/simulator.js}, node-smpp) as a
 * child process on loopback and talks to its control API.
 *
 * <p>The simulator's files travel on the test classpath (and in this module's {@code tests} jar)
 * under {@code smsc-simulator/}; {@link #prepare} copies them to a working directory ({@code
 * -Dportcullis.smsc.dir}, default {@code target/smsc-simulator}) and runs {@code npm ci} there
 * unless the build already did. Node is {@code node} on the PATH, or {@code -Dportcullis.node}.
 *
 * <pre>{@code
 * try (SmscSimulator smsc = SmscSimulator.builder().systemId("portcullis").password("secret").start()) {
 *   ... settings.host("127.0.0.1").port(smsc.smppPort()) ...
 *   List<SmscSimulator.Message> received = smsc.messages();
 * }
 * }</pre>
 *
 * <p>Thread-safety: the control methods may be called from any thread; start, stop and restart from
 * one.
 */
public final class SmscSimulator implements AutoCloseable {

  private static final String[] FILES = {"package.json", "package-lock.json", "simulator.js"};
  private static final Duration STARTUP = Duration.ofSeconds(20);

  /** One submit_sm the simulator received. */
  public record Submission(
      String messageId,
      Instant time,
      String systemId,
      String sourceAddr,
      int sourceAddrTon,
      int sourceAddrNpi,
      String destinationAddr,
      int destAddrTon,
      int destAddrNpi,
      int dataCoding,
      int esmClass,
      int registeredDelivery,
      String shortMessageHex,
      String udhHex,
      String partText) {}

  /** A message as the simulator put it back together from its parts. */
  public record Message(
      String from,
      String to,
      int dataCoding,
      Integer reference,
      int parts,
      int total,
      boolean complete,
      List<String> messageIds,
      String text) {}

  private final Path directory;
  private final String systemId;
  private final String password;
  private final int receiptDelayMs;
  private final int smppPort;
  private final int controlPort;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;

  private SmscSimulator(Builder builder) {
    this.directory = builder.directory;
    this.systemId = builder.systemId;
    this.password = builder.password;
    this.receiptDelayMs = builder.receiptDelayMs;
    this.smppPort = builder.smppPort > 0 ? builder.smppPort : freePort();
    this.controlPort = builder.controlPort > 0 ? builder.controlPort : freePort();
    this.log = directory.resolve("simulator-" + smppPort + ".log");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a simulator to start. */
  public static final class Builder {
    private Path directory = defaultDirectory();
    private String systemId = "portcullis";
    private String password = "secret";
    private int receiptDelayMs = 200;
    private int smppPort;
    private int controlPort;

    public Builder directory(Path directory) {
      this.directory = directory;
      return this;
    }

    public Builder systemId(String systemId) {
      this.systemId = systemId;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    public Builder receiptDelayMs(int receiptDelayMs) {
      this.receiptDelayMs = receiptDelayMs;
      return this;
    }

    /** A fixed SMPP port; by default a free one. */
    public Builder smppPort(int smppPort) {
      this.smppPort = smppPort;
      return this;
    }

    /** A fixed control port; by default a free one. */
    public Builder controlPort(int controlPort) {
      this.controlPort = controlPort;
      return this;
    }

    /** Prepares the working directory and starts the simulator. */
    public SmscSimulator start() {
      prepare(directory);
      SmscSimulator simulator = new SmscSimulator(this);
      simulator.startProcess();
      return simulator;
    }

    /** The simulator with these settings, not started: for a gateway that is down at first. */
    public SmscSimulator create() {
      prepare(directory);
      return new SmscSimulator(this);
    }
  }

  /**
   * {@code -Dportcullis.smsc.dir}; else {@code target/smsc-simulator} next to the {@code
   * test-classes} the simulator's files were found in; else {@code target/smsc-simulator} under the
   * working directory.
   */
  static Path defaultDirectory() {
    String configured = System.getProperty("portcullis.smsc.dir");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    URL packageJson =
        SmscSimulator.class.getClassLoader().getResource("smsc-simulator/package.json");
    if (packageJson != null && "file".equals(packageJson.getProtocol())) {
      try {
        Path testClasses = Paths.get(packageJson.toURI()).getParent().getParent();
        return testClasses.resolveSibling("smsc-simulator");
      } catch (URISyntaxException e) {
        // fall through
      }
    }
    return Paths.get("target", "smsc-simulator");
  }

  // ----------------------------------------------------------------------------------------------
  // process

  /**
   * Copies the simulator into {@code directory} and installs node-smpp there with {@code npm ci}
   * (from the committed lock file) unless it is installed for the same lock file already.
   */
  public static synchronized void prepare(Path directory) {
    try {
      Files.createDirectories(directory);
      boolean lockChanged = false;
      for (String file : FILES) {
        byte[] content;
        try (InputStream in =
            SmscSimulator.class.getClassLoader().getResourceAsStream("smsc-simulator/" + file)) {
          if (in == null) {
            throw new IllegalStateException("smsc-simulator/" + file + " is not on the classpath");
          }
          content = in.readAllBytes();
        }
        Path target = directory.resolve(file);
        if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
          Files.write(target, content);
          lockChanged |= file.equals("package-lock.json");
        }
      }
      if (lockChanged || !Files.exists(directory.resolve("node_modules/smpp/package.json"))) {
        run(directory, "npm", "ci", "--no-audit", "--no-fund");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the SMSC simulator in " + directory, e);
    }
  }

  private static void run(Path directory, String... command) throws IOException {
    Process npm;
    try {
      npm =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("npm-ci.log").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run " + command[0] + " (is Node.js with npm installed?)", e);
    }
    try {
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed in "
                + directory
                + ":\n"
                + Files.readString(directory.resolve("npm-ci.log")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during npm ci", e);
    }
  }

  private void startProcess() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running");
    }
    String node = System.getProperty("portcullis.node", "node");
    ProcessBuilder builder =
        new ProcessBuilder(
                node,
                "simulator.js",
                "--smpp-port",
                String.valueOf(smppPort),
                "--control-port",
                String.valueOf(controlPort),
                "--system-id",
                systemId,
                "--password",
                password,
                "--receipt-delay-ms",
                String.valueOf(receiptDelayMs))
            .directory(directory.toFile())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + node + " (is Node.js installed?)", e);
    }
    CompletableFuture<Boolean> ready = watchStdout(process);
    try {
      if (!ready.get(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("SMSC simulator exited before it was ready:\n" + logTail());
      }
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "SMSC simulator not ready after " + STARTUP + "\n" + logTail());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while starting the SMSC simulator", e);
    }
  }

  /**
   * Reads the simulator's stdout on a thread of its own until the process ends: completes with true
   * at the "ready" line, false if the output ends first. One thread owns the stream, so nothing
   * ever closes it under a blocked reader.
   */
  private static CompletableFuture<Boolean> watchStdout(Process started) {
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.trim().equals("ready")) {
                    ready.complete(true);
                  }
                }
              } catch (IOException e) {
                // the process ended
              } finally {
                ready.complete(false);
              }
            },
            "smsc-simulator-stdout");
    reader.setDaemon(true);
    reader.start();
    return ready;
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  /** Starts the simulator if it is not running (same ports as before). */
  public void start() {
    startProcess();
  }

  /** Stops it gracefully (SIGTERM). */
  public void stop() {
    end(false);
  }

  /** Kills it abruptly (SIGKILL), as a crashing gateway would vanish. */
  public void kill() {
    end(true);
  }

  /** Stops it and starts it again on the same ports; what it received is forgotten. */
  public void restart() {
    stop();
    startProcess();
  }

  private void end(boolean forcibly) {
    Process p = process;
    if (p == null) {
      return;
    }
    if (forcibly) {
      p.destroyForcibly();
    } else {
      p.destroy();
    }
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  public boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  @Override
  public void close() {
    stop();
  }

  public int smppPort() {
    return smppPort;
  }

  public int controlPort() {
    return controlPort;
  }

  public String systemId() {
    return systemId;
  }

  public String password() {
    return password;
  }

  /** The simulator's stderr log, for a failing test to show. */
  public Path logFile() {
    return log;
  }

  /** A free TCP port on loopback (free when asked; bind it soon). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // control API

  /** {@code GET /health}. */
  public JsonObject health() {
    return request("GET", "/health", null);
  }

  /** Every submit_sm received, in arrival order. */
  public List<Submission> submissions() {
    List<Submission> result = new ArrayList<>();
    for (JsonValue value : request("GET", "/messages", null).getJsonArray("submissions")) {
      JsonObject s = value.asJsonObject();
      result.add(
          new Submission(
              s.getString("messageId"),
              Instant.parse(s.getString("time")),
              s.getString("systemId", null),
              s.getString("sourceAddr"),
              s.getInt("sourceAddrTon"),
              s.getInt("sourceAddrNpi"),
              s.getString("destinationAddr"),
              s.getInt("destAddrTon"),
              s.getInt("destAddrNpi"),
              s.getInt("dataCoding"),
              s.getInt("esmClass"),
              s.getInt("registeredDelivery"),
              s.getString("shortMessageHex"),
              s.isNull("udhHex") ? null : s.getString("udhHex"),
              s.getString("partText")));
    }
    return result;
  }

  /** The received messages, concatenated parts put back together and decoded. */
  public List<Message> messages() {
    List<Message> result = new ArrayList<>();
    for (JsonValue value : request("GET", "/messages", null).getJsonArray("messages")) {
      JsonObject m = value.asJsonObject();
      List<String> ids = new ArrayList<>();
      m.getJsonArray("messageIds")
          .forEach(id -> ids.add(((jakarta.json.JsonString) id).getString()));
      result.add(
          new Message(
              m.getString("from"),
              m.getString("to"),
              m.getInt("dataCoding"),
              m.isNull("reference") ? null : m.getInt("reference"),
              m.getInt("parts"),
              m.getInt("total"),
              m.getBoolean("complete"),
              List.copyOf(ids),
              m.getString("text")));
    }
    return result;
  }

  /** Waits until at least {@code count} messages are complete, then returns them all. */
  public List<Message> awaitMessages(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Message> messages = messages();
      if (messages.stream().filter(Message::complete).count() >= count
          || System.nanoTime() - deadline >= 0) {
        return messages;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** Forgets what was received. */
  public void clear() {
    request("DELETE", "/messages", null);
  }

  /** Sends a mobile-originated message to every bound receiver; returns how many got it. */
  public int sendMo(String from, String to, String text) {
    JsonObject body =
        Json.createObjectBuilder().add("from", from).add("to", to).add("text", text).build();
    return request("POST", "/mo", body).getInt("sessions");
  }

  /** Sends a delivery receipt for an earlier submission. */
  public void sendReceipt(String messageId, String stat) {
    request(
        "POST",
        "/receipt",
        Json.createObjectBuilder().add("messageId", messageId).add("stat", stat).build());
  }

  /**
   * Makes the simulator misbehave: refuse submissions whose destination starts with a prefix with a
   * command_status, and/or answer late.
   */
  public void faults(String rejectDestinationPrefix, int commandStatus, int responseDelayMs) {
    var builder = Json.createObjectBuilder();
    if (rejectDestinationPrefix != null) {
      builder
          .add("rejectDestinationPrefix", rejectDestinationPrefix)
          .add("commandStatus", commandStatus);
    }
    if (responseDelayMs > 0) {
      builder.add("responseDelayMs", responseDelayMs);
    }
    request("POST", "/faults", builder.build());
  }

  /** Back to normal behaviour. */
  public void clearFaults() {
    request("DELETE", "/faults", null);
  }

  private JsonObject request(String method, String path, JsonObject body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json");
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            method + " " + path + " -> " + response.statusCode() + " " + response.body());
      }
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("SMSC simulator control API: " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
