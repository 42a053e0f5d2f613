package org.portcullis.group;

/**
 * The audit log's words for the private groups, listed once. Records never hold a code, a message,
 * a file or a signalling frame: only who, what, which group, and counts.
 */
public final class GroupAudit {

  public static final String OPEN = "group.open";
  public static final String INVITE = "group.invite";
  public static final String JOIN_CHALLENGE = "group.join.challenge";
  public static final String JOIN = "group.join";
  public static final String JOINS_LOCKED = "group.joins.locked";
  public static final String MESSAGE = "group.message";
  public static final String FORWARD = "group.forward";
  public static final String FILE_UPLOAD = "group.file.upload";
  public static final String FILE_DOWNLOAD = "group.file.download";
  public static final String LIVE = "group.live";
  public static final String LEAVE = "group.leave";
  public static final String NOTICE = "group.notice";
  public static final String EXTEND = "group.extend";
  public static final String CLOSE = "group.close";

  /** Outcomes besides {@code OK}. */
  public static final String REFUSED = "REFUSED";

  public static final String WRONG_CODE = "WRONG_CODE";
  public static final String LOCKED = "LOCKED";
  public static final String UNKNOWN = "UNKNOWN";
  public static final String CLOSED = "CLOSED";
  public static final String FULL = "FULL";
  public static final String ALLOWANCE_USED = "ALLOWANCE_USED";

  /** The server's own actor, for its timer's work. */
  public static final String SERVER = "server";

  private GroupAudit() {}

  /** The subject of a group's records. */
  public static String subject(String groupId) {
    return "group:" + groupId;
  }

  /** Terminal ids are up to 128 characters; audit actors hold 100. */
  public static String terminal(String terminalId) {
    return "terminal:"
        + (terminalId.length() <= 90 ? terminalId : terminalId.substring(0, 90) + "…");
  }
}
