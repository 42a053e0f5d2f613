package org.portcullis.customer;

import java.util.List;
import java.util.Optional;

/** Staff-side management of customers. */
public interface CustomerService {

  record NewCustomer(String account, String msisdn, String email) {}

  Customer create(NewCustomer customer, String staffUsername);

  /**
   * Sets the customer's PIN.
   *
   * @throws org.portcullis.error.DomainException bad input unless the PIN is digits within the
   *     bank's length policy; not found for an unknown account
   */
  void setPin(String account, String pin, String staffUsername);

  /**
   * Sets the customer's app password (for access-token logins).
   *
   * @throws org.portcullis.error.DomainException bad input when {@link PasswordPolicy} refuses it;
   *     not found for an unknown account
   */
  void setPassword(String account, String password, String staffUsername);

  Optional<Customer> find(String account);

  /** The customers registered with this MSISDN (usually one; a shared phone gives several). */
  List<Customer> findByMsisdn(String msisdn);
}
