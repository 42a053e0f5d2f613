package org.portcullis.sms.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.work.WorkException;
import org.junit.jupiter.api.Test;
import org.portcullis.sms.testing.RecordingEndpointFactory;
import org.portcullis.sms.testing.SynchronousWorkManager;

class InboundDispatcherTest {

  private final SynchronousWorkManager workManager = new SynchronousWorkManager();
  private final InboundDispatcher dispatcher = new InboundDispatcher(workManager);

  private static SmsActivationSpec spec(String kind, String destination, String keyword) {
    SmsActivationSpec spec = new SmsActivationSpec();
    spec.setKind(kind);
    spec.setDestinationAddress(destination);
    spec.setKeyword(keyword);
    return spec;
  }

  @Test
  void deliversToEveryMatchingEndpointAndReleasesIt() throws Exception {
    RecordingEndpointFactory join = new RecordingEndpointFactory("join");
    RecordingEndpointFactory receipts = new RecordingEndpointFactory("receipts");
    RecordingEndpointFactory all = new RecordingEndpointFactory("all");
    dispatcher.activate(join, spec("MOBILE_ORIGINATED", "12345", "JOIN"));
    dispatcher.activate(receipts, spec("DELIVERY_RECEIPT", null, null));
    dispatcher.activate(all, spec("ANY", null, null));

    dispatcher.onInbound(InboundFilterTest.mo("12345", "join 123456"));
    dispatcher.onInbound(InboundFilterTest.mo("12345", "STOP"));
    dispatcher.onInbound(InboundFilterTest.receipt("12345"));

    assertEquals(1, join.all().size());
    assertEquals(1, receipts.all().size());
    assertEquals(3, all.all().size());
    for (RecordingEndpointFactory factory : new RecordingEndpointFactory[] {join, receipts, all}) {
      assertEquals(factory.created(), factory.released(), factory.getActivationName());
    }
  }

  @Test
  void releasesTheEndpointWhenTheBeanThrows() throws Exception {
    RecordingEndpointFactory failing = new RecordingEndpointFactory("failing");
    failing.failWith(new IllegalStateException("bean broke"));
    dispatcher.activate(failing, spec("ANY", null, null));
    dispatcher.onInbound(InboundFilterTest.mo("1", "x"));
    assertEquals(1, failing.created());
    assertEquals(1, failing.released());
  }

  @Test
  void refusesMessagesWhileNoEndpointIsActiveSoTheGatewayRetries() {
    assertThrows(
        ResourceException.class, () -> dispatcher.onInbound(InboundFilterTest.mo("1", "x")));
  }

  @Test
  void refusedWorkIsReportedSoTheGatewayRetries() throws Exception {
    dispatcher.activate(new RecordingEndpointFactory("a"), spec("ANY", null, null));
    workManager.refuse(true);
    assertThrows(WorkException.class, () -> dispatcher.onInbound(InboundFilterTest.mo("1", "x")));
  }

  @Test
  void unmatchedMessagesAreDroppedQuietly() throws Exception {
    RecordingEndpointFactory join = new RecordingEndpointFactory("join");
    dispatcher.activate(join, spec("MOBILE_ORIGINATED", null, "JOIN"));
    dispatcher.onInbound(InboundFilterTest.receipt("1"));
    assertEquals(0, join.created());
    assertEquals(0, workManager.executed());
  }

  @Test
  void deactivationStopsDelivery() throws Exception {
    RecordingEndpointFactory factory = new RecordingEndpointFactory("a");
    SmsActivationSpec spec = spec("ANY", null, null);
    dispatcher.activate(factory, spec);
    dispatcher.activate(new RecordingEndpointFactory("b"), spec("ANY", null, null));
    dispatcher.deactivate(factory, spec);
    assertEquals(1, dispatcher.activeEndpoints());
    dispatcher.onInbound(InboundFilterTest.mo("1", "x"));
    assertEquals(0, factory.created());
  }

  @Test
  void refusesInvalidOrForeignSpecs() {
    assertThrows(
        InvalidPropertyException.class,
        () -> dispatcher.activate(new RecordingEndpointFactory("a"), spec("NOPE", null, null)));
    ActivationSpec foreign =
        new ActivationSpec() {
          @Override
          public void validate() {}

          @Override
          public ResourceAdapter getResourceAdapter() {
            return null;
          }

          @Override
          public void setResourceAdapter(ResourceAdapter ra) {}
        };
    assertThrows(
        NotSupportedException.class,
        () -> dispatcher.activate(new RecordingEndpointFactory("a"), foreign));
  }
}
