package org.portcullis.sms.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.api.Test;
import org.portcullis.sms.api.OutboundSms;

/** The session manager without a gateway: what it does while nothing answers. */
class SmppSessionManagerTest {

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static SmppSettings.Builder settings() throws IOException {
    return SmppSettings.builder()
        .host("127.0.0.1")
        .port(closedPort())
        .systemId("portcullis")
        .password("secret")
        .reconnectMinMillis(50)
        .reconnectMaxMillis(200);
  }

  @Test
  void aGatewayThatIsDownMakesSendsFailAtOnceWithTheReason() throws Exception {
    try (SmppSessionManager manager = new SmppSessionManager(settings().build(), sms -> {})) {
      manager.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (manager.lastError().equals("not bound yet") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertFalse(manager.isBound());
      long start = System.nanoTime();
      ResourceException e =
          assertThrows(
              ResourceException.class, () -> manager.send(OutboundSms.to("+447700900123", "hi")));
      assertTrue(System.nanoTime() - start < Duration.ofMillis(500).toNanos(), "fails fast");
      assertTrue(
          e.getMessage().startsWith("gateway not bound: cannot connect to 127.0.0.1:"),
          e.getMessage());
      assertEquals(SmppSessionManager.NOT_BOUND, e.getErrorCode());
    }
  }

  @Test
  void aReceiverCannotSend() throws Exception {
    try (SmppSessionManager manager =
        new SmppSessionManager(settings().bindType("RX").build(), sms -> {})) {
      ResourceException e =
          assertThrows(ResourceException.class, () -> manager.send(OutboundSms.to("+1555", "hi")));
      assertEquals("NOT_TRANSMITTER", e.getErrorCode());
    }
  }

  @Test
  void closeIsIdempotentAndStopsBinding() throws Exception {
    SmppSessionManager manager = new SmppSessionManager(settings().build(), sms -> {});
    manager.start();
    manager.close();
    manager.close();
    assertEquals("adapter stopped", manager.lastError());
  }

  @Test
  void internationalDestinationsLoseThePlusAndMustBeE164() throws Exception {
    try (SmppSessionManager manager = new SmppSessionManager(settings().build(), sms -> {})) {
      SmppSessionManager.Address address = manager.destination("+447700900123");
      assertEquals(TypeOfNumber.INTERNATIONAL, address.ton());
      assertEquals(NumberingPlanIndicator.ISDN, address.npi());
      assertEquals("447700900123", address.address());
      for (String bad : new String[] {"", "+", "+44 7700", "+1234567890123456", "call me"}) {
        ResourceException e = assertThrows(ResourceException.class, () -> manager.destination(bad));
        assertEquals(SmppSessionManager.INVALID_ADDRESS, e.getErrorCode(), bad);
        assertFalse(e.getMessage().contains("7700"), "no number in the message");
      }
    }
  }

  @Test
  void senderOverridesPickTheirTypeOfNumber() throws Exception {
    try (SmppSessionManager manager =
        new SmppSessionManager(
            settings()
                .sourceAddress("+441234567890")
                .sourceTon("INTERNATIONAL")
                .sourceNpi("ISDN")
                .build(),
            sms -> {})) {
      SmppSessionManager.Address configured = manager.source(null);
      assertEquals("441234567890", configured.address());
      assertEquals(TypeOfNumber.INTERNATIONAL, configured.ton());

      SmppSessionManager.Address alpha = manager.source("MyBank");
      assertEquals(TypeOfNumber.ALPHANUMERIC, alpha.ton());
      assertEquals("MyBank", alpha.address());

      SmppSessionManager.Address e164 = manager.source("+447700900000");
      assertEquals(TypeOfNumber.INTERNATIONAL, e164.ton());
      assertEquals("447700900000", e164.address());

      SmppSessionManager.Address shortCode = manager.source("12345");
      assertNotNull(shortCode);
      assertEquals("12345", shortCode.address());

      assertThrows(ResourceException.class, () -> manager.source("A sender too long"));
    }
  }
}
