package org.portcullis.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway's migrations on H2 outside the server: a new database, a second start, and a database made
 * by the release before Flyway (the data directory in {@code former-release/data.zip}, made by that
 * release's launcher, see its README) whose history is adopted without loss.
 */
class MigrationsTest {

  private static final ClassLoader LOADER = MigrationsTest.class.getClassLoader();

  @TempDir Path dir;

  @Test
  void aNewDatabaseGetsEveryMigrationInOrderAndASecondStartChangesNothing() throws SQLException {
    JdbcDataSource db = h2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    Migrations.Outcome first = Migrations.migrate(db, LOADER);
    List<String> scripts = Migrations.scripts(LOADER);
    assertEquals(scripts.size(), first.applied(), first::describe);
    assertTrue(first.adoptedAt().isEmpty());
    assertEquals(
        scripts.stream().map(FormerHistory::version).toList(),
        column(
            db,
            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'"
                + " ORDER BY \"installed_rank\""));
    assertEquals(List.of("0"), column(db, "SELECT COUNT(*) FROM customer"));
    assertFalse(hasTable(db, "SCHEMA_HISTORY"), "no former record in a new database");

    Migrations.Outcome second = Migrations.migrate(db, LOADER);
    assertEquals(0, second.applied(), second::describe);
    assertTrue(second.describe().contains("up to date"), second::describe);
  }

  @Test
  void aDatabaseOfTheReleaseBeforeFlywayIsAdoptedWithItsData() throws Exception {
    JdbcDataSource db = formerDatabase();
    List<String> customers = column(db, "SELECT id FROM customer ORDER BY id");
    List<String> audit = column(db, "SELECT id || ':' || hash FROM audit_record ORDER BY id");
    List<String> systems = column(db, "SELECT system_id FROM relying_system ORDER BY system_id");
    assertFalse(customers.isEmpty(), "the former data directory has customers");
    assertFalse(audit.isEmpty(), "and an audit chain");
    List<String> formerlyApplied =
        column(db, "SELECT version FROM schema_history ORDER BY version");

    Migrations.Outcome outcome = Migrations.migrate(db, LOADER);

    String last = formerlyApplied.get(formerlyApplied.size() - 1);
    assertEquals(FormerHistory.version(last), outcome.adoptedAt().orElseThrow(), outcome::describe);
    int newer = Migrations.scripts(LOADER).size() - formerlyApplied.size();
    assertEquals(newer, outcome.applied(), outcome::describe);
    assertEquals(customers, column(db, "SELECT id FROM customer ORDER BY id"));
    assertEquals(audit, column(db, "SELECT id || ':' || hash FROM audit_record ORDER BY id"));
    assertEquals(systems, column(db, "SELECT system_id FROM relying_system ORDER BY system_id"));
    assertFalse(hasTable(db, "SCHEMA_HISTORY"), "the former record is dropped once adopted");
    assertEquals(
        List.of(FormerHistory.version(last)),
        column(
            db, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"type\" = 'BASELINE'"));

    assertEquals(0, Migrations.migrate(db, LOADER).applied(), "the next start has nothing to do");
  }

  @Test
  void aFormerHistoryWithAChangedScriptIsRefusedBeforeAnythingIsWritten() throws Exception {
    JdbcDataSource db = formerDatabase();
    execute(
        db,
        "UPDATE schema_history SET checksum = 'tampered' WHERE version = 'V003__customer_password.sql'");

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> Migrations.migrate(db, LOADER));

    assertTrue(
        refused.getMessage().contains("V003__customer_password.sql changed after it was applied"),
        refused::getMessage);
    assertTrue(hasTable(db, "SCHEMA_HISTORY"), "the former record stays");
    assertFalse(hasTable(db, "flyway_schema_history"), "Flyway wrote nothing");
  }

  @Test
  void aFormerHistoryWithAGapOrAnUnknownScriptIsRefused() {
    List<String> scripts = Migrations.scripts(LOADER);
    Map<String, String> gap = new HashMap<>();
    gap.put(scripts.get(0), FormerHistory.checksum(script(scripts.get(0))));
    gap.put(scripts.get(2), FormerHistory.checksum(script(scripts.get(2))));
    assertTrue(
        assertThrows(IllegalStateException.class, () -> FormerHistory.check(gap, scripts, LOADER))
            .getMessage()
            .contains("it lacks " + scripts.get(1)));

    Map<String, String> unknown = new HashMap<>();
    for (String script : scripts) {
      unknown.put(script, FormerHistory.checksum(script(script)));
    }
    unknown.put("V999__from_the_future.sql", "0");
    assertTrue(
        assertThrows(
                IllegalStateException.class, () -> FormerHistory.check(unknown, scripts, LOADER))
            .getMessage()
            .contains("V999__from_the_future.sql"));
  }

  @Test
  void theListNamesEveryScriptInTheMigrationFolderInVersionOrder() throws IOException {
    Path folder = Path.of("src/main/resources/db/migration");
    List<String> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files =
          listing
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".sql"))
              .sorted()
              .toList();
    }
    List<String> listed = Migrations.scripts(LOADER);
    assertEquals(files, listed.stream().sorted().toList(), "every file listed, nothing else");
    List<Integer> versions =
        listed.stream().map(FormerHistory::version).map(Integer::parseInt).toList();
    List<Integer> ordered = new ArrayList<>(versions);
    ordered.sort(Integer::compare);
    assertEquals(ordered, versions, "listed in version order");
  }

  /** A copy of the former release's H2 database, from its data directory. */
  private JdbcDataSource formerDatabase() throws IOException {
    try (InputStream zip = LOADER.getResourceAsStream("former-release/data.zip");
        ZipInputStream entries = new ZipInputStream(zip)) {
      for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
        if (entry.getName().endsWith("db/portcullis.mv.db")) {
          Files.copy(entries, dir.resolve("portcullis.mv.db"), StandardCopyOption.REPLACE_EXISTING);
          return h2("jdbc:h2:" + dir.resolve("portcullis").toAbsolutePath());
        }
      }
    }
    throw new IllegalStateException("former-release/data.zip has no db/portcullis.mv.db");
  }

  private static JdbcDataSource h2(String url) {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL(url);
    db.setUser("sa");
    db.setPassword("");
    return db;
  }

  private static String script(String name) {
    return Migrations.read(LOADER, Migrations.LOCATION + name);
  }

  private static List<String> column(JdbcDataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  private static void execute(JdbcDataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static boolean hasTable(JdbcDataSource db, String name) throws SQLException {
    try (Connection c = db.getConnection();
        ResultSet t = c.getMetaData().getTables(null, "PUBLIC", name, null)) {
      return t.next();
    }
  }
}
