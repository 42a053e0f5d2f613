package org.portcullis.sms.testing;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.portcullis.sms.api.InboundSms;
import org.portcullis.sms.api.SmsListener;

/**
 * A message endpoint factory standing in for a message-driven bean: records what each endpoint
 * receives and counts created and released endpoints, so tests can see that every endpoint is
 * released even when {@code onMessage} throws.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class RecordingEndpointFactory implements MessageEndpointFactory {

  private final String name;
  private final BlockingQueue<InboundSms> received = new LinkedBlockingQueue<>();
  private final List<InboundSms> all = new CopyOnWriteArrayList<>();
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger released = new AtomicInteger();
  private volatile RuntimeException failure;

  public RecordingEndpointFactory(String name) {
    this.name = name;
  }

  /** Makes every later onMessage throw, as a failing bean would. */
  public void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  /** The next received message, or null after the timeout. */
  public InboundSms next(Duration timeout) throws InterruptedException {
    return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public List<InboundSms> all() {
    return List.copyOf(all);
  }

  public int created() {
    return created.get();
  }

  public int released() {
    return released.get();
  }

  @Override
  public MessageEndpoint createEndpoint(javax.transaction.xa.XAResource xaResource) {
    created.incrementAndGet();
    return new Endpoint();
  }

  @Override
  public MessageEndpoint createEndpoint(javax.transaction.xa.XAResource xaResource, long timeout) {
    return createEndpoint(xaResource);
  }

  @Override
  public boolean isDeliveryTransacted(Method method) {
    return false;
  }

  @Override
  public String getActivationName() {
    return name;
  }

  @Override
  public Class<?> getEndpointClass() {
    return Endpoint.class;
  }

  /** The endpoint: an SmsListener that is also a MessageEndpoint, as the container's proxy is. */
  private final class Endpoint implements MessageEndpoint, SmsListener {
    @Override
    public void onMessage(InboundSms message) {
      RuntimeException f = failure;
      if (f != null) {
        throw f;
      }
      all.add(message);
      received.add(message);
    }

    @Override
    public void beforeDelivery(Method method) {}

    @Override
    public void afterDelivery() {}

    @Override
    public void release() {
      released.incrementAndGet();
    }
  }
}
