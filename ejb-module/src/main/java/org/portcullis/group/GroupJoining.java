package org.portcullis.group;

import java.time.Instant;

/**
 * Joining a group: the terminal asks to join, gets a single-use challenge, and answers it with the
 * code. A wrong code, an unknown group, a closed group, a terminal locked out of the group and a
 * group whose joins are locked all get the same refusal ({@value GroupProblems#JOIN_REFUSED}) after
 * the same work (one Argon2id computation), so that the answer says nothing about which.
 */
public interface GroupJoining {

  /** A join's challenge lives this long. */
  java.time.Duration CHALLENGE_TTL = java.time.Duration.ofSeconds(60);

  record Challenge(String challengeId, Instant expiresAt) {}

  /**
   * A challenge for any well-formed group id, known or not.
   *
   * @throws org.portcullis.error.DomainException bad input {@value GroupProblems#INVALID_GROUP_ID}
   */
  Challenge challenge(String groupId, GroupCaller caller);

  /**
   * Answers a challenge with the code: the caller's membership when the code is right, the group
   * open, and its allowance not used up. A terminal that is a member already gets its membership
   * again without using an entry. Wrong codes count per terminal and per group; their counts
   * survive the refusal.
   *
   * @throws org.portcullis.error.Refusal {@value GroupProblems#JOIN_REFUSED}
   * @throws org.portcullis.error.DomainException {@value GroupProblems#UNKNOWN_CHALLENGE} (404),
   *     {@value GroupProblems#CHALLENGE_SPENT} (410), {@value GroupProblems#ALLOWANCE_USED} (429),
   *     {@value GroupProblems#GROUP_FULL} (409), bad input for a malformed code
   */
  GroupMembers.GroupView answer(
      String groupId, String challengeId, String code, GroupCaller caller);
}
