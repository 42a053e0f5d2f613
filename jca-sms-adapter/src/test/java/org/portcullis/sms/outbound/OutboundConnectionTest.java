package org.portcullis.sms.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.NotSupportedException;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ManagedConnection;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.naming.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.sms.adapter.SmppResourceAdapter;
import org.portcullis.sms.api.OutboundSms;
import org.portcullis.sms.api.SmsConnection;
import org.portcullis.sms.api.SmsConnectionFactory;
import org.portcullis.sms.testing.SynchronousWorkManager;
import org.portcullis.sms.testing.TestBootstrapContext;

/** The JCA outbound contract, against an adapter whose gateway is down. */
class OutboundConnectionTest {

  private SmppResourceAdapter adapter;
  private SmsManagedConnectionFactory mcf;

  @BeforeEach
  void startAdapter() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    adapter = new SmppResourceAdapter();
    adapter.setHost("127.0.0.1");
    adapter.setPort(port);
    adapter.setSystemId("portcullis");
    adapter.setPassword("secret");
    adapter.start(new TestBootstrapContext(new SynchronousWorkManager()));
    mcf = new SmsManagedConnectionFactory();
    mcf.setResourceAdapter(adapter);
  }

  @AfterEach
  void stopAdapter() {
    adapter.stop();
  }

  @Test
  void connectionDefinitionNamesTheClientApi() {
    ConnectionDefinition definition =
        SmsManagedConnectionFactory.class.getAnnotation(ConnectionDefinition.class);
    assertEquals(SmsConnectionFactory.class, definition.connectionFactory());
    assertEquals(SmsConnection.class, definition.connection());
    assertTrue(SmsConnectionFactory.class.isAssignableFrom(definition.connectionFactoryImpl()));
    assertTrue(SmsConnection.class.isAssignableFrom(definition.connectionImpl()));
  }

  @Test
  void factoriesOfTheSameAdapterAreEqualAndHashTheSameBeforeAndAfterAssociation()
      throws ResourceException {
    SmsManagedConnectionFactory other = new SmsManagedConnectionFactory();
    int before = other.hashCode();
    assertNotEquals(mcf, other);
    other.setResourceAdapter(adapter);
    assertEquals(mcf, other);
    assertEquals(before, other.hashCode());
    assertEquals(mcf.hashCode(), other.hashCode());
    SmsManagedConnectionFactory elsewhere = new SmsManagedConnectionFactory();
    elsewhere.setResourceAdapter(new SmppResourceAdapter());
    assertNotEquals(mcf, elsewhere);
    assertSame(adapter, mcf.getResourceAdapter());
  }

  @Test
  void unassociatedFactoryRefusesToMakeConnections() {
    assertThrows(
        ResourceException.class,
        () -> new SmsManagedConnectionFactory().createManagedConnection(null, null));
  }

  @Test
  void connectionFactoryNeverReturnsNullAndSendFailsFastWhileNotBound() throws Exception {
    SmsConnectionFactory factory = (SmsConnectionFactory) mcf.createConnectionFactory();
    assertInstanceOf(Serializable.class, factory);
    assertInstanceOf(Referenceable.class, factory);
    try (SmsConnection connection = factory.getConnection()) {
      assertNotNull(connection);
      ResourceException e =
          assertThrows(
              ResourceException.class, () -> connection.send(OutboundSms.to("+447700900123", "x")));
      assertEquals("NOT_BOUND", e.getErrorCode());
    }
  }

  @Test
  void closingAHandleReturnsItThroughAConnectionClosedEvent() throws ResourceException {
    ManagedConnection managed = mcf.createManagedConnection(null, null);
    List<ConnectionEvent> events = new ArrayList<>();
    managed.addConnectionEventListener(recording(events));
    SmsConnection handle = (SmsConnection) managed.getConnection(null, null);

    handle.close();
    handle.close(); // idempotent

    assertEquals(1, events.size());
    assertEquals(ConnectionEvent.CONNECTION_CLOSED, events.get(0).getId());
    assertSame(handle, events.get(0).getConnectionHandle());
    assertThrows(
        jakarta.resource.spi.IllegalStateException.class,
        () -> handle.send(OutboundSms.to("+447700900123", "x")));
  }

  @Test
  void cleanupInvalidatesHandlesTheApplicationStillHolds() throws ResourceException {
    ManagedConnection managed = mcf.createManagedConnection(null, null);
    SmsConnectionHandle handle = (SmsConnectionHandle) managed.getConnection(null, null);
    managed.cleanup();
    assertTrue(handle.isClosed());
    assertThrows(ResourceException.class, () -> handle.send(OutboundSms.to("+1555", "x")));
  }

  @Test
  void handlesCanMoveToAnotherManagedConnection() throws ResourceException {
    ManagedConnection first = mcf.createManagedConnection(null, null);
    ManagedConnection second = mcf.createManagedConnection(null, null);
    List<ConnectionEvent> events = new ArrayList<>();
    second.addConnectionEventListener(recording(events));
    SmsConnection handle = (SmsConnection) first.getConnection(null, null);
    second.associateConnection(handle);
    handle.close();
    assertEquals(1, events.size(), "the new managed connection reports the close");
    assertThrows(ResourceException.class, () -> second.associateConnection("not a handle"));
  }

  @Test
  void matchesAnyConnectionOfTheSameFactory() throws ResourceException {
    ManagedConnection managed = mcf.createManagedConnection(null, null);
    assertSame(managed, mcf.matchManagedConnections(Set.of(managed), null, null));
    SmsManagedConnectionFactory elsewhere = new SmsManagedConnectionFactory();
    elsewhere.setResourceAdapter(new SmppResourceAdapter());
    assertNull(elsewhere.matchManagedConnections(Set.of(managed), null, null));
  }

  @Test
  void hasNoTransactions() throws ResourceException {
    ManagedConnection managed = mcf.createManagedConnection(null, null);
    assertThrows(NotSupportedException.class, managed::getXAResource);
    assertThrows(NotSupportedException.class, managed::getLocalTransaction);
    assertEquals("3.4", managed.getMetaData().getEISProductVersion());
  }

  @Test
  void referenceIsKept() {
    SmsConnectionFactoryImpl factory = (SmsConnectionFactoryImpl) mcf.createConnectionFactory();
    Reference reference = new Reference(SmsConnectionFactory.class.getName());
    factory.setReference(reference);
    assertSame(reference, factory.getReference());
  }

  @Test
  void aConnectionManagerThatReturnsNothingIsAnErrorNotANull() {
    SmsConnectionFactory factory =
        new SmsConnectionFactoryImpl(mcf, (managedConnectionFactory, info) -> null);
    ResourceException e = assertThrows(ResourceException.class, factory::getConnection);
    assertFalse(e.getMessage().isEmpty());
  }

  private static ConnectionEventListener recording(List<ConnectionEvent> events) {
    return new ConnectionEventListener() {
      @Override
      public void connectionClosed(ConnectionEvent event) {
        events.add(event);
      }

      @Override
      public void localTransactionStarted(ConnectionEvent event) {}

      @Override
      public void localTransactionCommitted(ConnectionEvent event) {}

      @Override
      public void localTransactionRolledback(ConnectionEvent event) {}

      @Override
      public void connectionErrorOccurred(ConnectionEvent event) {}
    };
  }
}
