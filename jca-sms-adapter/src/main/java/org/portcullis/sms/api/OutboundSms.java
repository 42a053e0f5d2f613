package org.portcullis.sms.api;

import java.util.Objects;

/**
 * One SMS to send.
 *
 * @param to the recipient, E.164 ({@code +447700900123})
 * @param text any Unicode text; long texts are split
 * @param sender the source address, or null for the adapter's configured one
 * @param requestReceipt whether to ask the gateway for a delivery receipt
 */
public record OutboundSms(String to, String text, String sender, boolean requestReceipt) {

  public OutboundSms {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(text, "text");
  }

  public static OutboundSms to(String to, String text) {
    return new OutboundSms(to, text, null, true);
  }
}
