package org.portcullis.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * Customers (SPEC §3.10): search by account or MSISDN, a page at a time, and for operators a new
 * customer. The search itself (what matches) is the service's.
 */
@Named
@ViewScoped
public class CustomersPage implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String FORM = "new-customer-form";

  private static final String TABLE = "customers-form:customers";

  /** A customer as the list shows it. */
  public record Row(String account, String msisdn, String email, Instant createdAt)
      implements Serializable {

    static Row of(Customer customer) {
      return new Row(
          customer.account(),
          customer.msisdn(),
          customer.email().orElse(null),
          customer.createdAt());
    }
  }

  @EJB CustomerService customers;

  @Inject ConsoleUser me;

  private String query;

  private LazyDataModel<Row> model;

  private String account;
  private String msisdn;
  private String email;

  @PostConstruct
  void init() {
    model =
        new PagedRows<>(
            () -> customers.count(query),
            (first, size) ->
                customers
                    .search(query, first, Math.max(1, Math.min(size, CustomerService.MAX_LIMIT)))
                    .stream()
                    .map(Row::of)
                    .toList(),
            Row::account);
  }

  /** Runs the search again with what is typed; the table starts at its first page. */
  public void search() {
    firstPage();
  }

  private static void firstPage() {
    DataTable table = Components.findComponent(TABLE);
    if (table != null) {
      table.setFirst(0);
    }
  }

  public void startNew() {
    me.requireOperator("create customers");
    account = null;
    msisdn = null;
    email = null;
    PrimeFaces.current().resetInputs(":" + FORM);
  }

  public void create() {
    String staff = me.requireOperator("create customers");
    try {
      Customer created =
          customers.create(
              new CustomerService.NewCustomer(
                  strip(account),
                  strip(msisdn),
                  email == null || email.isBlank() ? null : strip(email)),
              staff);
      query = created.account();
      firstPage();
      PrimeFaces.current().executeScript("PF('newCustomerDialog').hide()");
      ConsoleMessages.done("Created customer " + created.account() + ".");
    } catch (DomainException refused) {
      if (refused.fields().isEmpty() && "customer-exists".equals(refused.type())) {
        // the page's own messages are behind the dialog's mask
        Messages.addError(FORM + ":account", refused.getMessage());
        Faces.validationFailed();
      } else {
        ConsoleMessages.show(refused, FORM);
      }
    }
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }

  public LazyDataModel<Row> getModel() {
    return model;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }

  public String getMsisdn() {
    return msisdn;
  }

  public void setMsisdn(String msisdn) {
    this.msisdn = msisdn;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
