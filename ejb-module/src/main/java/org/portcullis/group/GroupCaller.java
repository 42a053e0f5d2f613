package org.portcullis.group;

import java.util.Objects;

/**
 * Who calls a group service: a customer's app on one terminal, whose access token the edge
 * approved. A group's member is a terminal, so the same customer on two phones is two members.
 *
 * @param account the customer's account
 * @param terminalId the terminal of the approved token
 */
public record GroupCaller(String account, String terminalId) {
  public GroupCaller {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(terminalId, "terminalId");
  }

  /** The audit log's actor. */
  public String actor() {
    return "customer:" + account;
  }
}
