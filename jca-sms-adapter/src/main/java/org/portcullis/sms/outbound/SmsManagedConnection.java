package org.portcullis.sms.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.portcullis.sms.api.OutboundSms;
import org.portcullis.sms.api.SubmitResult;
import org.portcullis.sms.session.SmsGateway;

/**
 * A pooled connection: a lightweight view of the adapter's shared SMPP session. It holds no socket,
 * so the pool's size does not change how many binds the gateway sees; the session's own reconnects
 * are invisible here, and a gateway failure is reported to the caller rather than as a connection
 * error event (destroying the view would not help).
 *
 * <p>Thread-safety: thread-safe; handles and listeners live in concurrent collections.
 */
public class SmsManagedConnection implements ManagedConnection {

  private final SmsManagedConnectionFactory managedConnectionFactory;
  private final SmsGateway gateway;
  private final Set<SmsConnectionHandle> handles = ConcurrentHashMap.newKeySet();
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private volatile PrintWriter logWriter;

  SmsManagedConnection(SmsManagedConnectionFactory managedConnectionFactory, SmsGateway gateway) {
    this.managedConnectionFactory = managedConnectionFactory;
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  SmsManagedConnectionFactory managedConnectionFactory() {
    return managedConnectionFactory;
  }

  SubmitResult send(OutboundSms sms) throws ResourceException {
    return gateway.send(sms);
  }

  @Override
  public Object getConnection(Subject subject, ConnectionRequestInfo requestInfo) {
    SmsConnectionHandle handle = new SmsConnectionHandle(this);
    handles.add(handle);
    return handle;
  }

  @Override
  public void associateConnection(Object connection) throws ResourceException {
    if (!(connection instanceof SmsConnectionHandle handle)) {
      throw new ResourceException("not an SMS connection handle: " + connection);
    }
    handle.associate(this);
    handles.add(handle);
  }

  /** A handle was closed by the application: tell the server, which returns us to the pool. */
  void handleClosed(SmsConnectionHandle handle) {
    handles.remove(handle);
    ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
    event.setConnectionHandle(handle);
    for (ConnectionEventListener listener : listeners) {
      listener.connectionClosed(event);
    }
  }

  /** Invalidates the handles the application still holds, before the pool reuses us. */
  @Override
  public void cleanup() {
    handles.forEach(SmsConnectionHandle::invalidate);
    handles.clear();
  }

  @Override
  public void destroy() {
    cleanup();
    listeners.clear();
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public XAResource getXAResource() throws ResourceException {
    throw new NotSupportedException("SMPP has no transactions");
  }

  @Override
  public LocalTransaction getLocalTransaction() throws ResourceException {
    throw new NotSupportedException("SMPP has no transactions");
  }

  @Override
  public ManagedConnectionMetaData getMetaData() {
    return new ManagedConnectionMetaData() {
      @Override
      public String getEISProductName() {
        return "SMPP 3.4 SMS gateway";
      }

      @Override
      public String getEISProductVersion() {
        return "3.4";
      }

      @Override
      public int getMaxConnections() {
        return 0; // no limit: connections share one session
      }

      @Override
      public String getUserName() {
        return null;
      }
    };
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }
}
