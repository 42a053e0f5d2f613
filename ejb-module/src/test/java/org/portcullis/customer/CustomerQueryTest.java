package org.portcullis.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerQueryTest {

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t"})
  void blankIsEveryCustomer(String text) {
    CustomerQuery query = CustomerQuery.of(text);

    assertTrue(query.isAll());
    assertEquals(Optional.empty(), query.msisdnUpperBound());
  }

  @ParameterizedTest(name = "[{0}] → prefix {1}")
  @CsvSource({
    "+447700900123, +447700900123",
    "+44 7700 900123, +447700900123",
    "+44-7700-900, +447700900",
    "' +44 ', +44",
    "+4, +4"
  })
  void aPlusAndDigitsIsAnMsisdnPrefixOnly(String text, String prefix) {
    assertEquals(new CustomerQuery(null, prefix, null), CustomerQuery.of(text));
  }

  @ParameterizedTest(name = "[{0}] → contains {1}, or account {2}")
  @CsvSource({
    "07700 900123, 7700900123, 07700 900123",
    "7700900123, 7700900123, 7700900123",
    "447700900123, 447700900123, 447700900123",
    "900-123, 900123, 900-123",
    "0123, 123, 0123",
    "1234, 1234, 1234"
  })
  void digitsAreMsisdnDigitsAnywhereOrANumericAccount(String text, String digits, String account) {
    assertEquals(new CustomerQuery(account, null, digits), CustomerQuery.of(text));
  }

  @ParameterizedTest(name = "[{0}] → prefix {1}, or account {2}")
  @CsvSource({"0044 7700 900, +447700900, 0044 7700 900", "00447700, +447700, 00447700"})
  void theInternationalCallPrefixReadsAsPlus(String text, String prefix, String account) {
    assertEquals(new CustomerQuery(account, prefix, null), CustomerQuery.of(text));
  }

  @ParameterizedTest(name = "[{0}] → account {1}")
  @CsvSource({
    "alice, alice",
    "Alice, alice",
    "' ALICE.Smith ', alice.smith",
    "123, 123",
    "12-3, 12-3",
    "a1234, a1234",
    "1234x, 1234x",
    "+44 (0) 7700, +44 (0) 7700",
    "+, +",
    "%_, %_"
  })
  void anythingElseIsAnAccountPrefixIgnoringCase(String text, String account) {
    CustomerQuery query = CustomerQuery.of(text);

    assertEquals(new CustomerQuery(account, null, null), query);
    assertFalse(query.isAll());
  }

  @ParameterizedTest(name = "{0} → up to {1}")
  @CsvSource({
    "+44, +449999999999999",
    "+447700900123, +447700900123999",
    "+123456789012345, +123456789012345",
    "+1234567890123456, +1234567890123456"
  })
  void theMsisdnRangeEndsAtTheGreatestNumberWithThePrefix(String prefix, String upper) {
    assertEquals(Optional.of(upper), CustomerQuery.of(prefix).msisdnUpperBound());
  }

  @ParameterizedTest(name = "{0} within the range of +4477: {1}")
  @CsvSource({
    "+447700900123, true",
    "+4477, true",
    "+447799999999999, true",
    "+4478, false",
    "+447, false",
    "+4476999999999999, false",
    "+45, false"
  })
  void theRangeHoldsExactlyTheNumbersWithThePrefix(String msisdn, boolean within) {
    CustomerQuery query = CustomerQuery.of("+4477");
    String upper = query.msisdnUpperBound().orElseThrow();

    assertEquals(
        within, msisdn.compareTo(query.msisdnPrefix()) >= 0 && msisdn.compareTo(upper) <= 0);
    assertEquals(within, msisdn.startsWith(query.msisdnPrefix()));
  }

  @Test
  void storedMsisdnsFitTheRangeBound() {
    assertTrue("+123456789012345".matches(Customer.MSISDN_PATTERN));
    assertEquals(CustomerQuery.MAX_MSISDN_LENGTH, "+123456789012345".length());
  }
}
