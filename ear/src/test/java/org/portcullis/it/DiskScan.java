package org.portcullis.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The files a running server writes that an attacker with the disk would read: the database's files
 * (H2's after a checkpoint, so that everything committed is on disk; the whole cluster directory of
 * the tests' PostgreSQL) and the server's logs, to be searched for text that must never be there in
 * clear.
 */
final class DiskScan {

  private final List<Path> files;
  private final int databaseFiles;

  private DiskScan(List<Path> files, int databaseFiles) {
    this.files = files;
    this.databaseFiles = databaseFiles;
  }

  /**
   * The database files behind {@code database} (an H2 file database, or the tests' PostgreSQL
   * cluster when the server was told where it is) and every log file under the domain's and the
   * data directory's {@code logs} and the test run's reports.
   */
  static DiskScan of(DataSource database) throws SQLException, IOException {
    List<Path> files = new ArrayList<>();
    int databaseFiles;
    try (Connection connection = database.getConnection()) {
      String url = connection.getMetaData().getURL();
      if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CHECKPOINT SYNC");
        }
        String path = url.substring("jdbc:h2:".length()).replaceFirst("^file:", "");
        path = path.split(";", 2)[0];
        Path base = Path.of(path).toAbsolutePath();
        try (Stream<Path> siblings = Files.list(base.getParent())) {
          siblings
              .filter(f -> f.getFileName().toString().startsWith(base.getFileName().toString()))
              .filter(Files::isRegularFile)
              .forEach(files::add);
        }
      }
      if (url.startsWith("jdbc:postgresql:")) {
        // the cluster's directory, which the build gives the server (ci-domain.sh); what a
        // commit wrote is there, in the write-ahead log at least, without a checkpoint
        String dir = System.getProperty("portcullis.test.database-dir");
        if (dir != null) {
          addFiles(files, Path.of(dir));
        }
      }
      databaseFiles = files.size();
    }
    for (String root :
        new String[] {
          System.getProperty("com.sun.aas.instanceRoot"), System.getProperty("portcullis.data")
        }) {
      if (root != null) {
        addFiles(files, Path.of(root, "logs"));
      }
    }
    addFiles(files, Path.of("target", "failsafe-reports"));
    return new DiskScan(files, databaseFiles);
  }

  private static void addFiles(List<Path> files, Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile).forEach(files::add);
      }
    }
  }

  int files() {
    return files.size();
  }

  /** How many of the files are the database's (none when they cannot be found). */
  int databaseFiles() {
    return databaseFiles;
  }

  /** The files whose bytes contain {@code text} in UTF-8. */
  List<String> filesContaining(String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      try {
        if (contains(Files.readAllBytes(file), needle)) {
          found.add(file.toString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
