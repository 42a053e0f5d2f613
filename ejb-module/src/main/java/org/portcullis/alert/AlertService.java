package org.portcullis.alert;

import java.time.Instant;
import java.util.List;
import org.portcullis.customer.Customer;
import org.portcullis.system.RelyingSystem;

/** Raises, lists and acknowledges alerts; applies the locks duress alerts schedule. */
public interface AlertService {

  /** An alert as staff see it. */
  record AlertView(
      long id,
      String kind,
      String account,
      String systemId,
      String systemName,
      Instant raisedAt,
      Instant lockDueAt,
      Instant lockedAt,
      Instant acknowledgedAt,
      String acknowledgedBy) {}

  /**
   * Records a duress answer in the caller's transaction: the alert, the duty notifications through
   * the outboxes, and the lock the system's policy schedules.
   */
  void raiseDuress(Customer customer, RelyingSystem system, Long verificationRef);

  List<AlertView> list(boolean openOnly);

  long countOpen();

  /**
   * @throws org.portcullis.error.DomainException not found, or conflict when already acknowledged
   */
  AlertView acknowledge(long id, String staffUsername);

  /** Locks the credentials of customers whose duress lock is due; answers how many alerts. */
  int applyDueLocks();
}
