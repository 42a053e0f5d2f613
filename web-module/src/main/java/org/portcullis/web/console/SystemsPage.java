package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.portcullis.error.DomainException;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRegistry;
import org.portcullis.system.SystemRegistry.Credentials;
import org.primefaces.PrimeFaces;

/**
 * The relying systems (SPEC §3.10): all of them in a table, and registering a new one (admins). A
 * new system's secret is shown in the one response that registered it and kept nowhere in the
 * console: it lives in that request only, so a reload or a later request cannot show it again.
 */
@Named
@ViewScoped
public class SystemsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The request attribute holding a just-registered system's credentials. */
  private static final String REGISTERED = SystemsPage.class.getName() + ".registered";

  @EJB SystemRegistry registry;

  @Inject ConsoleUser me;

  /** Entities are not serializable; read again after the view was restored elsewhere. */
  private transient List<RelyingSystem> systems;

  private SystemForm form = SystemForm.defaults();

  /** What the search field holds: part of a name or system ID. */
  private String query;

  /** The systems whose name or ID contains the query, by name. */
  public List<RelyingSystem> getSystems() {
    if (systems == null) {
      systems = registry.list();
    }
    if (query == null || query.isBlank()) {
      return systems;
    }
    String part = query.strip().toLowerCase(Locale.ROOT);
    return systems.stream()
        .filter(
            system ->
                system.systemId().contains(part)
                    || system.name().toLowerCase(Locale.ROOT).contains(part))
        .toList();
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  /** Opens the register dialog with the defaults. */
  public void startRegistration() {
    me.requireAdmin("register a relying system");
    form = SystemForm.defaults();
  }

  public void register() {
    String staff = me.requireAdmin("register a relying system");
    try {
      Credentials credentials = registry.register(form.registration(), staff);
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .getRequestMap()
          .put(REGISTERED, credentials);
      ConsoleMessages.done("Registered " + form.getName().strip() + ".");
      form = SystemForm.defaults();
      systems = null;
      PrimeFaces.current().executeScript("PF('registerDialog').hide()");
      PrimeFaces.current().ajax().update("registered", "list:systems");
    } catch (DomainException refusal) {
      SystemForm.show(refusal, "register");
    }
  }

  /** The credentials of the system registered in this request; null in every other request. */
  public Credentials getRegistered() {
    return (Credentials)
        FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(REGISTERED);
  }

  public String roles(RelyingSystem system) {
    return SystemForm.roleNames(system.roles());
  }

  public SystemForm getForm() {
    return form;
  }
}
