package org.portcullis.message.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends messages' retention: every minute, expires the messages whose time is up (content, copies'
 * wraps, replies and their queued pushes erased) and deletes the metadata of messages closed longer
 * ago than {@code portcullis.messages.keep-closed}. The deadlines are in the database and each
 * message is handled under its row lock with its state checked again, so two nodes (or a restart in
 * the middle) expire a message once: a non-persistent timer per node is enough.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MessageRetention {

  private static final Logger LOG = Logger.getLogger(MessageRetention.class.getName());

  @EJB MessageClosing closing;

  /** Every minute: a message is unreadable at its expiry anyway; this erases what is left. */
  @Schedule(minute = "*", hour = "*", persistent = false, info = "message-retention")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimer() {
    try {
      run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Secure-message retention round failed; next round in a minute", e);
    }
  }

  /** One round; returns how many messages expired. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int run() {
    int expired = 0;
    for (Long id : closing.dueForExpiry()) {
      if (closing.expire(id)) {
        expired++;
      }
    }
    closing.dropRepliesOfEnded();
    for (Long id : closing.closedLongAgo()) {
      closing.forget(id);
    }
    return expired;
  }
}
