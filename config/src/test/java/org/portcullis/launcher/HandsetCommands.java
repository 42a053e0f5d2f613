package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference handset client as a customer would: {@code java -jar
 * target/portcullis-handset.jar <command>}, one process per command, its class path being only what
 * the jar's manifest names in {@code handset-lib/}.
 */
final class HandsetCommands {

  static final Path JAR = Path.of(System.getProperty("handset.jar"));

  /** What one command did. */
  record Result(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** A command still running, e.g. {@code enroll} waiting for the texted code. */
  static final class Running {
    private final Process process;
    private final CompletableFuture<String> out;
    private final CompletableFuture<String> err;

    private Running(Process process) {
      this.process = process;
      this.out = drain(process.getInputStream());
      this.err = drain(process.getErrorStream());
    }

    /** Types {@code stdin} (then end of input) and waits up to 60 s for the command to end. */
    Result finish(String stdin) throws Exception {
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        fail("the handset client did not finish within 60 s:\n" + out.getNow("") + err.getNow(""));
      }
      return new Result(process.exitValue(), out.get(), err.get());
    }

    boolean isAlive() {
      return process.isAlive();
    }

    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private HandsetCommands() {}

  /** Runs a command with {@code stdin} as its standard input. */
  static Result run(String stdin, String... args) throws Exception {
    return start(args).finish(stdin);
  }

  /** Starts a command, its standard input left open. */
  static Running start(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-jar",
                JAR.toString()));
    command.addAll(Arrays.asList(args));
    return new Running(new ProcessBuilder(command).start());
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
