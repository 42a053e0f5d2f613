package org.portcullis.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the server's log to {@code <data>/logs/server<n>.log} (10 MB, five files) and keeps the
 * console for what an operator must see: Portcullis's own warnings and anything severe. Payara logs
 * several hundred lines while it starts, which would bury the ready banner.
 */
final class ServerLog {

  static final String DIRECTORY = "logs";
  static final String FILE_PATTERN = "server%g.log";
  private static final int LIMIT_BYTES = 10 * 1024 * 1024;
  private static final int FILES = 5;

  private ServerLog() {}

  /**
   * Mojarra logs the session's view token (the console's CSRF secret) when a protected view is
   * opened with a wrong one ("correctSecretKeyValue = …"); such a record never reaches a file.
   */
  static boolean loggable(LogRecord record) {
    String message = record.getMessage();
    return message == null || !message.contains("SecretKeyValue");
  }

  /** Returns the current log file. */
  static Path redirect(Path dataDir) throws IOException {
    Path directory = dataDir.resolve(DIRECTORY);
    Files.createDirectories(directory);
    Logger root = LogManager.getLogManager().getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    FileHandler file =
        new FileHandler(directory.resolve(FILE_PATTERN).toString(), LIMIT_BYTES, FILES, true);
    file.setFormatter(new SimpleFormatter());
    file.setLevel(Level.INFO);
    file.setFilter(ServerLog::loggable);
    root.addHandler(file);

    ConsoleHandler console = new ConsoleHandler();
    console.setLevel(Level.WARNING);
    console.setFilter(
        record ->
            loggable(record)
                && (record.getLevel().intValue() >= Level.SEVERE.intValue()
                    || (record.getLoggerName() != null
                        && record.getLoggerName().startsWith("org.portcullis"))));
    root.addHandler(console);
    return directory.resolve(FILE_PATTERN.replace("%g", "0"));
  }
}
