package org.portcullis.group;

import java.time.Instant;
import java.util.List;

/** What a member sees of its group, and leaving it. */
public interface GroupMembers {

  /** A member as the others see it: never its account or terminal. */
  record MemberView(String memberId, boolean creator, Instant joinedAt) {}

  /**
   * A group as one of its members sees it.
   *
   * @param memberId the caller's own member id
   * @param creator whether the caller opened the group
   * @param rebroadcast whether its messages may be forwarded into other groups
   * @param kdfSalt the public salt (base64url) the content key is derived with
   * @param allowanceCount entries per window, null for none
   * @param allowancePer the window (ISO-8601), null for the group's life
   * @param lastSeq the number of the stream's newest entry (0 for none)
   */
  record GroupView(
      String groupId,
      String name,
      String memberId,
      boolean creator,
      boolean rebroadcast,
      Instant createdAt,
      Instant expiresAt,
      String kdfSalt,
      Integer allowanceCount,
      String allowancePer,
      List<MemberView> members,
      long lastSeq) {}

  /**
   * The caller's group.
   *
   * @throws org.portcullis.error.DomainException {@value GroupProblems#UNKNOWN_GROUP} (404) when
   *     the caller is no member, {@value GroupProblems#GROUP_CLOSED} (410) once it has closed
   */
  GroupView describe(String groupId, GroupCaller caller);

  /**
   * The caller leaves the group: its membership ends, the others are told. The creator cannot leave
   * ({@value GroupProblems#CREATOR_STAYS}); it closes the group instead.
   */
  void leave(String groupId, GroupCaller caller);
}
