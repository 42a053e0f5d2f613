package org.portcullis.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CustomerTest {

  @Test
  void masksAllButTheCountryCodeAndTheLastThreeDigits() {
    assertEquals("+44•••••••123", Customer.masked("+447700900123"));
    assertEquals("+12••567", Customer.masked("+1234567"));
  }
}
