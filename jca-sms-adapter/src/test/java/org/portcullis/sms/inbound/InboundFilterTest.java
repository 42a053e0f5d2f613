package org.portcullis.sms.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.sms.api.InboundSms;

class InboundFilterTest {

  static InboundSms mo(String to, String text) {
    return new InboundSms(
        InboundSms.Kind.MOBILE_ORIGINATED, "+447700900123", to, text, null, null, Instant.EPOCH);
  }

  static InboundSms receipt(String to) {
    return new InboundSms(
        InboundSms.Kind.DELIVERY_RECEIPT,
        "+447700900123",
        to,
        "id:1 stat:DELIVRD",
        "1",
        "DELIVRD",
        Instant.EPOCH);
  }

  @Test
  void anyMatchesEverything() {
    InboundFilter filter = InboundFilter.of(null, null, null);
    assertEquals(InboundFilter.KindFilter.ANY, filter.kind());
    assertTrue(filter.matches(mo("12345", "hello")));
    assertTrue(filter.matches(receipt("12345")));
  }

  @Test
  void kindSelects() {
    InboundFilter mo = InboundFilter.of("mobile_originated", "", "");
    InboundFilter receipts = InboundFilter.of("DELIVERY_RECEIPT", null, null);
    assertTrue(mo.matches(mo("1", "x")));
    assertFalse(mo.matches(receipt("1")));
    assertTrue(receipts.matches(receipt("1")));
    assertFalse(receipts.matches(mo("1", "x")));
  }

  @ParameterizedTest(name = "filter {0} vs message to {1} -> {2}")
  @CsvSource({
    "12345, 12345, true",
    "12345, 123456, false",
    "+447700900000, 447700900000, true",
    "447700900000, +447700900000, true",
    "12345, 54321, false"
  })
  void destinationAddressMatchesExactlyIgnoringALeadingPlus(
      String filterAddress, String to, boolean matches) {
    assertEquals(matches, InboundFilter.of("ANY", filterAddress, null).matches(mo(to, "hi")));
  }

  @ParameterizedTest(name = "keyword JOIN vs \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "JOIN 123456|true",
        "join 123456|true",
        "  Join|true",
        "JOINED 1|false",
        "STOP JOIN|false",
        "|false",
        "JOIN\t123|true"
      })
  void keywordIsTheFirstWordInAnyCase(String text, boolean matches) {
    assertEquals(
        matches, InboundFilter.of("MOBILE_ORIGINATED", null, "JOIN").matches(mo("1", text)));
  }

  @Test
  void keywordNeverMatchesReceipts() {
    assertFalse(InboundFilter.of("ANY", null, "id:1").matches(receipt("1")));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "kind|RECEIPTS|ANY||",
        "destinationAddress|ANY|12345678901234567890123|",
        "destinationAddress|ANY|12;45|",
        "keyword|ANY||two words",
        "keyword|DELIVERY_RECEIPT||JOIN"
      })
  void refusesBadPropertiesNamingThem(
      String property, String kind, String destination, String keyword) {
    if (property.equals("kind")) {
      kind = "RECEIPTS";
    }
    String k = kind;
    InboundFilter.IllegalFilterException e =
        assertThrows(
            InboundFilter.IllegalFilterException.class,
            () -> InboundFilter.of(k, destination, keyword));
    assertEquals(property, e.property());
  }

  @Test
  void firstWordStopsAtWhitespace() {
    assertEquals("abc", InboundFilter.firstWord("  abc\tdef"));
    assertEquals("", InboundFilter.firstWord("   "));
    assertEquals("", InboundFilter.firstWord(null));
  }
}
