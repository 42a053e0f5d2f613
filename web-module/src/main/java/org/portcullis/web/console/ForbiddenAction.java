package org.portcullis.web.console;

/**
 * A console action the signed-in staff member's roles do not allow. The page never offers such an
 * action, so this is a forged or replayed request: it is audited and answered with the forbidden
 * page, and nothing changes.
 */
public class ForbiddenAction extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ForbiddenAction(String message) {
    super(message, null, false, false);
  }
}
