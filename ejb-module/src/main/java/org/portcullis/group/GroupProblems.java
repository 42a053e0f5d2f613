package org.portcullis.group;

/**
 * The problem types of the private groups' refusals, listed once ({@code
 * urn:portcullis:problem:<slug>}).
 */
public final class GroupProblems {

  /** 404: no such group, or the caller is not a member (the two look the same). */
  public static final String UNKNOWN_GROUP = "unknown-group";

  /** 410: the caller's group has closed. */
  public static final String GROUP_CLOSED = "group-closed";

  /**
   * 401: a join refused: a wrong code, an unknown or closed group, a terminal or a group whose
   * joins are locked. Always the same answer after the same work.
   */
  public static final String JOIN_REFUSED = "join-refused";

  /** 404: no such join challenge. */
  public static final String UNKNOWN_CHALLENGE = "unknown-challenge";

  /** 410: the challenge was answered already, expired, or belongs to another terminal or group. */
  public static final String CHALLENGE_SPENT = "challenge-spent";

  /** 429 with Retry-After: the right code, but this window's entries are used up. */
  public static final String ALLOWANCE_USED = "access-allowance-used";

  /** 409: the group has as many members as it may. */
  public static final String GROUP_FULL = "group-full";

  /** 403: the source group does not allow its messages to be forwarded. */
  public static final String REBROADCAST_OFF = "rebroadcast-not-allowed";

  /** 404: no such message or file in the group. */
  public static final String UNKNOWN_ENTRY = "unknown-entry";

  /** 413: the file is larger than the deployment allows. */
  public static final String FILE_TOO_LARGE = "file-too-large";

  /** 403: only the group's creator may do this. */
  public static final String NOT_CREATOR = "not-group-creator";

  /** 409: the creator closes the group instead of leaving it. */
  public static final String CREATOR_STAYS = "creator-cannot-leave";

  /** 400: the code is not Crockford base32. */
  public static final String INVALID_CODE = "invalid-code";

  /** 400: the creator's own code is too weak. */
  public static final String WEAK_CODE = "weak-code";

  /** 400: a malformed group id. */
  public static final String INVALID_GROUP_ID = "invalid-group-id";

  /** 404: an extension link that was never issued or whose signature is wrong. */
  public static final String UNKNOWN_EXTENSION_LINK = "unknown-extension-link";

  /** 410: an extension link already used (by anyone), or its group closed. */
  public static final String EXTENSION_LINK_SPENT = "extension-link-spent";

  private GroupProblems() {}
}
