package org.portcullis.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies the SQL migrations listed in {@code db/migration/migrations.list}, in order, each once,
 * and records them in {@code schema_history} with a checksum. A migration whose file changed after
 * it was applied stops the start-up: history is never rewritten silently.
 *
 * <p>The scripts are plain SQL that H2 and PostgreSQL both accept; statements end with {@code ;} at
 * the end of a line. Runs before every other start-up bean ({@code @DependsOn}).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
  private static final String LOCATION = "db/migration/";

  @Resource(lookup = "jdbc/portcullis")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      ensureHistoryTable(connection);
      List<String> applied = new ArrayList<>();
      for (String script : readLines(LOCATION + "migrations.list")) {
        if (apply(connection, script)) {
          applied.add(script);
        }
      }
      LOG.info(
          () ->
              applied.isEmpty()
                  ? "Database schema is up to date"
                  : "Applied migrations " + String.join(", ", applied));
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
  }

  private void ensureHistoryTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS schema_history ("
              + "version VARCHAR(100) PRIMARY KEY, checksum VARCHAR(64) NOT NULL, "
              + "applied_at TIMESTAMP NOT NULL)");
    }
    connection.commit();
  }

  private boolean apply(Connection connection, String script) throws SQLException, IOException {
    String sql = String.join("\n", readLines(LOCATION + script));
    String checksum = sha256(sql);
    try (PreparedStatement query =
        connection.prepareStatement("SELECT checksum FROM schema_history WHERE version = ?")) {
      query.setString(1, script);
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          if (!row.getString(1).equals(checksum)) {
            throw new IllegalStateException(
                "Migration "
                    + script
                    + " changed after it was applied; restore it and add a new one");
          }
          return false;
        }
      }
    }
    try (Statement statement = connection.createStatement();
        PreparedStatement record =
            connection.prepareStatement(
                "INSERT INTO schema_history (version, checksum, applied_at) VALUES (?, ?, ?)")) {
      for (String each : statements(sql)) {
        statement.execute(each);
      }
      record.setString(1, script);
      record.setString(2, checksum);
      record.setTimestamp(3, Timestamp.from(Instant.now()));
      record.executeUpdate();
      connection.commit();
      return true;
    } catch (SQLException e) {
      connection.rollback();
      throw new SQLException("Migration " + script + " failed: " + e.getMessage(), e);
    }
  }

  /** Splits on semicolons that end a line, skipping {@code --} comment lines. */
  static List<String> statements(String sql) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        statements.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static List<String> readLines(String resource) throws IOException {
    ClassLoader loader = SchemaMigrator.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("Missing migration resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().filter(line -> !line.isBlank()).toList();
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
