package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

/**
 * Starts {@code java -jar target/portcullis.jar} as an operator would, for the launcher's
 * integration tests, and reads what it prints. One place for the command line, the console log
 * under {@code target/}, the wait for the ready banner and a stop that never leaves a server up.
 */
final class LauncherProcesses {

  static final Path JAR = Path.of(System.getProperty("launcher.jar"));
  static final Path OUTPUT = Path.of(System.getProperty("launcher.output"));
  static final Duration START_LIMIT = Duration.ofSeconds(240);

  private LauncherProcesses() {}

  /**
   * Starts the launcher with {@code options} after the jar, its console going to {@code logName}
   * under the output directory; the developer's own {@code PORTCULLIS_*} settings never leak in.
   */
  static Process start(String logName, List<String> options, Map<String, String> environment)
      throws IOException {
    Files.createDirectories(OUTPUT);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                JAR.toString()));
    command.addAll(options);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(OUTPUT.resolve(logName).toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PORTCULLIS_"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** Waits until the console shows {@code ready} (the banner) and returns the console so far. */
  static String awaitBanner(Process process, String logName, Pattern ready) throws Exception {
    Instant deadline = Instant.now().plus(START_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      String log = log(logName);
      if (ready.matcher(log).find()) {
        return log;
      }
      if (!process.isAlive()) {
        fail("the launcher exited with " + process.exitValue() + ":\n" + tail(log));
      }
      Thread.sleep(500);
    }
    fail("no ready banner within " + START_LIMIT.toSeconds() + " s:\n" + tail(log(logName)));
    return null;
  }

  /** SIGTERM, as Ctrl-C or a service manager would, then force if it does not stop in 60 s. */
  static void kill(Process process) throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  static String log(String logName) throws IOException {
    Path file = OUTPUT.resolve(logName);
    return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
  }

  static String tail(String text) {
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }

  /** libfaketime, from Debian's faketime package (which .ci/run installs). */
  static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

  /**
   * The environment that starts a launcher with its wall clock {@code offset} ahead ({@code +3h}),
   * for a test of what happens to deadlines that passed while the server was down. The JVM's
   * monotonic clock and its timed waits must stay real: without FAKETIME_DONT_FAKE_MONOTONIC the
   * JVM hangs, and with libfaketime's "monotonic fix" on (its default with Debian's glibc) every
   * timed wait returns at once and the server spins instead of starting.
   */
  static Map<String, String> clockAhead(String offset) {
    if (!Files.isReadable(LIBFAKETIME)) {
      fail(LIBFAKETIME + " is missing: install Debian's faketime (apt-get install faketime)");
    }
    return Map.of(
        "LD_PRELOAD",
        LIBFAKETIME.toString(),
        "FAKETIME",
        offset,
        "FAKETIME_DONT_FAKE_MONOTONIC",
        "1",
        "FAKETIME_FORCE_MONOTONIC_FIX",
        "0");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static String randomToken() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return "It1-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
