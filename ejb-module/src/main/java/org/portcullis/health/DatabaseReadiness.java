package org.portcullis.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the migrated schema answers a query (the chain head row exists from V001 on). */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @Override
  public HealthCheckResponse call() {
    try {
      em.createNativeQuery("SELECT COUNT(*) FROM audit_chain_head").getSingleResult();
      return HealthCheckResponse.up("database");
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
