package org.portcullis.sms.api;

/**
 * The message listener interface of the adapter's inbound side: a message-driven bean implements it
 * and is activated with properties that filter what it receives ({@code kind}, {@code
 * destinationAddress}, {@code keyword}).
 */
public interface SmsListener {

  void onMessage(InboundSms message);
}
