package org.portcullis.sms.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.IllegalStateException;
import org.portcullis.sms.api.OutboundSms;
import org.portcullis.sms.api.SmsConnection;
import org.portcullis.sms.api.SubmitResult;

/**
 * The application's connection handle: sends through the managed connection it is associated with.
 * {@link #close()} gives the handle back to the server's pool; it is then unusable.
 *
 * <p>Thread-safety: meant for one unit of work on one thread, like any connection handle; its state
 * is volatile so that the server may re-associate or invalidate it from another thread.
 */
public class SmsConnectionHandle implements SmsConnection {

  private volatile SmsManagedConnection managedConnection;
  private volatile boolean closed;

  SmsConnectionHandle(SmsManagedConnection managedConnection) {
    this.managedConnection = managedConnection;
  }

  @Override
  public SubmitResult send(OutboundSms sms) throws ResourceException {
    SmsManagedConnection current = managedConnection;
    if (closed || current == null) {
      throw new IllegalStateException("this SMS connection is closed");
    }
    return current.send(sms);
  }

  /** Returns the handle to the pool. Idempotent. */
  @Override
  public void close() {
    SmsManagedConnection current = managedConnection;
    if (closed) {
      return;
    }
    closed = true;
    if (current != null) {
      current.handleClosed(this);
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** Moves the handle to another managed connection (JCA connection association). */
  void associate(SmsManagedConnection newManagedConnection) {
    this.managedConnection = newManagedConnection;
  }

  /** Makes the handle unusable when its managed connection is cleaned up or destroyed. */
  void invalidate() {
    closed = true;
    managedConnection = null;
  }
}
