package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.portcullis.alert.AlertService;

/**
 * The console's navigation: every page a staff member can open, with open duress alerts counted.
 */
@Named
@RequestScoped
public class Navigation {

  /** One entry; {@code badge} 0 shows none. */
  public record Item(String label, String outcome, String icon, long badge, boolean current) {}

  @Inject FacesContext faces;

  @EJB AlertService alerts;

  private List<Item> items;

  public List<Item> getItems() {
    if (items == null) {
      String viewId = faces.getViewRoot() == null ? "" : faces.getViewRoot().getViewId();
      items =
          List.of(
              item("Dashboard", "index", "pi-chart-bar", 0, viewId),
              item("Customers", "customers", "pi-users", 0, viewId),
              item("Messages", "messages", "pi-envelope", 0, viewId),
              item(
                  "Duress alerts", "alerts", "pi-exclamation-triangle", alerts.countOpen(), viewId),
              item("Relying systems", "systems", "pi-sitemap", 0, viewId),
              item("Pattern tables", "pattern-tables", "pi-th-large", 0, viewId),
              item("Groups", "groups", "pi-comments", 0, viewId),
              item("Outboxes", "outboxes", "pi-send", 0, viewId),
              item("Audit log", "audit", "pi-list", 0, viewId),
              item("Staff", "staff", "pi-id-card", 0, viewId));
    }
    return items;
  }

  private static Item item(String label, String page, String icon, long badge, String viewId) {
    String outcome = "/console/" + page;
    boolean current =
        viewId.equals(outcome + ".xhtml")
            || (page.equals("systems") && viewId.equals("/console/system.xhtml"))
            || (page.equals("systems") && viewId.equals("/console/function-codes.xhtml"))
            || (page.equals("customers") && viewId.equals("/console/customer.xhtml"));
    return new Item(label, outcome, icon, badge, current);
  }
}
