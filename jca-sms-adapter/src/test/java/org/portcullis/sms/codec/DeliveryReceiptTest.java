package org.portcullis.sms.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryReceiptTest {

  @Test
  void parsesTheAppendixBFormat() {
    DeliveryReceipt receipt =
        DeliveryReceipt.parse(
                "id:0123456789 sub:001 dlvrd:001 submit date:2401311200 done date:2401311201"
                    + " stat:DELIVRD err:000 text:Your code id:9 is")
            .orElseThrow();
    assertEquals("0123456789", receipt.id());
    assertEquals("001", receipt.submitted());
    assertEquals("001", receipt.delivered());
    assertEquals("2401311200", receipt.submitDate());
    assertEquals("2401311201", receipt.doneDate());
    assertEquals("DELIVRD", receipt.state());
    assertEquals("000", receipt.error());
    assertEquals("Your code id:9 is", receipt.text(), "text: runs to the end");
  }

  @Test
  void toleratesCaseSpacingAndMissingFields() {
    DeliveryReceipt receipt =
        DeliveryReceipt.parse("ID:ab-12  Submit  Date:2401311200 Stat:undeliv err:042")
            .orElseThrow();
    assertEquals("ab-12", receipt.id());
    assertEquals("2401311200", receipt.submitDate());
    assertEquals("UNDELIV", receipt.state());
    assertEquals("042", receipt.error());
    assertNull(receipt.doneDate());
    assertNull(receipt.text());
  }

  @Test
  void anOrdinaryTextIsNoReceipt() {
    assertFalse(DeliveryReceipt.parse("Hello, your code is 123456").isPresent());
    assertFalse(DeliveryReceipt.parse("").isPresent());
    assertFalse(DeliveryReceipt.parse(null).isPresent());
  }

  @Test
  void toStringLeavesOutTheText() {
    DeliveryReceipt receipt = DeliveryReceipt.parse("id:1 stat:DELIVRD text:123456").orElseThrow();
    assertFalse(receipt.toString().contains("123456"));
    assertTrue(receipt.toString().contains("DELIVRD"));
  }

  @ParameterizedTest
  @CsvSource({
    "1, ENROUTE",
    "2, DELIVRD",
    "3, EXPIRED",
    "4, DELETED",
    "5, UNDELIV",
    "6, ACCEPTD",
    "7, UNKNOWN",
    "8, REJECTD"
  })
  void namesMessageStates(int state, String name) {
    assertEquals(Optional.of(name), DeliveryReceipt.stateName(state));
  }

  @Test
  void unknownMessageStateHasNoName() {
    assertTrue(DeliveryReceipt.stateName(0).isEmpty());
    assertTrue(DeliveryReceipt.stateName(42).isEmpty());
  }
}
