package org.portcullis.staff.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.staff.StaffDirectory;

/**
 * At start-up, creates the first staff account ({@code admin}) from {@code
 * portcullis.admin.password} when no staff account exists. The password has no default.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "ServerKeys"})
public class FirstAdminBootstrap {

  private static final Logger LOG = Logger.getLogger(FirstAdminBootstrap.class.getName());

  @Inject
  @ConfigProperty(name = "portcullis.admin.password")
  Optional<String> adminPassword;

  @EJB StaffDirectory staff;

  @PostConstruct
  void bootstrap() {
    if (adminPassword.isEmpty()) {
      LOG.info("portcullis.admin.password is not set; no first admin is created");
      return;
    }
    if (staff.createFirstAdmin(adminPassword.get())) {
      LOG.info("Created the first staff account 'admin'");
    }
  }
}
