package org.portcullis.handset.client;

import java.io.IOException;

/**
 * Sends the customer's SMS for handset-OTP enrollment. The client does not send SMS itself: a real
 * customer types it on the phone, tests hand it to the SMPP gateway simulator, and the command line
 * tells the person at the console what to text and waits for them.
 */
@FunctionalInterface
public interface SmsSender {

  /**
   * Sends {@code text} from the handset's number to the bank's service number, returning once it
   * has been sent (the server may not have received it yet: the client polls for that).
   *
   * @param from the handset's MSISDN in E.164 form, the SMS's sender
   * @param text the whole text, e.g. {@code REG 12345678}
   * @throws IOException when it could not be sent
   * @throws InterruptedException when interrupted while sending
   */
  void send(String from, String text) throws IOException, InterruptedException;
}
