package org.portcullis.alert.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.customer.Customer;
import org.portcullis.mail.MailAddresses;

/**
 * Where duress alerts are sent besides the console: {@code portcullis.alerts.duty-email} and {@code
 * portcullis.alerts.duty-msisdn} (both optional, checked at start-up).
 *
 * <p>Callers reach it through its EJB proxy: its accessors must stay public.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AlertSettings {

  @Inject
  @ConfigProperty(name = "portcullis.alerts.duty-email")
  Optional<String> dutyEmail;

  @Inject
  @ConfigProperty(name = "portcullis.alerts.duty-msisdn")
  Optional<String> dutyMsisdn;

  @PostConstruct
  void read() {
    dutyEmail = dutyEmail.map(String::strip).filter(s -> !s.isEmpty());
    dutyMsisdn = dutyMsisdn.map(String::strip).filter(s -> !s.isEmpty());
    dutyEmail.ifPresent(
        address -> {
          if (!MailAddresses.isValid(address)) {
            throw new IllegalStateException(
                "portcullis.alerts.duty-email must be a plain address such as duty@bank.example");
          }
        });
    dutyMsisdn.ifPresent(
        msisdn -> {
          if (!msisdn.matches(Customer.MSISDN_PATTERN)) {
            throw new IllegalStateException(
                "portcullis.alerts.duty-msisdn must be an E.164 number such as +447700900123");
          }
        });
  }

  public Optional<String> dutyEmail() {
    return dutyEmail;
  }

  public Optional<String> dutyMsisdn() {
    return dutyMsisdn;
  }
}
