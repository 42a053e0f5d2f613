package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.portcullis.customer.Customer;
import org.portcullis.customer.CustomerAttributes;
import org.portcullis.customer.CustomerService;
import org.portcullis.error.DomainException;
import org.portcullis.handset.HandsetService;
import org.portcullis.handset.HandsetService.HandsetInfo;
import org.portcullis.lockout.Factor;
import org.portcullis.lockout.LockoutService;
import org.portcullis.lockout.LockoutService.Counter;
import org.portcullis.pattern.PatternRegistrations;
import org.portcullis.pattern.PatternTable;
import org.portcullis.pattern.PatternTables;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRegistry;
import org.portcullis.token.TokenService;
import org.portcullis.token.TokenService.TokenInfo;

/**
 * One customer (SPEC §3.10): details, the lock of each factor, a new PIN, a pattern registration
 * link, tokens, handsets and attributes. Operators change; auditors only read. Attributes are
 * opened only when asked for, because each read is audited.
 *
 * <p>What the services answer is kept in transient fields and read again after every change, so the
 * page always shows the stored state and the view keeps only the account and the form inputs.
 */
@Named
@ViewScoped
public class CustomerPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String LOCK_REASON = "locked by staff in the console";

  /** The customer's details as the page shows them. */
  public record Details(
      String account,
      String msisdn,
      String email,
      boolean hasPin,
      boolean hasPassword,
      Instant createdAt)
      implements Serializable {

    static Details of(Customer customer) {
      return new Details(
          customer.account(),
          customer.msisdn(),
          customer.email().orElse(null),
          customer.hasPin(),
          customer.hasPassword(),
          customer.createdAt());
    }
  }

  /** A choice of pattern table or relying system. */
  public record Choice(String value, String label) implements Serializable {}

  /** Where the last registration link went. */
  public record LinkSent(String sms, String mail, Instant expiresAt) implements Serializable {}

  /** One attribute row of the editor. */
  public static final class Attribute implements Serializable {
    private static final long serialVersionUID = 1L;
    private String name;
    private String value;

    public Attribute() {}

    Attribute(String name, String value) {
      this.name = name;
      this.value = value;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }

    boolean blank() {
      return (name == null || name.isBlank()) && (value == null || value.isEmpty());
    }
  }

  @EJB CustomerService customers;
  @EJB LockoutService lockout;
  @EJB TokenService tokens;
  @EJB HandsetService handsets;
  @EJB CustomerAttributes attributeStore;
  @EJB PatternRegistrations registrations;
  @EJB PatternTables patternTables;
  @EJB SystemRegistry systems;

  @Inject ConsoleUser me;

  private String account;
  private Details details;

  private transient Map<Factor, Counter> counters;
  private transient List<TokenInfo> tokenList;
  private transient List<HandsetInfo> handsetList;
  private transient List<Choice> tableChoices;
  private transient List<Choice> systemChoices;

  private String pin;
  private String pinConfirm;

  private String tableId;
  private String systemId;
  private LinkSent linkSent;

  /** Null until the staff member asks to see the attributes. */
  private List<Attribute> attributes;

  /** The view action: finds the customer named in the address. */
  public void load() {
    details = customers.find(account).map(Details::of).orElse(null);
  }

  public boolean isFound() {
    return details != null;
  }

  // factors

  public List<Factor> getFactors() {
    return List.of(Factor.values());
  }

  /** Each factor's counter; a factor without one yet (an older customer) is shown unlocked. */
  public Map<Factor, Counter> getCounters() {
    if (counters == null) {
      counters = new EnumMap<>(Factor.class);
      for (Factor factor : Factor.values()) {
        counters.put(factor, new Counter(factor, 0, false, false, null));
      }
      customers
          .find(account)
          .ifPresent(
              c -> lockout.counters(c).forEach(counter -> counters.put(counter.factor(), counter)));
    }
    return counters;
  }

  public String factorLabel(Factor factor) {
    switch (factor) {
      case PATTERN:
        return "Pattern";
      case PINPAD:
        return "PIN pad";
      case PASSWORD:
        return "App password";
      case OTP:
        return "One-time codes";
      default:
        return factor.name();
    }
  }

  public String factorHint(Factor factor) {
    switch (factor) {
      case PATTERN:
        return "Answers on a pattern grid";
      case PINPAD:
        return "PIN entered on a scrambled pad";
      case PASSWORD:
        return "Logins of the customer's app";
      case OTP:
        return "SMS codes: handset enrollment, phone checks";
      default:
        return "";
    }
  }

  public void lock(Factor factor) {
    String staff = me.requireOperator("lock a customer's factor");
    try {
      Customer customer = existing();
      lockout.hardLock(customer, factor, "staff:" + staff, LOCK_REASON);
      ConsoleMessages.done(
          factorLabel(factor) + " is locked for " + account + " until staff unlock it.");
    } catch (DomainException refused) {
      ConsoleMessages.show(refused, "factor-actions");
    }
    counters = null;
  }

  public void unlock(Factor factor) {
    String staff = me.requireOperator("unlock a customer's factor");
    try {
      lockout.unlock(account, factor, staff);
      ConsoleMessages.done(
          factorLabel(factor) + " is unlocked for " + account + "; its failures are reset.");
    } catch (DomainException refused) {
      ConsoleMessages.show(refused, "factor-actions");
    }
    counters = null;
  }

  // PIN

  public void setNewPin() {
    String staff = me.requireOperator("set a customer's PIN");
    if (!ConsoleMessages.typedTwice(
        pin, pinConfirm, "pin-form:pinConfirm", "The two PINs differ.")) {
      return;
    }
    try {
      customers.setPin(account, pin, staff);
      ConsoleMessages.done("The new PIN is set for " + account + ".");
      load();
    } catch (DomainException refused) {
      ConsoleMessages.show(refused, "pin-form");
    } finally {
      pin = null;
      pinConfirm = null;
    }
  }

  // pattern registration

  /** The tables a new registration may use: the active ones. */
  public List<Choice> getTableChoices() {
    if (tableChoices == null) {
      tableChoices =
          patternTables.list().stream()
              .filter(table -> !table.retired())
              .map(CustomerPage::tableChoice)
              .toList();
    }
    return tableChoices;
  }

  private static Choice tableChoice(PatternTable table) {
    return new Choice(
        table.id().toString(),
        table.name()
            + " ("
            + table.rules().rows()
            + "×"
            + table.rules().cols()
            + ", at least "
            + table.rules().minLength()
            + " cells)");
  }

  /** The enabled relying systems a pattern may be registered for. */
  public List<Choice> getSystemChoices() {
    if (systemChoices == null) {
      systemChoices =
          systems.list().stream()
              .filter(RelyingSystem::enabled)
              .map(s -> new Choice(s.systemId(), s.name() + " (" + s.systemId() + ")"))
              .toList();
    }
    return systemChoices;
  }

  public void sendRegistrationLink() {
    String staff = me.requireOperator("send a pattern registration link");
    if (tableId == null) {
      Messages.addError("registration-form:tableId", "Choose a pattern table.");
      Faces.validationFailed();
      return;
    }
    try {
      PatternRegistrations.Link link =
          registrations.start(
              account,
              Long.parseLong(tableId),
              systemId == null || systemId.isBlank() ? null : systemId,
              staff);
      load();
      linkSent = new LinkSent(details.msisdn(), details.email(), link.expiresAt());
      ConsoleMessages.done("Registration link sent to " + account + ".");
    } catch (DomainException refused) {
      linkSent = null;
      ConsoleMessages.show(refused, "registration-form");
    }
    tableChoices = null;
  }

  // tokens

  public List<TokenInfo> getTokens() {
    if (tokenList == null) {
      tokenList = isFound() ? tokens.ofCustomer(account) : List.of();
    }
    return tokenList;
  }

  public boolean expired(TokenInfo token) {
    return token.expiresAt() != null && !token.expiresAt().isAfter(Instant.now());
  }

  public void revokeAll() {
    String staff = me.requireOperator("revoke a customer's tokens");
    try {
      int revoked = tokens.revokeCustomer(account, staff);
      ConsoleMessages.done(
          revoked + (revoked == 1 ? " token" : " tokens") + " of " + account + " revoked.");
    } catch (DomainException refused) {
      ConsoleMessages.show(refused, "tokens-form");
    }
    tokenList = null;
  }

  public void revokeTerminal(String terminalId) {
    String staff = me.requireOperator("revoke a terminal's tokens");
    try {
      int revoked = tokens.revokeTerminal(terminalId, staff);
      ConsoleMessages.done(
          revoked
              + (revoked == 1 ? " token" : " tokens")
              + " on terminal "
              + terminalId
              + " revoked.");
    } catch (DomainException refused) {
      ConsoleMessages.show(refused, "tokens-form");
    }
    tokenList = null;
  }

  // handsets

  public List<HandsetInfo> getHandsets() {
    if (handsetList == null) {
      handsetList = isFound() ? handsets.ofCustomer(account) : List.of();
    }
    return handsetList;
  }

  // attributes

  /** Opens the attributes; any staff role may, and the read is audited with their name. */
  public void showAttributes() {
    String staff = me.getUsername();
    try {
      attributes = new ArrayList<>();
      attributeStore.read(account, staff).forEach((n, v) -> attributes.add(new Attribute(n, v)));
    } catch (DomainException refused) {
      attributes = null;
      ConsoleMessages.show(refused, "attributes-form");
    }
  }

  public void hideAttributes() {
    attributes = null;
  }

  public void addAttribute() {
    me.requireOperator("edit a customer's attributes");
    attributes.add(new Attribute());
  }

  public void removeAttribute(Attribute attribute) {
    me.requireOperator("edit a customer's attributes");
    attributes.remove(attribute);
  }

  public void saveAttributes() {
    String staff = me.requireOperator("edit a customer's attributes");
    Map<String, String> values = new LinkedHashMap<>();
    for (Attribute attribute : attributes) {
      if (attribute.blank()) {
        continue;
      }
      String name = attribute.getName() == null ? "" : attribute.getName().strip();
      if (values.containsKey(name)) {
        attributesRefused("Each name once: " + name + " appears twice.");
        return;
      }
      values.put(name, attribute.getValue());
    }
    try {
      attributeStore.replace(account, values, staff);
      attributes.removeIf(Attribute::blank);
      ConsoleMessages.done(
          values.isEmpty()
              ? "Every attribute of " + account + " is deleted."
              : "Saved " + values.size() + " attributes of " + account + ".");
    } catch (DomainException refused) {
      // the service names "attributes" or "attributes.<name>": shown above the table
      String message = refused.getMessage();
      for (String field : refused.fields().keySet()) {
        if (field.startsWith("attributes.")) {
          message = field.substring("attributes.".length()) + ": " + message;
        }
      }
      attributesRefused(message);
    }
  }

  private void attributesRefused(String message) {
    Messages.addError("attributes-form:attributes", message);
    Faces.validationFailed();
  }

  public boolean isAttributesShown() {
    return attributes != null;
  }

  public List<Attribute> getAttributes() {
    return attributes;
  }

  private Customer existing() {
    return customers
        .find(account)
        .orElseThrow(() -> DomainException.notFound("unknown-customer", "No customer " + account));
  }

  // properties

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }

  public Details getDetails() {
    return details;
  }

  public String getPin() {
    return null;
  }

  public void setPin(String pin) {
    this.pin = pin;
  }

  public String getPinConfirm() {
    return null;
  }

  public void setPinConfirm(String pinConfirm) {
    this.pinConfirm = pinConfirm;
  }

  public String getTableId() {
    return tableId;
  }

  public void setTableId(String tableId) {
    this.tableId = tableId;
  }

  public String getSystemId() {
    return systemId;
  }

  public void setSystemId(String systemId) {
    this.systemId = systemId;
  }

  public LinkSent getLinkSent() {
    return linkSent;
  }
}
