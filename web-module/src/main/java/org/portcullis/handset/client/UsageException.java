package org.portcullis.handset.client;

/**
 * A command line the handset client cannot act on. Its message is shown as is, so it names the
 * option and the offending value (never a secret).
 */
final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, for the person at the console
   */
  UsageException(String message) {
    super(message);
  }
}
