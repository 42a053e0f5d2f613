package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.omnifaces.util.Messages;
import org.portcullis.error.DomainException;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRegistry;
import org.portcullis.system.SystemRole;
import org.primefaces.PrimeFaces;

/**
 * One relying system (SPEC §3.10): its settings, which admins change, and rotating its secret,
 * disabling and enabling it; for a sender also the webhook its customers' replies are pushed to. A
 * rotated secret, like a new system's and a new webhook's signing secret, is shown in the one
 * response that made it and kept nowhere in the console.
 */
@Named
@ViewScoped
public class SystemPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String ROTATED = SystemPage.class.getName() + ".rotated";

  private static final String WEBHOOK = SystemPage.class.getName() + ".webhook";

  @EJB SystemRegistry registry;

  @Inject ConsoleUser me;

  /** The view parameter {@code id}. */
  private String id;

  private transient RelyingSystem system;

  private SystemForm form;

  /** The webhook URL as typed. */
  private String webhookUrl;

  /** Reads the system named by the view parameter; an unknown one leaves the page empty. */
  public void load() {
    system = id == null ? null : registry.find(id).orElse(null);
    if (system == null) {
      Messages.addGlobalWarn("There is no relying system " + (id == null ? "" : id) + ".");
      return;
    }
    form = SystemForm.of(system);
  }

  public void save() {
    String staff = me.requireAdmin("change relying system " + id);
    try {
      system = registry.update(id, form.update(), staff);
      form = SystemForm.of(system);
      ConsoleMessages.done("Saved.");
    } catch (DomainException refusal) {
      SystemForm.show(refusal, "system");
    }
  }

  public void rotateSecret() {
    String staff = me.requireAdmin("rotate the secret of relying system " + id);
    try {
      SystemRegistry.Credentials credentials = registry.rotateSecret(id, staff);
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .getRequestMap()
          .put(ROTATED, credentials.secret());
      ConsoleMessages.done("The system has a new secret; the old one no longer works.");
      PrimeFaces.current().ajax().update("rotated");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "actions");
    }
  }

  public void disable() {
    String staff = me.requireAdmin("disable relying system " + id);
    try {
      system = registry.disable(id, staff);
      ConsoleMessages.done("Disabled: the system's calls are refused until it is enabled.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "actions");
      reread();
    }
  }

  public void enable() {
    String staff = me.requireAdmin("enable relying system " + id);
    try {
      system = registry.enable(id, staff);
      ConsoleMessages.done("Enabled: the system signs in with the secret it had.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "actions");
      reread();
    }
  }

  /** Points the sender's replies at the typed URL; the new signing secret is shown in a dialog. */
  public void setWebhook() {
    String staff = me.requireAdmin("set the webhook of relying system " + id);
    try {
      SystemRegistry.Webhook webhook = registry.setWebhook(id, webhookUrl, staff);
      FacesContext.getCurrentInstance().getExternalContext().getRequestMap().put(WEBHOOK, webhook);
      webhookUrl = null;
      reread();
      ConsoleMessages.done("Replies are pushed to " + webhook.url() + " from now on.");
      PrimeFaces.current().ajax().update("webhook-secret-form");
      PrimeFaces.current().executeScript("PF('webhookSecretDialog').show()");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "webhook-form");
    }
  }

  public void removeWebhook() {
    String staff = me.requireAdmin("remove the webhook of relying system " + id);
    try {
      system = registry.removeWebhook(id, staff);
      ConsoleMessages.done("No webhook: the sender fetches its customers' replies itself.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "webhook-form");
      reread();
    }
  }

  /** The webhook set in this request, with its secret; null in every other request. */
  public SystemRegistry.Webhook getNewWebhook() {
    return (SystemRegistry.Webhook)
        FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(WEBHOOK);
  }

  /** Whether the system sends secure messages, and so has a message policy and a webhook. */
  public boolean isSender() {
    return getSystem() != null && getSystem().hasRole(SystemRole.SENDER);
  }

  /** Where the sender's replies are pushed; null when they are not. */
  public String getCurrentWebhookUrl() {
    return getSystem() == null ? null : getSystem().messages().webhookUrl().orElse(null);
  }

  /** The secret made in this request by {@link #rotateSecret()}; null in every other request. */
  public String getRotatedSecret() {
    return (String)
        FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(ROTATED);
  }

  public RelyingSystem getSystem() {
    if (system == null && form != null) {
      reread();
    }
    return system;
  }

  private void reread() {
    system = registry.find(id).orElse(null);
  }

  public String getRoles() {
    return getSystem() == null ? "" : SystemForm.roleNames(getSystem().roles());
  }

  public SystemForm getForm() {
    return form;
  }

  public String getWebhookUrl() {
    return webhookUrl;
  }

  public void setWebhookUrl(String webhookUrl) {
    this.webhookUrl = webhookUrl;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
