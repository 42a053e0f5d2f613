package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.omnifaces.util.Components;
import org.portcullis.error.DomainException;
import org.portcullis.outbox.OutboxAdmin;
import org.portcullis.outbox.OutboxAdmin.MailRow;
import org.portcullis.outbox.OutboxAdmin.SmsRow;
import org.portcullis.outbox.OutboxAdmin.WebhookRow;
import org.portcullis.outbox.OutboxState;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * The SMS, mail and webhook outboxes: paged lists, newest first, of what the server sends, with
 * their states and errors but never their texts or bodies (the service does not return them);
 * operators make a failed or waiting message due again.
 */
@Named
@ViewScoped
public class OutboxesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB OutboxAdmin outbox;

  @Inject ConsoleUser me;

  private OutboxState smsState;
  private OutboxState mailState;
  private OutboxState webhookState;

  // view parameters: a link (the dashboard's) may open a tab filtered by a state
  private String tab;
  private String state;

  private final LazyDataModel<SmsRow> sms =
      new PagedRows<>(
          () -> outbox.countSms(smsState),
          (first, size) -> outbox.listSms(smsState, size, first),
          row -> Long.toString(row.id()));
  private final LazyDataModel<MailRow> mail =
      new PagedRows<>(
          () -> outbox.countMail(mailState),
          (first, size) -> outbox.listMail(mailState, size, first),
          row -> Long.toString(row.id()));
  private final LazyDataModel<WebhookRow> webhooks =
      new PagedRows<>(
          () -> outbox.countWebhooks(webhookState),
          (first, size) -> outbox.listWebhooks(webhookState, size, first),
          row -> Long.toString(row.id()));

  public LazyDataModel<SmsRow> getSms() {
    return sms;
  }

  public LazyDataModel<MailRow> getMail() {
    return mail;
  }

  public LazyDataModel<WebhookRow> getWebhooks() {
    return webhooks;
  }

  /**
   * Applies the view parameters {@code tab} (sms, mail, webhook) and {@code state} (e.g. FAILED).
   */
  public void open() {
    OutboxState chosen = null;
    for (OutboxState candidate : OutboxState.values()) {
      if (candidate.name().equalsIgnoreCase(state)) {
        chosen = candidate;
      }
    }
    switch (getActiveTab()) {
      case 1:
        mailState = chosen;
        break;
      case 2:
        webhookState = chosen;
        break;
      default:
        smsState = chosen;
    }
  }

  public int getActiveTab() {
    if ("mail".equalsIgnoreCase(tab)) {
      return 1;
    }
    return "webhook".equalsIgnoreCase(tab) ? 2 : 0;
  }

  /** The tab view reports the tab the staff member chose. */
  public void setActiveTab(int index) {
    tab = index == 1 ? "mail" : index == 2 ? "webhook" : "sms";
  }

  public String getTab() {
    return tab;
  }

  public void setTab(String tab) {
    this.tab = tab;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public OutboxState[] getStates() {
    return OutboxState.values();
  }

  /** A state filter changed: back to the first page. */
  public void smsFilterChanged() {
    firstPage("outboxes-form:tabs:sms");
  }

  public void mailFilterChanged() {
    firstPage("outboxes-form:tabs:mail");
  }

  public void webhookFilterChanged() {
    firstPage("outboxes-form:tabs:webhooks");
  }

  private static void firstPage(String tableId) {
    DataTable table = Components.findComponent(tableId);
    if (table != null) {
      table.setFirst(0);
    }
  }

  public void retrySms(long id) {
    String staff = me.requireOperator("retry an SMS");
    try {
      outbox.retrySms(id, staff);
      ConsoleMessages.done("SMS " + id + " is queued again and goes out with the next drain.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "outboxes-form");
    }
  }

  public void retryMail(long id) {
    String staff = me.requireOperator("retry a mail");
    try {
      outbox.retryMail(id, staff);
      ConsoleMessages.done("Mail " + id + " is queued again and goes out with the next drain.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "outboxes-form");
    }
  }

  public void retryWebhook(long id) {
    String staff = me.requireOperator("retry a webhook push");
    try {
      outbox.retryWebhook(id, staff);
      ConsoleMessages.done(
          "Webhook push " + id + " is queued again and goes out with the next drain.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "outboxes-form");
    }
  }

  /** The CSS class of a state label: delivered and sent fine, failed bad, the rest in progress. */
  public String stateClass(OutboxState state) {
    switch (state) {
      case DELIVERED:
      case SENT:
        return "state ok";
      case FAILED:
        return "state bad";
      default:
        return "state warn";
    }
  }

  public OutboxState getSmsState() {
    return smsState;
  }

  public void setSmsState(OutboxState smsState) {
    this.smsState = smsState;
  }

  public OutboxState getMailState() {
    return mailState;
  }

  public void setMailState(OutboxState mailState) {
    this.mailState = mailState;
  }

  public OutboxState getWebhookState() {
    return webhookState;
  }

  public void setWebhookState(OutboxState webhookState) {
    this.webhookState = webhookState;
  }
}
