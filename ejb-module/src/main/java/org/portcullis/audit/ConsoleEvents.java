package org.portcullis.audit;

/**
 * What the staff console records on its own, outside any business transaction: a sign-out and a
 * refused action (a request for something the staff member's roles do not allow, which the console
 * never offers, so a forged or replayed one). Each is one audit record in a transaction of its own.
 */
public interface ConsoleEvents {

  void signedOut(String username);

  /**
   * @param username who asked, or {@code anonymous}
   * @param action what was asked for, in words
   * @param roles the roles the staff member holds
   */
  void refused(String username, String action, String roles);
}
