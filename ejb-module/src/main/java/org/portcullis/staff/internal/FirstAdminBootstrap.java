package org.portcullis.staff.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.portcullis.config.SecretSettings;
import org.portcullis.staff.StaffDirectory;

/**
 * At start-up, creates the first staff account ({@code admin}) from {@code
 * portcullis.admin.password} (or the file named by {@code portcullis.admin.password-file}) when no
 * staff account exists. The password has no default.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrator", "ServerKeys"})
public class FirstAdminBootstrap {

  private static final Logger LOG = Logger.getLogger(FirstAdminBootstrap.class.getName());

  @Inject Config config;

  @EJB StaffDirectory staff;

  @PostConstruct
  void bootstrap() {
    Optional<String> adminPassword = SecretSettings.read(config, "portcullis.admin.password");
    if (adminPassword.isEmpty()) {
      LOG.info("portcullis.admin.password is not set; no first admin is created");
      return;
    }
    if (staff.createFirstAdmin(adminPassword.get())) {
      LOG.info("Created the first staff account 'admin'");
    }
  }
}
