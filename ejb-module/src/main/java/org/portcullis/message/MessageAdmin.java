package org.portcullis.message;

import java.time.Instant;
import java.util.List;

/**
 * Secure messages as staff see them: states, senders, masked MSISDNs and times, never content.
 * Staff may delete a message (sent by mistake, say); that is audited.
 */
public interface MessageAdmin {

  int MAX_PAGE = 500;

  /**
   * Which messages a list covers; every part optional (null: any).
   *
   * @param senderSystemId the sender's system ID exactly
   * @param account the customer's account exactly
   */
  record Filter(MessageState state, String senderSystemId, String account) {
    public static Filter all() {
      return new Filter(null, null, null);
    }
  }

  /**
   * A message without its content.
   *
   * @param account null when the MSISDN was no customer's
   * @param handsets how many handsets have or had a copy
   */
  record Row(
      String messageId,
      String senderSystemId,
      String senderName,
      String maskedMsisdn,
      String account,
      MessageState state,
      int handsets,
      Instant createdAt,
      Instant expiresAt,
      Instant deliveredAt,
      Instant closedAt) {}

  /**
   * A page of the messages that match, newest first.
   *
   * @throws org.portcullis.error.DomainException bad input for a bad page
   */
  List<Row> page(Filter filter, int offset, int limit);

  long count(Filter filter);

  /**
   * Erases a message's content, copies and replies (state {@link MessageState#DELETED}). Audited.
   *
   * @throws org.portcullis.error.DomainException not found; conflict ({@code message-closed}) when
   *     it is expired or deleted already
   */
  Row delete(String messageId, String staffUsername);
}
