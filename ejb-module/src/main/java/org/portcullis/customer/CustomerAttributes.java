package org.portcullis.customer;

import java.util.Map;
import java.util.Set;

/** A customer's profile attributes (SPEC §3.5), stored sealed; every change and read audited. */
public interface CustomerAttributes {

  /** Longest value accepted, in characters. */
  int MAX_VALUE = 1000;

  /**
   * Replaces all of a customer's attributes with {@code attributes} (an empty map deletes them).
   *
   * @throws org.portcullis.error.DomainException unknown customer, or bad input naming the field
   */
  void replace(String account, Map<String, String> attributes, String staffUsername);

  /** Every attribute of the customer, opened, for staff; audited as a read. */
  Map<String, String> read(String account, String staffUsername);

  /** The customer's attributes whose names are in {@code names}, opened; not audited here. */
  Map<String, String> release(Customer customer, Set<String> names);
}
