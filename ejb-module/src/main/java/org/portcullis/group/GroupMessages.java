package org.portcullis.group;

import java.time.Instant;
import java.util.List;

/**
 * A group's stream: members post opaque messages and read everything since a sequence number (the
 * fallback when they are not live). Forwarding a message from another group the member belongs to
 * needs that group's rebroadcast flag.
 */
public interface GroupMessages {

  /** What an entry of the stream is. */
  enum Kind {
    /** A member's message: opaque ciphertext. */
    MESSAGE,
    /** A member's file: opaque bytes, downloaded apart. */
    FILE,
    /** A member joined. */
    JOINED,
    /** A member left. */
    LEFT,
    /** The group closes soon (at {@code until}). */
    NOTICE,
    /** The group was extended (until {@code until}). */
    EXTENDED
  }

  /** The message a forward copies: its group and id. */
  record Forward(String groupId, String messageId) {}

  record Posted(String messageId, long seq) {}

  /**
   * One entry of the stream; the members that do not apply to its kind are null.
   *
   * @param ciphertext base64, for a message
   * @param size bytes, for a file
   * @param until the expiry a notice or an extension speaks of
   */
  record Entry(
      long seq,
      String id,
      Kind kind,
      String memberId,
      String ciphertext,
      Long size,
      Forward forwardOf,
      Instant until,
      Instant at) {}

  /**
   * Posts a message; with {@code forwardOf}, a forward of a message of another group of the
   * caller's, which that group's rebroadcast flag must allow (audited either way).
   *
   * @throws org.portcullis.error.DomainException bad input naming {@code ciphertext} ({@code
   *     message-too-large} above 64 KiB) or {@code forwardOf}; {@value
   *     GroupProblems#REBROADCAST_OFF} (403); {@value GroupProblems#UNKNOWN_GROUP}, {@value
   *     GroupProblems#UNKNOWN_ENTRY} (404); {@value GroupProblems#GROUP_CLOSED} (410)
   */
  Posted post(String groupId, String ciphertext, Forward forwardOf, GroupCaller caller);

  /**
   * The entries after {@code after}, oldest first, at most {@code limit} ({@link
   * GroupContent#MAX_FETCH} at most).
   */
  List<Entry> since(String groupId, long after, int limit, GroupCaller caller);
}
