package org.portcullis.sms.session;

import org.portcullis.sms.api.InboundSms;

/**
 * Receives what the gateway delivers. Called on the SMPP session's own PDU threads, before the
 * deliver_sm is answered; so it must hand the message on quickly (the adapter schedules container
 * work), and it throws to make the session answer with a temporary error, after which the gateway
 * delivers the message again later.
 */
@FunctionalInterface
public interface InboundHandler {

  /**
   * Takes one delivered message.
   *
   * @throws Exception when the message cannot be taken now; the gateway is asked to retry
   */
  void onInbound(InboundSms sms) throws Exception;
}
