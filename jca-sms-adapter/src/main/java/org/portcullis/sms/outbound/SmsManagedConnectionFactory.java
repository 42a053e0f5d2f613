package org.portcullis.sms.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;
import org.portcullis.sms.adapter.SmppResourceAdapter;
import org.portcullis.sms.api.SmsConnection;
import org.portcullis.sms.api.SmsConnectionFactory;

/**
 * Makes the connections the server pools for {@code SmsConnectionFactory} resources.
 *
 * <p>It has no settings of its own: every connection sends through the resource adapter's one SMPP
 * session, configured on the adapter. Two factories are therefore equal when they belong to the
 * same adapter instance; the hash code is fixed per class so that it does not change when the
 * server associates the adapter after putting the factory in a map.
 *
 * <p>Thread-safety: the server configures it on one thread; afterwards it is safe for concurrent
 * use (the adapter reference is volatile).
 */
@ConnectionDefinition(
    connectionFactory = SmsConnectionFactory.class,
    connectionFactoryImpl = SmsConnectionFactoryImpl.class,
    connection = SmsConnection.class,
    connectionImpl = SmsConnectionHandle.class)
public class SmsManagedConnectionFactory
    implements ManagedConnectionFactory, ResourceAdapterAssociation {

  private static final long serialVersionUID = 1L;

  private transient volatile SmppResourceAdapter resourceAdapter;
  private transient volatile PrintWriter logWriter;

  /** The server's pooled, managed case. */
  @Override
  public Object createConnectionFactory(ConnectionManager connectionManager) {
    return new SmsConnectionFactoryImpl(this, connectionManager);
  }

  /** Outside a server: connections straight from this factory, without pooling. */
  @Override
  public Object createConnectionFactory() {
    return new SmsConnectionFactoryImpl(this, new UnpooledConnectionManager());
  }

  @Override
  public ManagedConnection createManagedConnection(
      Subject subject, ConnectionRequestInfo requestInfo) throws ResourceException {
    SmppResourceAdapter adapter = resourceAdapter;
    if (adapter == null) {
      throw new ResourceException(
          "SmsManagedConnectionFactory is not associated with the Portcullis SMPP adapter",
          "NOT_ASSOCIATED");
    }
    return new SmsManagedConnection(this, adapter.gateway());
  }

  /** Any connection of this factory will do: they are all views of the same session. */
  @Override
  @SuppressWarnings("rawtypes")
  public ManagedConnection matchManagedConnections(
      Set connectionSet, Subject subject, ConnectionRequestInfo requestInfo) {
    for (Object candidate : connectionSet) {
      if (candidate instanceof SmsManagedConnection connection
          && equals(connection.managedConnectionFactory())) {
        return connection;
      }
    }
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
    if (!(adapter instanceof SmppResourceAdapter smpp)) {
      throw new ResourceException(
          "expected the Portcullis SMPP adapter, got "
              + (adapter == null ? null : adapter.getClass().getName()));
    }
    this.resourceAdapter = smpp;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SmsManagedConnectionFactory that
        && that.getClass() == getClass()
        && that.resourceAdapter == resourceAdapter;
  }

  @Override
  public int hashCode() {
    return SmsManagedConnectionFactory.class.hashCode();
  }
}
