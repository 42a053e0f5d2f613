package org.portcullis.customer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.customer.CustomerQuery;

class CustomerQueryJpqlTest {

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''",
        "alice| WHERE LOWER(c.account) LIKE :account",
        "+44 7700| WHERE (c.msisdn >= :msisdnFrom AND c.msisdn <= :msisdnTo)",
        "07700 900| WHERE LOWER(c.account) LIKE :account OR c.msisdn LIKE :msisdnDigits",
        "0044 7700| WHERE LOWER(c.account) LIKE :account"
            + " OR (c.msisdn >= :msisdnFrom AND c.msisdn <= :msisdnTo)"
      })
  void eachAlternativeOfTheQueryIsACondition(String text, String where) {
    // the CSV source strips the leading space of " WHERE"
    assertEquals(where, CustomerQueryJpql.where(CustomerQuery.of(text)).stripLeading());
  }
}
