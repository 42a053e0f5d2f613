package org.portcullis.group.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.portcullis.group.GroupLive;

/**
 * Meets the groups' deadlines: closes groups whose time is up, sends the notices that are due,
 * deletes the files of closed groups, and closes the live sockets of closed groups and departed
 * members.
 *
 * <p><b>Deadlines in the database, swept.</b> A group's expiry and notice time are columns of its
 * row; every node sweeps them on a non-persistent timer and each step locks the row and checks the
 * deadline again ({@link GroupDeadlineSteps}), as the outbox's drain claims its rows. So a closing
 * or a notice survives any restart (the deadline is data, and the first sweep after a start catches
 * up with everything overdue), happens once with any number of nodes (the row lock and the check
 * after it), and moves with an extension by an update of two columns. Persistent EJB timers, one
 * per group, would need cancelling and re-creating on every extension and live in the timer
 * service's own database.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GroupDeadlines {

  private static final Logger LOG = Logger.getLogger(GroupDeadlines.class.getName());

  @EJB GroupDeadlineSteps steps;
  @EJB GroupLive live;
  @EJB GroupSettings settings;

  /** One sweep at a time on this node: the timer skips a round while one runs, a caller waits. */
  private final ReentrantLock sweeping = new ReentrantLock();

  private GroupFileStore store;

  /** What one sweep did. */
  public record Sweep(int closed, int notices, int purged) {}

  @PostConstruct
  void open() {
    store = new GroupFileStore(settings.files());
  }

  /**
   * Every five seconds: a group closes at most that late, a notice arrives at most that late (plus
   * the mail outbox's two seconds). Cheap when nothing is due: two indexed queries.
   */
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "group-deadlines")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimer() {
    if (!sweeping.tryLock()) {
      return; // the previous round is still at it
    }
    try {
      sweepNow();
    } catch (RuntimeException e) {
      // every deadline is still in the database; the next sweep tries again
      LOG.log(Level.WARNING, "The groups' deadline sweep failed; retrying in 5 s", e);
    } finally {
      sweeping.unlock();
    }
  }

  /**
   * One sweep now, after the one running on this node (if any) has finished: what a caller sees
   * afterwards reflects the clock as it is when this is called.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Sweep sweep() {
    sweeping.lock();
    try {
      return sweepNow();
    } finally {
      sweeping.unlock();
    }
  }

  private Sweep sweepNow() {
    int closed = 0;
    for (Long id : steps.dueToClose()) {
      closed += steps.closeIfDue(id) ? 1 : 0;
    }
    int notices = 0;
    for (Long id : steps.dueForNotice()) {
      notices += steps.noticeIfDue(id) ? 1 : 0;
    }
    int purged = 0;
    for (Map.Entry<Long, String> group : steps.filesToPurge().entrySet()) {
      if (store.deleteGroup(group.getValue())) {
        steps.filesPurged(group.getKey());
        purged++;
      }
    }
    steps.purgeSpent();
    checkSeats();
    return new Sweep(closed, notices, purged);
  }

  /**
   * Closes this node's sockets of groups that closed and of members that left, wherever that
   * happened: with two nodes, the node that closed a group could close only its own sockets.
   */
  private void checkSeats() {
    Map<String, Set<String>> seats = live.seats();
    if (seats.isEmpty()) {
      return;
    }
    List<String> closed = steps.closedAmong(seats.keySet());
    closed.forEach(
        groupId -> live.closeGroup(groupId, GroupLive.CLOSE_GROUP_CLOSED, "group closed"));
    Set<String> present = new HashSet<>(steps.seatsAmong(seats.keySet()));
    seats.forEach(
        (groupId, members) -> {
          if (!closed.contains(groupId)) {
            members.stream()
                .filter(memberId -> !present.contains(groupId + "/" + memberId))
                .forEach(
                    memberId ->
                        live.closeMember(groupId, memberId, GroupLive.CLOSE_LEFT, "not a member"));
          }
        });
  }
}
