package org.portcullis.sms.inbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.portcullis.sms.api.InboundSms;
import org.portcullis.sms.session.InboundHandler;

/**
 * Keeps the active message endpoints and gives each delivered message to every endpoint whose
 * filter matches, as a {@link DeliveryWork} scheduled on the container's {@link WorkManager}.
 *
 * <p>Scheduling rather than running the work keeps the SMPP session's few PDU threads free: they
 * also carry the answers to the application's own submissions. A message that finds no active
 * endpoint at all (the application is still deploying) or that the work manager refuses is refused
 * back to the gateway with a temporary error, so the gateway delivers it again later. A message
 * that no filter wants is acknowledged and dropped: nobody asked for it.
 *
 * <p>Thread-safety: thread-safe; endpoints live in a {@link ConcurrentHashMap}, activation and
 * delivery may happen concurrently.
 */
public final class InboundDispatcher implements InboundHandler {

  private static final Logger LOG = Logger.getLogger(InboundDispatcher.class.getName());

  /** One activation: the container passes the same pair to activate and deactivate. */
  private record Activation(MessageEndpointFactory factory, ActivationSpec spec) {}

  private final WorkManager workManager;
  private final Map<Activation, InboundFilter> endpoints = new ConcurrentHashMap<>();

  public InboundDispatcher(WorkManager workManager) {
    this.workManager = Objects.requireNonNull(workManager, "workManager");
  }

  /**
   * Starts delivering to an endpoint.
   *
   * @throws NotSupportedException when the spec is not this adapter's
   * @throws ResourceException when its properties are invalid
   */
  public void activate(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    if (!(spec instanceof SmsActivationSpec smsSpec)) {
      throw new NotSupportedException(
          "expected an SmsActivationSpec, got " + (spec == null ? null : spec.getClass()));
    }
    InboundFilter filter = smsSpec.filter();
    endpoints.put(new Activation(factory, spec), filter);
    LOG.log(
        Level.INFO,
        "SMS endpoint {0} activated for {1}",
        new Object[] {factory.getActivationName(), smsSpec});
  }

  /** Stops delivering to an endpoint. */
  public void deactivate(MessageEndpointFactory factory, ActivationSpec spec) {
    if (endpoints.remove(new Activation(factory, spec)) != null) {
      LOG.log(Level.INFO, "SMS endpoint {0} deactivated", factory.getActivationName());
    }
  }

  /** How many endpoints are active. */
  public int activeEndpoints() {
    return endpoints.size();
  }

  @Override
  public void onInbound(InboundSms sms) throws ResourceException {
    if (endpoints.isEmpty()) {
      throw new ResourceException("no message endpoint is active yet");
    }
    int scheduled = 0;
    for (Map.Entry<Activation, InboundFilter> entry : endpoints.entrySet()) {
      if (entry.getValue().matches(sms)) {
        try {
          workManager.scheduleWork(new DeliveryWork(entry.getKey().factory(), sms));
          scheduled++;
        } catch (WorkException e) {
          if (scheduled > 0) {
            // some endpoints have it already; a redelivery would duplicate it for them
            LOG.log(
                Level.WARNING,
                "Work manager refused a {0} for {1} after {2} other endpoint(s) took it: {3}",
                new Object[] {
                  sms.kind(), entry.getKey().factory().getActivationName(), scheduled, e
                });
            continue;
          }
          throw e;
        }
      }
    }
    if (scheduled == 0) {
      LOG.log(Level.FINE, "No endpoint wants this {0}; acknowledged and dropped", sms.kind());
    }
  }
}
