package org.portcullis.sms.inbound;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;
import org.portcullis.sms.api.SmsListener;

class SmsActivationSpecTest {

  @Test
  void declaresTheListenerInterface() {
    Activation activation = SmsActivationSpec.class.getAnnotation(Activation.class);
    assertNotNull(activation);
    assertEquals(SmsListener.class, activation.messageListeners()[0]);
  }

  @Test
  void defaultsAcceptEverything() {
    SmsActivationSpec spec = new SmsActivationSpec();
    assertDoesNotThrow(spec::validate);
    assertEquals(InboundFilter.KindFilter.ANY, assertDoesNotThrow(spec::filter).kind());
  }

  @Test
  void validPropertiesMakeTheirFilter() throws InvalidPropertyException {
    SmsActivationSpec spec = new SmsActivationSpec();
    spec.setKind("MOBILE_ORIGINATED");
    spec.setDestinationAddress("12345");
    spec.setKeyword("JOIN");
    spec.validate();
    InboundFilter filter = spec.filter();
    assertEquals("12345", filter.destinationAddress().orElseThrow());
    assertEquals("JOIN", filter.keyword().orElseThrow());
  }

  @Test
  void invalidKindIsReportedWithItsPropertyDescriptor() {
    SmsActivationSpec spec = new SmsActivationSpec();
    spec.setKind("EVERYTHING");
    InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
    assertTrue(e.getMessage().contains("kind"), e.getMessage());
    assertEquals("kind", e.getInvalidPropertyDescriptors()[0].getName());
  }

  @Test
  void invalidKeywordIsReportedWithItsPropertyDescriptor() {
    SmsActivationSpec spec = new SmsActivationSpec();
    spec.setKeyword("two words");
    InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
    assertEquals("keyword", e.getInvalidPropertyDescriptors()[0].getName());
  }
}
