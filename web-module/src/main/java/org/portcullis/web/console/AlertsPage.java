package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.portcullis.alert.AlertService;
import org.portcullis.alert.AlertService.AlertView;
import org.portcullis.error.DomainException;

/**
 * The duress alerts page: open alerts first (or all of them), and operators acknowledge them. An
 * alert someone else acknowledged meanwhile is refused by the service and said so.
 */
@Named
@ViewScoped
public class AlertsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB AlertService alerts;

  @Inject ConsoleUser me;

  private boolean openOnly = true;

  /** The rows shown, kept for the postback that acknowledges one; reloaded after a change. */
  private transient List<AlertView> rows;

  public List<AlertView> getRows() {
    if (rows == null) {
      rows = alerts.list(openOnly);
    }
    return rows;
  }

  public boolean isOpenOnly() {
    return openOnly;
  }

  public void setOpenOnly(boolean openOnly) {
    this.openOnly = openOnly;
  }

  /** The filter changed: list again. */
  public void reload() {
    rows = null;
  }

  public void acknowledge(long id) {
    String staff = me.requireOperator("acknowledge a duress alert");
    try {
      AlertView alert = alerts.acknowledge(id, staff);
      ConsoleMessages.done(
          "Alert " + alert.id() + " for customer " + alert.account() + " acknowledged.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "alerts-form");
    }
    rows = null;
  }

  /** "state bad" for an open alert, "state ok" for an acknowledged one. */
  public String stateClass(AlertView alert) {
    return alert.acknowledgedAt() == null ? "state bad" : "state ok";
  }
}
