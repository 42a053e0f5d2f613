package org.portcullis.alert.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import org.portcullis.alert.AlertService;

/** Applies the locks duress alerts schedule. */
@Singleton
public class DuressLockTimer {

  @EJB AlertService alerts;

  /**
   * Every minute: the lock waits for the session to end (the system's delay), and a minute late is
   * well inside any session. Applying a lock twice on two nodes does no harm.
   */
  @Schedule(minute = "*", hour = "*", persistent = false, info = "duress-locks")
  void apply() {
    alerts.applyDueLocks();
  }
}
