package org.portcullis.customer.internal;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import org.portcullis.customer.CustomerQuery;
import org.portcullis.query.LikePatterns;

/**
 * The JPQL condition of a {@link CustomerQuery} over {@code Customer c}: its alternatives OR-ed,
 * every value bound as a parameter. A search has any mix of three alternatives, so it cannot be one
 * named query.
 *
 * <p>The account is compared in lower case because accounts keep the case they were created with;
 * that comparison reads every row (there is no index on {@code LOWER(account)}: H2 has no
 * expression indexes). An MSISDN prefix is a range on the {@code customer_msisdn} index (see {@link
 * CustomerQuery#msisdnUpperBound()}); MSISDN digits anywhere read every row.
 */
final class CustomerQueryJpql {

  private CustomerQueryJpql() {}

  /** {@code " WHERE a OR b"}, or empty for every customer. */
  static String where(CustomerQuery query) {
    List<String> alternatives = new ArrayList<>(3);
    if (query.accountPrefix() != null) {
      alternatives.add("LOWER(c.account) LIKE :account");
    }
    if (query.msisdnPrefix() != null) {
      alternatives.add("(c.msisdn >= :msisdnFrom AND c.msisdn <= :msisdnTo)");
    }
    if (query.msisdnDigits() != null) {
      alternatives.add("c.msisdn LIKE :msisdnDigits");
    }
    return alternatives.isEmpty() ? "" : " WHERE " + String.join(" OR ", alternatives);
  }

  /** {@code jpql} with the parameters {@link #where} names bound. */
  static <Q extends Query> Q bind(Q jpql, CustomerQuery query) {
    if (query.accountPrefix() != null) {
      jpql.setParameter("account", LikePatterns.startingWith(query.accountPrefix()));
    }
    if (query.msisdnPrefix() != null) {
      jpql.setParameter("msisdnFrom", query.msisdnPrefix());
      jpql.setParameter("msisdnTo", query.msisdnUpperBound().orElseThrow());
    }
    if (query.msisdnDigits() != null) {
      jpql.setParameter("msisdnDigits", LikePatterns.containing(query.msisdnDigits()));
    }
    return jpql;
  }
}
