package org.portcullis.group;

import java.util.regex.Pattern;
import org.portcullis.crypto.Randoms;

/**
 * The public names of a group's things: random, unguessable, safe in URLs. A group id carries 100
 * bits, so knowing one proves nothing and guessing one is hopeless; member ids need only be unique
 * within their group.
 */
public final class GroupIds {

  public static final Pattern GROUP = Pattern.compile("g-[a-z2-9]{20}");
  public static final Pattern MEMBER = Pattern.compile("m-[a-z2-9]{10}");
  public static final Pattern ENTRY = Pattern.compile("e-[a-z2-9]{16}");
  public static final Pattern CHALLENGE = Pattern.compile("c-[a-z2-9]{20}");

  private GroupIds() {}

  public static String newGroupId() {
    return "g-" + Randoms.readable(20);
  }

  public static String newMemberId() {
    return "m-" + Randoms.readable(10);
  }

  public static String newEntryId() {
    return "e-" + Randoms.readable(16);
  }

  public static String newChallengeId() {
    return "c-" + Randoms.readable(20);
  }

  public static boolean isGroupId(String id) {
    return id != null && GROUP.matcher(id).matches();
  }

  public static boolean isMemberId(String id) {
    return id != null && MEMBER.matcher(id).matches();
  }

  public static boolean isEntryId(String id) {
    return id != null && ENTRY.matcher(id).matches();
  }

  public static boolean isChallengeId(String id) {
    return id != null && CHALLENGE.matcher(id).matches();
  }
}
