package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.portcullis.message.MessageAdmin;
import org.portcullis.message.MessageAdmin.Filter;
import org.portcullis.message.MessageAdmin.Row;
import org.primefaces.model.LazyDataModel;

/**
 * The secure messages of the customer that the customer page shows, newest first and paged on the
 * server, without content; deleting one is done on the messages page, which a link opens filtered
 * by the customer's account.
 */
@Named
@ViewScoped
public class CustomerMessages implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB MessageAdmin messages;

  @Inject CustomerPage customer;

  private final LazyDataModel<Row> rows = new PagedRows<>(this::count, this::page, Row::messageId);

  private long count() {
    return account() == null ? 0 : messages.count(filter());
  }

  private List<Row> page(int first, int size) {
    return account() == null
        ? List.of()
        : messages.page(filter(), first, Math.min(size, MessageAdmin.MAX_PAGE));
  }

  /** Only this customer's: without an account the service would list everyone's. */
  private String account() {
    String account = customer.getAccount();
    return account == null || account.isBlank() ? null : account;
  }

  private Filter filter() {
    return new Filter(null, null, account());
  }

  public LazyDataModel<Row> getRows() {
    return rows;
  }
}
