package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portcullis.audit.AuditLog;
import org.portcullis.crypto.Randoms;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.customer.Customer;
import org.portcullis.group.GroupAudit;
import org.portcullis.group.GroupMessages.Kind;
import org.portcullis.group.GroupState;
import org.portcullis.group.GroupState.CloseReason;
import org.portcullis.outbox.OutboxService;
import org.portcullis.time.PortcullisClock;

/**
 * The sweep's steps, each in a transaction of its own (one group per transaction, so one bad group
 * cannot hold up the rest). A step locks the group's row and checks again that its deadline is due
 * and not yet met before it acts: two nodes sweeping at once wait for each other on the lock, and
 * the second finds the work done. That is what makes a closing and a notice happen once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class GroupDeadlineSteps {

  /** Groups per query of one sweep; a backlog takes a few sweeps. */
  static final int BATCH = 100;

  /** Spent challenges and tickets are kept this long past their expiry, then deleted. */
  static final Duration KEEP_SPENT = Duration.ofHours(1);

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB ServerKeys keys;
  @EJB OutboxService outbox;
  @EJB GroupSettings settings;
  @EJB GroupRepository groups;
  @EJB GroupStream stream;
  @EJB GroupShutdown shutdown;

  /** Open groups whose expiry has come. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Long> dueToClose() {
    return em.createNamedQuery("PrivateGroup.dueToClose", Long.class)
        .setParameter("open", GroupState.OPEN)
        .setParameter("now", clock.now())
        .setMaxResults(BATCH)
        .getResultList();
  }

  /** Open groups whose notice is due. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Long> dueForNotice() {
    return em.createNamedQuery("PrivateGroup.dueForNotice", Long.class)
        .setParameter("open", GroupState.OPEN)
        .setParameter("now", clock.now())
        .setMaxResults(BATCH)
        .getResultList();
  }

  /** Closed groups whose files may still be on disk, by row id → group id. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<Long, String> filesToPurge() {
    Map<Long, String> found = new LinkedHashMap<>();
    for (Long id :
        em.createNamedQuery("PrivateGroup.filesToPurge", Long.class)
            .setParameter("closed", GroupState.CLOSED)
            .setMaxResults(BATCH)
            .getResultList()) {
      found.put(id, em.find(PrivateGroup.class, id).groupId());
    }
    return found;
  }

  /** Closes the group if it is still open and due; true if this call closed it. */
  public boolean closeIfDue(long id) {
    Optional<PrivateGroup> group = groups.lock(id);
    if (group.isEmpty() || !group.get().isOpen() || group.get().expiresAt().isAfter(clock.now())) {
      return false;
    }
    shutdown.close(group.get(), CloseReason.EXPIRED, GroupAudit.SERVER);
    return true;
  }

  /**
   * Sends the group's notice if it is still due: a mail with a fresh single-use extension link to
   * every member's customer who has an address (the creator always is a member), and a notice entry
   * for everyone live or fetching. True if this call sent it.
   */
  public boolean noticeIfDue(long id) {
    Optional<PrivateGroup> found = groups.lock(id);
    Instant now = clock.now();
    if (found.isEmpty()
        || !found.get().isOpen()
        || found.get().noticeAt().isEmpty()
        || found.get().noticeAt().get().isAfter(now)) {
      return false;
    }
    PrivateGroup group = found.get();
    group.noticeSent();
    int mailed = 0;
    for (Customer customer : customersOf(group)) {
      if (customer.email().isEmpty()) {
        continue;
      }
      String linkId = Randoms.urlToken(16);
      em.persist(
          new ExtensionLink(
              linkId, group.id(), "customer:" + customer.account(), now, group.expiresAt()));
      String url =
          settings.publicUrl()
              + "/groups/extend.html#"
              + ExtensionTokens.token(keys.hasher(), linkId);
      GroupMails.Mail mail =
          GroupMails.notice(
              group.name().orElse(null),
              group.expiresAt(),
              Duration.between(now, group.expiresAt()),
              url);
      // the link extends the group: it must not stay readable in the outbox once sent
      outbox.queueMailErasedWhenSent(
          customer.email().get(),
          mail.subject(),
          mail.text(),
          mail.html(),
          mail.images(),
          GroupMails.NOTICE);
      mailed++;
    }
    stream.server(group, Kind.NOTICE, null, group.expiresAt(), now);
    audit.record(
        GroupAudit.SERVER,
        GroupAudit.NOTICE,
        GroupAudit.subject(group.groupId()),
        "OK",
        "expiresAt=" + group.expiresAt() + " mails=" + mailed);
    return true;
  }

  /** Records that a closed group has nothing left on disk. */
  public void filesPurged(long id) {
    groups.lock(id).ifPresent(PrivateGroup::filesPurged);
  }

  /** Deletes challenges and tickets long past their expiry. */
  public void purgeSpent() {
    Instant before = clock.now().minus(KEEP_SPENT);
    em.createNamedQuery("JoinChallenge.purge").setParameter("before", before).executeUpdate();
    em.createNamedQuery("LiveTicket.purge").setParameter("before", before).executeUpdate();
  }

  /** Which of these groups are closed. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> closedAmong(Collection<String> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery("PrivateGroup.closedAmong", String.class)
        .setParameter("ids", groupIds)
        .setParameter("closed", GroupState.CLOSED)
        .getResultList();
  }

  /** The members these groups have now, as {@code groupId + "/" + memberId}. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> seatsAmong(Collection<String> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    List<String> seats = new ArrayList<>();
    for (Object[] row :
        em.createNamedQuery("GroupMember.seatsAmong", Object[].class)
            .setParameter("groupIds", groupIds)
            .getResultList()) {
      seats.add(row[0] + "/" + row[1]);
    }
    return seats;
  }

  private List<Customer> customersOf(PrivateGroup group) {
    Map<Long, Customer> customers = new LinkedHashMap<>();
    customers.put(group.creatorRef(), em.find(Customer.class, group.creatorRef()));
    em.createNamedQuery("GroupMember.ofGroup", GroupMember.class)
        .setParameter("group", group.id())
        .getResultStream()
        .forEach(
            m -> customers.computeIfAbsent(m.customerRef(), ref -> em.find(Customer.class, ref)));
    return new ArrayList<>(customers.values());
  }
}
