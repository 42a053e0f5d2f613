package org.portcullis.group;

/** Where a group is in its life: open until it closes, then closed for good. */
public enum GroupState {
  OPEN,
  CLOSED;

  /** Why a closed group closed. */
  public enum CloseReason {
    /** Its time ran out (the server's timer). */
    EXPIRED,
    /** Its creator closed it. */
    CREATOR,
    /** Staff closed it, in the console or through the admin API. */
    STAFF
  }
}
