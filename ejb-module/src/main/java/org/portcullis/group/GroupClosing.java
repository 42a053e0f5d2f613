package org.portcullis.group;

/**
 * Closing a group before its time. Either way the closing is the same as at expiry: memberships
 * end, live sockets close, every message and file goes, metadata and audit records stay.
 */
public interface GroupClosing {

  /**
   * The creator closes its group.
   *
   * @throws org.portcullis.error.DomainException {@value GroupProblems#NOT_CREATOR} (403), {@value
   *     GroupProblems#UNKNOWN_GROUP} (404), {@value GroupProblems#GROUP_CLOSED} (410)
   */
  void closeAsCreator(String groupId, GroupCaller caller);

  /**
   * Staff close a group (console or admin API); audited with their name.
   *
   * @throws org.portcullis.error.DomainException not found; {@value GroupProblems#GROUP_CLOSED}
   *     (409) when it is closed already
   */
  void closeAsStaff(String groupId, String staffUsername);
}
