package org.portcullis.group;

import java.time.Instant;
import java.util.List;
import org.portcullis.group.GroupState.CloseReason;

/** The groups as staff see them: metadata only, never a code, a message or a file. */
public interface GroupAdmin {

  int MAX_LIMIT = 500;

  /**
   * One group's metadata.
   *
   * @param name null once closed (it is erased with the content)
   * @param members members now (0 once closed)
   * @param entries successful joins so far
   * @param entriesInWindow joins in the current access window
   * @param allowanceCount entries per window, null for no allowance
   * @param allowancePer the window (ISO-8601), null for the group's life
   * @param noticeAt when the members are told next that it closes; null once told (and closed)
   */
  record GroupRow(
      String groupId,
      String name,
      String creator,
      GroupState state,
      long members,
      int entries,
      int entriesInWindow,
      Integer allowanceCount,
      String allowancePer,
      boolean joinsLocked,
      int messages,
      int files,
      int extensions,
      Instant createdAt,
      Instant expiresAt,
      Instant noticeAt,
      Instant closedAt,
      CloseReason closeReason,
      String closedBy) {}

  /**
   * Newest first.
   *
   * @param state null for all
   */
  List<GroupRow> list(GroupState state, int offset, int limit);

  long count(GroupState state);

  /**
   * @throws org.portcullis.error.DomainException not found
   */
  GroupRow find(String groupId);

  /** The groups a customer opened or is a member of, newest first. */
  List<GroupRow> ofCustomer(String account);
}
