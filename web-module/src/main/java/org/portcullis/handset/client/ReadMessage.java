package org.portcullis.handset.client;

/**
 * A secure message after decryption. {@link #toString()} leaves the content out, so that it only
 * reaches a log when someone prints it on purpose.
 *
 * @param subject null when the sender gave none
 */
public record ReadMessage(String messageId, String senderName, String subject, String body) {

  @Override
  public String toString() {
    return "ReadMessage[messageId=" + messageId + ", senderName=" + senderName + "]";
  }
}
