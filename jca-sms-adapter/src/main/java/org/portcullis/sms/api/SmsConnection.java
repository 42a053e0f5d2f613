package org.portcullis.sms.api;

import jakarta.resource.ResourceException;

/**
 * A handle on the adapter's shared, bound SMPP session. Cheap to get and close; use one per unit of
 * work in a try-with-resources block.
 */
public interface SmsConnection extends AutoCloseable {

  /**
   * Submits one SMS, split into concatenated parts when it is too long for one, in GSM 7-bit or
   * UCS-2 as its text needs, asking for a delivery receipt when the message says so. Blocks while
   * the adapter's sending rate is used up.
   *
   * @return the gateway's message id for each part, in order
   * @throws ResourceException when the gateway refuses the message or cannot be reached; the
   *     message was then not accepted (as far as SMPP can tell)
   */
  SubmitResult send(OutboundSms sms) throws ResourceException;

  @Override
  void close() throws ResourceException;
}
