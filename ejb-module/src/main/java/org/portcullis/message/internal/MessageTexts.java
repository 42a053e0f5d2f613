package org.portcullis.message.internal;

/**
 * The SMS a customer receives about a secure message. It names the sender and carries a link, never
 * the subject or the body: an SMS is not private.
 */
final class MessageTexts {

  private MessageTexts() {}

  /** To a customer with a handset that can read the message. */
  static String notice(String senderName, String openLink) {
    return "You have a secure message from "
        + senderName
        + ". Open it in your bank's app: "
        + openLink;
  }

  /** To a customer with no handset that can read it yet. */
  static String enrollNotice(String senderName, String enrollLink) {
    return "You have a secure message from "
        + senderName
        + ". To read it, get your bank's app and enroll this phone: "
        + enrollLink;
  }
}
