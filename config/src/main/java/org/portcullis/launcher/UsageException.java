package org.portcullis.launcher;

/**
 * A command line or environment the launcher cannot use. Its message is shown to the operator as
 * is, so it names the option or variable and the offending value (never a password).
 */
public final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, for the operator
   */
  public UsageException(String message) {
    super(message);
  }
}
