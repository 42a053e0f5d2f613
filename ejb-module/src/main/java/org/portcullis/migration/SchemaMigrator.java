package org.portcullis.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the database schema up to date when the application starts, before every other start-up
 * bean ({@code @DependsOn("SchemaMigrator")}): {@link Migrations} with Flyway. A failure stops the
 * deployment, so no request ever meets a schema older than the code.
 *
 * <p>Bean-managed transactions: Flyway commits each migration on its own connection. On PostgreSQL,
 * Flyway's advisory lock lets two nodes start at once; the second waits, then finds nothing left to
 * do.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Resource(lookup = "jdbc/portcullis")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    Migrations.Outcome outcome =
        Migrations.migrate(dataSource, SchemaMigrator.class.getClassLoader());
    LOG.info(outcome::describe);
  }
}
