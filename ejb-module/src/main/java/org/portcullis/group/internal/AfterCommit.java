package org.portcullis.group.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs what must follow a commit and never precede it: pushing an entry to live sockets, closing
 * them, deleting files from disk. If the transaction rolls back, nothing runs; if the node dies
 * after the commit, the timer's sweep does what was left (sockets die with the node; files are
 * purged by the sweep).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AfterCommit {

  private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());

  @Resource TransactionSynchronizationRegistry registry;

  public void run(String what, Runnable action) {
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              return;
            }
            try {
              action.run();
            } catch (RuntimeException e) {
              // the commit stands; the sweep catches up with what this did not do
              LOG.log(Level.WARNING, "After the commit, " + what + " failed", e);
            }
          }
        });
  }
}
