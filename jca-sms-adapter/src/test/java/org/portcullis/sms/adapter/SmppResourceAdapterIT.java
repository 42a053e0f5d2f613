package org.portcullis.sms.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.sms.api.InboundSms;
import org.portcullis.sms.api.OutboundSms;
import org.portcullis.sms.api.SmsConnection;
import org.portcullis.sms.api.SmsConnectionFactory;
import org.portcullis.sms.api.SubmitResult;
import org.portcullis.sms.inbound.SmsActivationSpec;
import org.portcullis.sms.outbound.SmsManagedConnectionFactory;
import org.portcullis.sms.session.SmppSessionManager;
import org.portcullis.sms.testing.RecordingEndpointFactory;
import org.portcullis.sms.testing.SmscSimulator;
import org.portcullis.sms.testing.SynchronousWorkManager;
import org.portcullis.sms.testing.TestBootstrapContext;

/**
 * The whole adapter as a container would drive it, minus the container: started with properties, an
 * application's connection factory sending, and message-driven bean stand-ins activated with
 * filters receiving receipts and mobile-originated messages through a (synchronous) work manager.
 */
class SmppResourceAdapterIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private SmscSimulator smsc;
  private SmppResourceAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    smsc = SmscSimulator.builder().systemId("portcullis").password("secret").start();
    adapter = new SmppResourceAdapter();
    adapter.setHost("127.0.0.1");
    adapter.setPort(smsc.smppPort());
    adapter.setSystemId("portcullis");
    adapter.setPassword("secret");
    adapter.setSourceAddress("12345");
    adapter.setRatePerSecond(0);
    adapter.start(new TestBootstrapContext(new SynchronousWorkManager()));
    assertTrue(
        ((SmppSessionManager) adapter.gateway()).awaitBound(WAIT), adapter.gateway().lastError());
  }

  @AfterEach
  void stop() {
    adapter.stop();
    smsc.close();
  }

  private static SmsActivationSpec spec(String kind, String destination, String keyword) {
    SmsActivationSpec spec = new SmsActivationSpec();
    spec.setKind(kind);
    spec.setDestinationAddress(destination);
    spec.setKeyword(keyword);
    return spec;
  }

  @Test
  void sendsThroughTheConnectionFactoryAndDeliversReceiptsAndRepliesToFilteredEndpoints()
      throws Exception {
    RecordingEndpointFactory receipts = new RecordingEndpointFactory("receipts");
    RecordingEndpointFactory enrolment = new RecordingEndpointFactory("enrolment");
    adapter.endpointActivation(receipts, spec("DELIVERY_RECEIPT", null, null));
    adapter.endpointActivation(enrolment, spec("MOBILE_ORIGINATED", "12345", "JOIN"));

    SmsManagedConnectionFactory mcf = new SmsManagedConnectionFactory();
    mcf.setResourceAdapter(adapter);
    SmsConnectionFactory factory = (SmsConnectionFactory) mcf.createConnectionFactory();
    SubmitResult result;
    try (SmsConnection connection = factory.getConnection()) {
      result = connection.send(OutboundSms.to("+447700900123", "Your code is 246810"));
    }

    InboundSms receipt = receipts.next(WAIT);
    assertNotNull(receipt, "receipt reached the receipt endpoint");
    assertEquals(result.messageId(), receipt.receiptMessageId());
    assertTrue(receipt.delivered());

    smsc.sendMo("+447700900123", "12345", "join 135790");
    smsc.sendMo("+447700900123", "12345", "STOP");
    InboundSms mo = enrolment.next(WAIT);
    assertNotNull(mo, "JOIN reached the enrolment endpoint");
    assertEquals("+447700900123", mo.from());
    assertEquals("join 135790", mo.text());
    assertNull(enrolment.next(Duration.ofMillis(500)), "STOP is not for the enrolment endpoint");

    List<SmscSimulator.Message> sent = smsc.messages();
    assertEquals("Your code is 246810", sent.get(0).text());
    assertEquals(receipts.created(), receipts.released());
    assertEquals(enrolment.created(), enrolment.released());
  }
}
