package org.portcullis.sms.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A message the gateway delivered to the adapter: a text a customer sent (mobile-originated), or a
 * delivery receipt for a message the adapter submitted.
 *
 * @param kind which of the two it is
 * @param from the sender's address (the customer's MSISDN for a mobile-originated message)
 * @param to the address it was sent to (the service number)
 * @param text the text (for a receipt, the receipt text as the gateway sent it)
 * @param receiptMessageId for a receipt, the gateway message id it is about; otherwise null
 * @param receiptState for a receipt, the final state (SMPP 3.4 appendix B: {@code DELIVRD}, {@code
 *     EXPIRED}, {@code DELETED}, {@code UNDELIV}, {@code ACCEPTD}, {@code UNKNOWN}, {@code
 *     REJECTD}); otherwise null
 * @param receivedAt when the adapter received it
 */
public record InboundSms(
    Kind kind,
    String from,
    String to,
    String text,
    String receiptMessageId,
    String receiptState,
    Instant receivedAt)
    implements Serializable {

  /** What an inbound message is. */
  public enum Kind {
    MOBILE_ORIGINATED,
    DELIVERY_RECEIPT
  }

  public boolean delivered() {
    return kind == Kind.DELIVERY_RECEIPT && "DELIVRD".equals(receiptState);
  }
}
