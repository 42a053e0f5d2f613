package org.portcullis.lockout;

import java.time.Instant;
import java.util.List;
import org.portcullis.customer.Customer;

/** Keeps failure counters and applies the lockout policy; callers run in their transaction. */
public interface LockoutService {

  /** Creates the counters of a new customer, one per factor. */
  void openCounters(Customer customer);

  boolean isLocked(Customer customer, Factor factor);

  void recordFailure(Customer customer, Factor factor);

  void recordSuccess(Customer customer, Factor factor);

  /**
   * Locks a factor until staff unlock it, e.g. after a duress answer or at a staff member's
   * request; audited with {@code actor} and {@code reason} (never a secret).
   */
  void hardLock(Customer customer, Factor factor, String actor, String reason);

  /** Staff unlock; audited. */
  void unlock(String account, Factor factor, String staffUsername);

  /** The state of one factor's counter as staff see it. */
  record Counter(
      Factor factor, int failures, boolean locked, boolean hardLocked, Instant lockedUntil) {}

  List<Counter> counters(Customer customer);
}
