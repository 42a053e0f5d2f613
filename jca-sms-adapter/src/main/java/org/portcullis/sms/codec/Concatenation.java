package org.portcullis.sms.codec;

/**
 * The concatenation information element of a user data header (3GPP TS 23.040 §9.2.3.24.1 and .8):
 * which message a part belongs to and where it goes.
 *
 * @param reference the message's reference number, the same in all its parts
 * @param total how many parts the message has (1..255)
 * @param sequence this part's number, 1-based
 */
public record Concatenation(int reference, int total, int sequence) {

  public Concatenation {
    if (total < 1 || total > 255 || sequence < 1 || sequence > total) {
      throw new IllegalArgumentException(
          "concatenation part " + sequence + " of " + total + " is out of range");
    }
  }
}
