package org.portcullis.sms.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.util.Objects;
import javax.naming.Reference;
import org.portcullis.sms.api.SmsConnection;
import org.portcullis.sms.api.SmsConnectionFactory;

/**
 * What the application looks up: hands out {@link SmsConnection} handles from the server's pool.
 *
 * <p>Serializable and Referenceable so that the server can bind it in JNDI.
 *
 * <p>Thread-safety: thread-safe; the connection manager does the pooling.
 */
public class SmsConnectionFactoryImpl implements SmsConnectionFactory {

  private static final long serialVersionUID = 1L;

  private final SmsManagedConnectionFactory managedConnectionFactory;
  private final ConnectionManager connectionManager;
  private Reference reference;

  public SmsConnectionFactoryImpl(
      SmsManagedConnectionFactory managedConnectionFactory, ConnectionManager connectionManager) {
    this.managedConnectionFactory =
        Objects.requireNonNull(managedConnectionFactory, "managedConnectionFactory");
    this.connectionManager = Objects.requireNonNull(connectionManager, "connectionManager");
  }

  /**
   * A connection handle; never null.
   *
   * @throws ResourceException when the server cannot provide one (the adapter is not started, the
   *     pool is exhausted); a gateway that is not bound is reported by {@link SmsConnection#send}
   */
  @Override
  public SmsConnection getConnection() throws ResourceException {
    Object connection = connectionManager.allocateConnection(managedConnectionFactory, null);
    if (connection instanceof SmsConnection sms) {
      return sms;
    }
    throw new ResourceException(
        "the server returned "
            + (connection == null ? "no connection" : connection.getClass().getName())
            + " instead of an SmsConnection");
  }

  @Override
  public void setReference(Reference reference) {
    this.reference = reference;
  }

  @Override
  public Reference getReference() {
    return reference;
  }
}
