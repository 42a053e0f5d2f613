package org.portcullis.token.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.portcullis.time.PortcullisClock;

/**
 * Deletes tokens that expired more than {@code portcullis.token.keep-expired} ago. Until then an
 * expired token still earns its app the account hint of SPEC §3.7.
 */
@Singleton
public class TokenPurge {

  private static final Logger LOG = Logger.getLogger(TokenPurge.class.getName());

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB TokenSettings settings;

  /** Hourly: tokens live for days. */
  @Schedule(minute = "23", hour = "*", persistent = false, info = "token-purge")
  void purge() {
    int deleted =
        em.createNamedQuery("AccessToken.purgeExpiredBefore")
            .setParameter("before", clock.now().minus(settings.keepExpired()))
            .executeUpdate();
    if (deleted > 0) {
      LOG.fine(() -> "Deleted " + deleted + " long-expired access tokens");
    }
  }
}
