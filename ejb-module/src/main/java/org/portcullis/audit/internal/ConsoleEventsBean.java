package org.portcullis.audit.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.portcullis.audit.AuditLog;
import org.portcullis.audit.ConsoleEvents;

/** Records the console's own events, each in a transaction of its own. */
@Stateless
public class ConsoleEventsBean implements ConsoleEvents {

  @EJB AuditLog audit;

  @Override
  public void signedOut(String username) {
    audit.record("staff:" + username, "staff.logout", "staff:" + username, "OK", "console");
  }

  @Override
  public void refused(String username, String action, String roles) {
    audit.record("staff:" + username, "console.forbidden", action, "DENIED", "roles " + roles);
  }
}
