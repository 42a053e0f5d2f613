package org.portcullis.sms.api;

import java.util.List;

/**
 * What the gateway answered to a submission.
 *
 * @param messageIds the gateway's message id of each part, in order (one for a short text)
 */
public record SubmitResult(List<String> messageIds) {

  public SubmitResult {
    if (messageIds == null || messageIds.isEmpty()) {
      throw new IllegalArgumentException("a submission has at least one message id");
    }
    messageIds = List.copyOf(messageIds);
  }

  /** The id of the first (or only) part. */
  public String messageId() {
    return messageIds.get(0);
  }
}
