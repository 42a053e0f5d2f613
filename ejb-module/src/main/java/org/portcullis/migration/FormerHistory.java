package org.portcullis.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The record that Portcullis kept before it used Flyway: table {@code schema_history}, one row per
 * applied script (its file name as {@code version}, and the SHA-256 of its non-blank lines joined
 * by newlines as {@code checksum}).
 *
 * <p>A database that has this record and no Flyway history was made by a former release. Its record
 * is checked, never trusted blindly: the applied scripts must be the first ones of today's list,
 * unchanged. Then the last of them becomes Flyway's baseline, and the migrations after it run as
 * usual (the first of them drops the former record). Anything else (a gap, a changed script, a
 * script today's release does not know) stops the start-up with the reason, before anything is
 * written.
 */
final class FormerHistory {

  static final String TABLE = "schema_history";

  private FormerHistory() {}

  /**
   * The version Flyway should take as its baseline, when the database carries a former history and
   * no Flyway history yet; empty otherwise.
   */
  static Optional<String> baselineVersion(
      DataSource dataSource, List<String> scripts, ClassLoader loader) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (hasTable(connection, Migrations.HISTORY_TABLE) || !hasTable(connection, TABLE)) {
        return Optional.empty();
      }
      Map<String, String> applied = new HashMap<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + TABLE)) {
        while (rows.next()) {
          applied.put(rows.getString(1), rows.getString(2));
        }
      }
      return Optional.of(check(applied, scripts, loader));
    }
  }

  /** Checks a former record against today's scripts and gives the baseline version. */
  static String check(Map<String, String> applied, List<String> scripts, ClassLoader loader) {
    int count = applied.size();
    if (count > scripts.size()) {
      throw refused(
          "it lists scripts this release does not know: "
              + applied.keySet().stream().filter(s -> !scripts.contains(s)).sorted().toList());
    }
    for (int i = 0; i < count; i++) {
      String script = scripts.get(i);
      String checksum = applied.get(script);
      if (checksum == null) {
        throw refused("it lacks " + script + " but lists later scripts");
      }
      String today = checksum(Migrations.read(loader, Migrations.LOCATION + script));
      if (!today.equals(checksum)) {
        throw refused(script + " changed after it was applied");
      }
    }
    return count == 0 ? "0" : version(scripts.get(count - 1));
  }

  /** The version of a script named {@code V<version>__<description>.sql}. */
  static String version(String script) {
    int end = script.indexOf("__");
    if (!script.startsWith("V") || end < 2) {
      throw new IllegalStateException("Not a versioned migration: " + script);
    }
    return script.substring(1, end);
  }

  /** The former migrator's checksum: SHA-256 of the script's non-blank lines, joined by \n. */
  static String checksum(String script) {
    String lines = String.join("\n", script.lines().filter(l -> !l.isBlank()).toList());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(lines.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean hasTable(Connection connection, String name) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    for (String spelled : List.of(name, name.toUpperCase(java.util.Locale.ROOT))) {
      try (ResultSet tables = meta.getTables(null, schema, spelled, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static IllegalStateException refused(String why) {
    return new IllegalStateException(
        "Database migration refused: the former migration history ("
            + TABLE
            + ") cannot be adopted, "
            + why
            + ". Restore the database from a backup made by the release that wrote it.");
  }
}
