package org.portcullis.sms.session;

import jakarta.resource.ResourceException;
import org.portcullis.sms.api.OutboundSms;
import org.portcullis.sms.api.SubmitResult;

/**
 * What the outbound side of the adapter needs from the shared SMPP session: send, and say whether
 * it can. Implemented by {@link SmppSessionManager}; small so that connection handles are tested
 * without a gateway.
 */
public interface SmsGateway {

  /**
   * Submits a message (all its parts), waiting for the rate limit.
   *
   * @throws ResourceException at once when not bound; or when the gateway refuses or does not
   *     answer, with the SMPP status name in the message and as the error code
   */
  SubmitResult send(OutboundSms sms) throws ResourceException;

  /** Whether a bound session is there to send on right now. */
  boolean isBound();

  /** Why the gateway is not bound (or last failed), or null. Never contains a secret. */
  String lastError();
}
