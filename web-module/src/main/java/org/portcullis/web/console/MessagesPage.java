package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.omnifaces.util.Components;
import org.portcullis.error.DomainException;
import org.portcullis.message.MessageAdmin;
import org.portcullis.message.MessageAdmin.Filter;
import org.portcullis.message.MessageAdmin.Row;
import org.portcullis.message.MessageState;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * Secure messages: a page at a time, newest first, filtered by state, sender and account, with
 * masked MSISDNs and never any content (the service returns none). Operators delete a message sent
 * by mistake; the service erases it and audits who did.
 */
@Named
@ViewScoped
public class MessagesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String TABLE = "messages-form:messages";

  @EJB MessageAdmin messages;

  @Inject ConsoleUser me;

  private MessageState state;
  private String sender;
  private String account;

  // view parameters: a link (the customer's or the system's page) may open the page filtered
  private String stateParam;
  private String senderParam;
  private String accountParam;

  private final LazyDataModel<Row> rows =
      new PagedRows<>(
          () -> messages.count(filter()),
          (first, size) -> messages.page(filter(), first, Math.min(size, MessageAdmin.MAX_PAGE)),
          Row::messageId);

  private Filter filter() {
    return new Filter(state, blankToNull(sender), blankToNull(account));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Applies the view parameters {@code state}, {@code sender} and {@code account}. */
  public void open() {
    for (MessageState candidate : MessageState.values()) {
      if (candidate.name().equalsIgnoreCase(stateParam)) {
        state = candidate;
      }
    }
    sender = blankToNull(senderParam);
    account = blankToNull(accountParam);
  }

  public LazyDataModel<Row> getRows() {
    return rows;
  }

  /** The filter changed: back to the first page. */
  public void search() {
    DataTable table = Components.findComponent(TABLE);
    if (table != null) {
      table.setFirst(0);
    }
  }

  public void clear() {
    state = null;
    sender = null;
    account = null;
    search();
  }

  public void delete(String messageId) {
    String staff = me.requireOperator("delete a secure message");
    try {
      messages.delete(messageId, staff);
      ConsoleMessages.done(
          "Message " + messageId + " is deleted: its content, copies and replies are erased.");
    } catch (DomainException refusal) {
      ConsoleMessages.show(refusal, "messages-form");
    }
  }

  public MessageState[] getStates() {
    return MessageState.values();
  }

  public MessageState getState() {
    return state;
  }

  public void setState(MessageState state) {
    this.state = state;
  }

  public String getSender() {
    return sender;
  }

  public void setSender(String sender) {
    this.sender = sender;
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }

  public String getStateParam() {
    return stateParam;
  }

  public void setStateParam(String stateParam) {
    this.stateParam = stateParam;
  }

  public String getSenderParam() {
    return senderParam;
  }

  public void setSenderParam(String senderParam) {
    this.senderParam = senderParam;
  }

  public String getAccountParam() {
    return accountParam;
  }

  public void setAccountParam(String accountParam) {
    this.accountParam = accountParam;
  }
}
