package org.portcullis.handset.client;

/** A message this handset cannot or must not read; the message says why, never the content. */
public class UnreadableMessageException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnreadableMessageException(String message) {
    super(message);
  }

  public UnreadableMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
