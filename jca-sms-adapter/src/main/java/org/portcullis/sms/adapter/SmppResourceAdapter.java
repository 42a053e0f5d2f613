package org.portcullis.sms.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The resource adapter that will bridge Portcullis to an SMS gateway over SMPP 3.4.
 *
 * <p>This first version only deploys and follows the container's lifecycle; the SMPP session,
 * outbound connection factory and inbound endpoints are added by the messaging work. Asking it for
 * inbound delivery today fails loudly rather than silently accepting and never delivering.
 *
 * <p>Thread-safety: the container calls the lifecycle methods serially.
 */
@Connector(
    displayName = "Portcullis SMPP adapter",
    vendorName = "Portcullis",
    eisType = "SMPP 3.4 SMS gateway",
    version = "1.0",
    transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class SmppResourceAdapter implements ResourceAdapter {

  private static final Logger LOG = Logger.getLogger(SmppResourceAdapter.class.getName());

  private volatile BootstrapContext bootstrapContext;

  @Override
  public void start(BootstrapContext context) {
    this.bootstrapContext = context;
    LOG.info("Portcullis SMPP resource adapter started");
  }

  @Override
  public void stop() {
    bootstrapContext = null;
    LOG.info("Portcullis SMPP resource adapter stopped");
  }

  /** Whether the container has started this adapter and not yet stopped it. */
  public boolean isStarted() {
    return bootstrapContext != null;
  }

  @Override
  public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec)
      throws ResourceException {
    throw new NotSupportedException(
        "Inbound SMS delivery is not available in this adapter version");
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
    // nothing was activated, so there is nothing to deactivate
  }

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }

  // A JCA ResourceAdapter JavaBean must define equals and hashCode (JCA 2.1 §5.3.1); identity fits.
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
