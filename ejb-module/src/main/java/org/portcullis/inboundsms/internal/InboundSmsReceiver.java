package org.portcullis.inboundsms.internal;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import org.portcullis.error.DomainException;
import org.portcullis.inboundsms.InboundSmsService;
import org.portcullis.outbox.OutboxService;
import org.portcullis.sms.api.InboundSms;
import org.portcullis.sms.api.SmsListener;

/**
 * Receives what the SMS gateway sends Portcullis, through the SMS resource adapter's inbound side:
 * delivery receipts go to the outbox, mobile-originated messages are stored. It only delegates;
 * each delegate runs in a transaction of its own (the adapter's delivery is not transactional).
 *
 * <p>Bound to the adapter {@code portcullis#portcullis-sms} (application name, then the RAR's
 * module name) by {@code META-INF/glassfish-ejb-jar.xml} on Payara; WildFly binds it in {@code
 * META-INF/jboss-ejb3.xml} instead. A malformed message is logged and dropped (redelivering it
 * cannot help); any other failure goes back to the adapter.
 */
@MessageDriven(
    messageListenerInterface = SmsListener.class,
    activationConfig = {@ActivationConfigProperty(propertyName = "kind", propertyValue = "ANY")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboundSmsReceiver implements SmsListener {

  private static final Logger LOG = Logger.getLogger(InboundSmsReceiver.class.getName());

  @EJB OutboxService outbox;
  @EJB InboundSmsService inbound;

  @Override
  public void onMessage(InboundSms message) {
    if (message == null || message.kind() == null) {
      LOG.warning("Dropped an inbound SMS without a kind");
      return;
    }
    try {
      switch (message.kind()) {
        case DELIVERY_RECEIPT ->
            outbox.recordReceipt(message.receiptMessageId(), message.receiptState());
        case MOBILE_ORIGINATED -> inbound.store(message.from(), message.to(), message.text());
      }
    } catch (DomainException e) {
      // never the text: it may be a one-time code
      LOG.warning(() -> "Dropped a malformed " + message.kind() + ": " + e.getMessage());
    }
  }
}
