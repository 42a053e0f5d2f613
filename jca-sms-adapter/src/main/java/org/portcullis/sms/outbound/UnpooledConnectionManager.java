package org.portcullis.sms.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnectionFactory;

/**
 * The connection manager of the non-managed case (JCA 2.1 §6.5.2): a new managed connection per
 * request. Enough here, where a managed connection is only a view of the shared session.
 *
 * <p>Thread-safety: stateless.
 */
final class UnpooledConnectionManager implements ConnectionManager {

  private static final long serialVersionUID = 1L;

  @Override
  public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
      throws ResourceException {
    return factory.createManagedConnection(null, info).getConnection(null, info);
  }
}
