package org.portcullis.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the migrated schema answers a query (the chain head row exists from V001 on). Plain
 * JDBC: the server runs health checks on threads of its own, where no persistence context exists.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "jdbc/portcullis")
  DataSource database;

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM audit_chain_head")) {
      row.next();
      return row.getLong(1) == 1
          ? HealthCheckResponse.up("database")
          : HealthCheckResponse.named("database").down().withData("error", "no chain head").build();
    } catch (SQLException | RuntimeException e) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
