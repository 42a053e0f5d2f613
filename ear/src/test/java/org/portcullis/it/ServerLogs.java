package org.portcullis.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The server's log files, as a test running inside the server finds them: Payara Server's {@code
 * <instance root>/logs}, and for embedded Payara (which logs to the test JVM's output) the output
 * files failsafe writes under {@code target/failsafe-reports}.
 */
final class ServerLogs {

  private ServerLogs() {}

  static List<Path> files() {
    List<Path> files = new ArrayList<>();
    String instanceRoot = System.getProperty("com.sun.aas.instanceRoot");
    if (instanceRoot != null) {
      collect(Path.of(instanceRoot, "logs"), files);
    }
    collect(Path.of("target", "failsafe-reports"), files);
    return files;
  }

  private static void collect(Path directory, List<Path> files) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> found = Files.walk(directory, 3)) {
      found
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".log") || p.toString().endsWith("-output.txt"))
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
