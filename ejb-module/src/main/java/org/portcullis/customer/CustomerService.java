package org.portcullis.customer;

import java.util.List;
import java.util.Optional;

/** Staff-side management of customers. */
public interface CustomerService {

  /** The longest page {@link #search} returns. */
  int MAX_LIMIT = 500;

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

  /**
   * One page of the customers that match what staff typed, ordered by account: an account prefix
   * (any case), an MSISDN prefix ({@code +44 7700}) or MSISDN digits ({@code 07700 900123}); see
   * {@link CustomerQuery} for exactly what matches. Blank or null lists every customer.
   *
   * @param offset rows to skip, from 0
   * @param limit 1 to {@link #MAX_LIMIT}
   * @throws org.portcullis.error.DomainException bad input {@code invalid-offset} or {@code
   *     invalid-limit}
   */
  List<Customer> search(String query, int offset, int limit);

  /** How many customers {@link #search} would page through for {@code query}. */
  long count(String query);
}
