package org.portcullis.inboundsms;

import java.time.Instant;
import java.util.List;

/**
 * Mobile-originated SMS: texts customers send to the service number (SPEC §3.8, handset OTP
 * enrollment). Each is stored with its text sealed and audited ({@code sms.inbound}); nothing else
 * is done with it here.
 */
public interface InboundSmsService {

  /** The longest text kept; a longer one is cut (an enrollment code is a few characters). */
  int MAX_TEXT = 2000;

  /**
   * Stores and audits one received SMS, timestamped with the server's clock.
   *
   * @param sender the sender's address as the gateway gave it (an MSISDN, with or without {@code
   *     +})
   * @param recipient the number it was sent to, may be null
   * @param text may be null (an empty or binary message)
   * @return the stored row's id
   * @throws org.portcullis.error.DomainException bad input without a sender
   */
  long store(String sender, String recipient, String text);

  /**
   * The SMS received from {@code sender} at or after {@code since}, newest first, texts opened.
   * {@code +447700900123} also finds messages the gateway reported from {@code 447700900123}, and
   * the other way round.
   */
  List<ReceivedSms> recentFrom(String sender, Instant since);
}
