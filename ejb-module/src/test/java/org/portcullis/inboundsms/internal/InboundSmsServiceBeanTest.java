package org.portcullis.inboundsms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portcullis.inboundsms.ReceivedSms;

class InboundSmsServiceBeanTest {

  @Test
  void anInternationalNumberIsFoundWithAndWithoutItsPlus() {
    assertEquals(
        List.of("+447700900123", "447700900123"),
        InboundSmsServiceBean.senderForms("+447700900123"));
    assertEquals(
        List.of("447700900123", "+447700900123"),
        InboundSmsServiceBean.senderForms("447700900123"));
  }

  @Test
  void otherAddressesAreTakenAsTheyCome() {
    assertEquals(List.of("BANK"), InboundSmsServiceBean.senderForms("BANK"));
    assertEquals(List.of("12345"), InboundSmsServiceBean.senderForms("12345"));
  }

  @Test
  void addressesAreTrimmedAndCut() {
    assertEquals("+447700900123", InboundSmsServiceBean.address(" +447700900123\n"));
    assertEquals("1".repeat(21), InboundSmsServiceBean.address("1".repeat(30)));
    assertNull(InboundSmsServiceBean.address(" "));
    assertNull(InboundSmsServiceBean.address(null));
  }

  @Test
  void aReceivedSmsDoesNotShowItsText() {
    ReceivedSms sms = new ReceivedSms(1, "+447700900123", "80800", "482915", Instant.EPOCH);

    assertFalse(sms.toString().contains("482915"));
  }
}
