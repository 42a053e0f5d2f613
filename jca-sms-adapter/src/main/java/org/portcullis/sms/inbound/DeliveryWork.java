package org.portcullis.sms.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.portcullis.sms.api.InboundSms;
import org.portcullis.sms.api.SmsListener;

/**
 * Delivers one message to one endpoint: creates the endpoint, calls {@link SmsListener#onMessage},
 * and releases the endpoint in {@code finally}, so that a failing bean never leaks a pooled
 * instance.
 *
 * <p>Thread-safety: runs once on a container work thread; immutable otherwise.
 */
final class DeliveryWork implements Work {

  private static final Logger LOG = Logger.getLogger(DeliveryWork.class.getName());

  private final MessageEndpointFactory factory;
  private final InboundSms sms;

  DeliveryWork(MessageEndpointFactory factory, InboundSms sms) {
    this.factory = factory;
    this.sms = sms;
  }

  @Override
  public void run() {
    MessageEndpoint endpoint = null;
    try {
      endpoint = factory.createEndpoint(null);
      ((SmsListener) endpoint).onMessage(sms);
    } catch (UnavailableException e) {
      LOG.log(
          Level.WARNING,
          "Endpoint {0} unavailable; a {1} was not delivered: {2}",
          new Object[] {factory.getActivationName(), sms.kind(), e.getMessage()});
    } catch (RuntimeException e) {
      // the message text is not logged: it may carry a one-time code
      LOG.log(
          Level.WARNING,
          e,
          () -> "Endpoint " + factory.getActivationName() + " failed on a " + sms.kind());
    } finally {
      if (endpoint != null) {
        endpoint.release();
      }
    }
  }

  @Override
  public void release() {
    // onMessage is short and cannot be interrupted meaningfully; nothing to stop
  }
}
