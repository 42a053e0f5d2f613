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
import org.portcullis.outbox.OutboxState;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * The SMS and mail outboxes: paged lists, newest first, of what the server sends, with their states
 * and errors but never their texts (the service does not return them); operators make a failed or
 * waiting message due again.
 */
@Named
@ViewScoped
public class OutboxesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB OutboxAdmin outbox;

  @Inject ConsoleUser me;

  private OutboxState smsState;
  private OutboxState mailState;

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

  public LazyDataModel<SmsRow> getSms() {
    return sms;
  }

  public LazyDataModel<MailRow> getMail() {
    return mail;
  }

  /** Applies the view parameters {@code tab} (sms, mail) and {@code state} (e.g. FAILED). */
  public void open() {
    OutboxState chosen = null;
    for (OutboxState candidate : OutboxState.values()) {
      if (candidate.name().equalsIgnoreCase(state)) {
        chosen = candidate;
      }
    }
    if (isMailTab()) {
      mailState = chosen;
    } else {
      smsState = chosen;
    }
  }

  public boolean isMailTab() {
    return "mail".equalsIgnoreCase(tab);
  }

  public int getActiveTab() {
    return isMailTab() ? 1 : 0;
  }

  /** The tab view reports the tab the staff member chose. */
  public void setActiveTab(int index) {
    tab = index == 1 ? "mail" : "sms";
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
}
