package org.portcullis.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's versioned SQL migrations ({@code db/migration/V<n>__<what>.sql}), applied in order,
 * each once, by Flyway, which records them with a checksum in {@value #HISTORY_TABLE}: a migration
 * changed after it was applied stops the start-up, history is never rewritten silently.
 *
 * <p>The scripts are named in {@code db/migration/migrations.list} and handed to Flyway from there
 * ({@link ListedMigrations}) rather than found by scanning the class path, which differs from
 * server to server (jar, exploded directory, JBoss VFS). A new migration is a new file and a new
 * line in the list; the list test keeps the two in step.
 *
 * <p>A database made before Flyway carries the former migrator's record ({@link FormerHistory}); it
 * is checked and adopted as Flyway's baseline, and the next migration drops it.
 *
 * <p>Plain Java, no container: the tests run it against H2 directly, the server from {@link
 * SchemaMigrator}. Docs: {@code docs/operations.md#schema-migrations}.
 */
public final class Migrations {

  /** Flyway's record of the applied migrations (its default name). */
  public static final String HISTORY_TABLE = "flyway_schema_history";

  static final String LOCATION = "db/migration/";

  private Migrations() {}

  /** What a start-up did to the schema. */
  public record Outcome(Optional<String> adoptedAt, String from, String to, int applied) {

    public String describe() {
      String adopted =
          adoptedAt
              .map(v -> "Adopted the former migration history at version " + v + "; ")
              .orElse("");
      return applied == 0
          ? adopted + "Database schema is up to date (version " + to + ")"
          : adopted + "Applied " + applied + " migration(s), schema version " + from + " -> " + to;
    }
  }

  /** Migrates the schema behind {@code dataSource} to the newest version. */
  public static Outcome migrate(DataSource dataSource, ClassLoader loader) {
    List<String> scripts = scripts(loader);
    Optional<String> baseline;
    try {
      baseline = FormerHistory.baselineVersion(dataSource, scripts, loader);
    } catch (SQLException e) {
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
    FluentConfiguration configuration =
        Flyway.configure(loader)
            .dataSource(dataSource)
            .table(HISTORY_TABLE)
            .resourceProvider(new ListedMigrations(scripts, loader))
            .javaMigrationClassProvider(List::of)
            .validateMigrationNaming(true)
            .cleanDisabled(true);
    baseline.ifPresent(
        version ->
            configuration
                .baselineOnMigrate(true)
                .baselineVersion(version)
                .baselineDescription("adopted from the former schema_history"));
    try {
      MigrateResult result = configuration.load().migrate();
      return new Outcome(
          baseline,
          result.initialSchemaVersion == null ? "(empty)" : result.initialSchemaVersion,
          String.valueOf(
              result.targetSchemaVersion != null
                  ? result.targetSchemaVersion
                  : result.initialSchemaVersion),
          result.migrationsExecuted);
    } catch (FlywayException e) {
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
  }

  /** The migration scripts' file names, in order, as {@code migrations.list} names them. */
  static List<String> scripts(ClassLoader loader) {
    return read(loader, LOCATION + "migrations.list").lines().filter(l -> !l.isBlank()).toList();
  }

  /** A class path resource as text, or an {@link UncheckedIOException} when it is missing. */
  static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("Missing migration resource " + resource);
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        StringBuilder text = new StringBuilder();
        reader.lines().forEach(line -> text.append(line).append('\n'));
        return text.toString();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
