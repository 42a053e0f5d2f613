package org.portcullis.sms.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.portcullis.sms.api.OutboundSms;
import org.portcullis.sms.inbound.SmsActivationSpec;
import org.portcullis.sms.testing.RecordingEndpointFactory;
import org.portcullis.sms.testing.SynchronousWorkManager;
import org.portcullis.sms.testing.TestBootstrapContext;

class SmppResourceAdapterTest {

  static SmppResourceAdapter configured(int port) {
    SmppResourceAdapter adapter = new SmppResourceAdapter();
    adapter.setHost("127.0.0.1");
    adapter.setPort(port);
    adapter.setSystemId("portcullis");
    adapter.setPassword("secret");
    adapter.setReconnectMinMillis(50);
    adapter.setReconnectMaxMillis(200);
    return adapter;
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of("host", (Consumer<SmppResourceAdapter>) a -> a.setHost(null)),
        Arguments.of("password", (Consumer<SmppResourceAdapter>) a -> a.setPassword(null)),
        Arguments.of("systemId", (Consumer<SmppResourceAdapter>) a -> a.setSystemId("")),
        Arguments.of("port", (Consumer<SmppResourceAdapter>) a -> a.setPort(70_000)),
        Arguments.of("ratePerSecond", (Consumer<SmppResourceAdapter>) a -> a.setRatePerSecond(-1)),
        Arguments.of("bindType", (Consumer<SmppResourceAdapter>) a -> a.setBindType("SOMETIMES")),
        Arguments.of(
            "reconnectMaxMillis",
            (Consumer<SmppResourceAdapter>) a -> a.setReconnectMaxMillis(10)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void startRefusesBadSettingsNamingTheProperty(String property, Consumer<SmppResourceAdapter> bad)
      throws IOException {
    SmppResourceAdapter adapter = configured(closedPort());
    bad.accept(adapter);
    ResourceAdapterInternalException e =
        assertThrows(
            ResourceAdapterInternalException.class,
            () -> adapter.start(new TestBootstrapContext(new SynchronousWorkManager())));
    assertTrue(e.getMessage().contains(property + ": "), e.getMessage());
    assertEquals(property, e.getErrorCode());
    assertFalse(adapter.isStarted());
  }

  @Test
  void aGatewayThatIsDownDoesNotFailTheStart() throws Exception {
    SmppResourceAdapter adapter = configured(closedPort());
    adapter.start(new TestBootstrapContext(new SynchronousWorkManager()));
    try {
      assertTrue(adapter.isStarted());
      ResourceException e =
          assertThrows(
              ResourceException.class,
              () -> adapter.gateway().send(OutboundSms.to("+447700900123", "hello")));
      assertTrue(e.getMessage().startsWith("gateway not bound"), e.getMessage());
    } finally {
      adapter.stop();
    }
    assertFalse(adapter.isStarted());
    assertThrows(ResourceException.class, adapter::gateway);
  }

  @Test
  void activatesEndpointsOnlyWhileStarted() throws Exception {
    SmppResourceAdapter adapter = configured(closedPort());
    RecordingEndpointFactory factory = new RecordingEndpointFactory("mdb");
    SmsActivationSpec spec = new SmsActivationSpec();
    assertThrows(ResourceException.class, () -> adapter.endpointActivation(factory, spec));
    adapter.start(new TestBootstrapContext(new SynchronousWorkManager()));
    try {
      adapter.endpointActivation(factory, spec);
      adapter.endpointDeactivation(factory, spec);
    } finally {
      adapter.stop();
    }
    adapter.endpointDeactivation(factory, spec); // harmless after stop
  }

  @Test
  void everySettingIsAConfigPropertyAndThePasswordHasNoDefault() {
    assertNotNull(SmppResourceAdapter.class.getAnnotation(Connector.class));
    Set<String> properties = new TreeSet<>();
    for (Field field : SmppResourceAdapter.class.getDeclaredFields()) {
      ConfigProperty property = field.getAnnotation(ConfigProperty.class);
      if (property != null) {
        properties.add(field.getName());
        if (field.getName().equals("password")) {
          assertTrue(property.confidential());
          assertEquals("", property.defaultValue());
        }
      }
    }
    assertEquals(
        new TreeSet<>(
            Set.of(
                "host",
                "port",
                "systemId",
                "password",
                "systemType",
                "bindType",
                "sourceAddress",
                "sourceTon",
                "sourceNpi",
                "destinationTon",
                "destinationNpi",
                "ratePerSecond",
                "enquireLinkSeconds",
                "connectTimeoutMillis",
                "responseTimeoutMillis",
                "reconnectMinMillis",
                "reconnectMaxMillis")),
        properties);
    SmppResourceAdapter fresh = new SmppResourceAdapter();
    assertEquals(null, fresh.getPassword());
    assertEquals(null, fresh.getHost());
    assertEquals(null, fresh.getSystemId());
  }

  @Test
  void equalityIsIdentity() {
    SmppResourceAdapter a = new SmppResourceAdapter();
    SmppResourceAdapter b = new SmppResourceAdapter();
    assertEquals(a, a);
    assertFalse(a.equals(b));
  }
}
