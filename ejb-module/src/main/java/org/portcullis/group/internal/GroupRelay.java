package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.portcullis.group.GroupLive;

/**
 * Brings entries stored through other nodes to this node's live sockets. Every second, for each
 * group with a socket here, it reads the entries after the last one pushed here and pushes them
 * ({@link GroupLive#publishEntry}, which skips what the storing node already pushed on this one).
 *
 * <p>Why the database: the entries are there anyway, in order (a group's sequence numbers are taken
 * under its row's lock, so they commit in order), and it needs no cluster protocol between nodes;
 * an entry reaches members on other nodes within about a second. A node with no socket reads
 * nothing; a node with sockets of N groups makes N small indexed reads a second.
 */
@Singleton
public class GroupRelay {

  /** The most entries pushed per group per round; the rest follow in the next one. */
  static final int BATCH = 200;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB GroupLive live;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "group-relay")
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  void relay() {
    for (Map.Entry<String, Long> group : live.pushedUpTo().entrySet()) {
      List<GroupEntry> entries =
          em.createNamedQuery("GroupEntry.sinceOfGroupId", GroupEntry.class)
              .setParameter("groupId", group.getKey())
              .setParameter("after", group.getValue())
              .setMaxResults(BATCH)
              .getResultList();
      for (GroupEntry entry : entries) {
        live.publishEntry(group.getKey(), GroupStream.view(entry));
      }
      if (!entries.isEmpty()) {
        live.pushedUpTo(group.getKey(), entries.get(entries.size() - 1).seq());
      }
    }
  }
}
