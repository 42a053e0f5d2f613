package org.portcullis.group;

import java.util.Base64;

/**
 * What the server accepts as a group's content: opaque bytes it never reads. A message is the
 * base64 (RFC 4648 §4) of at most {@value #MAX_MESSAGE_BYTES} bytes; a file is at most the
 * deployment's {@link GroupLimits#maxFileBytes()}. Plain Java, stateless.
 */
public final class GroupContent {

  /** 64 KiB: a message is text or a small picture's worth of ciphertext; files take the rest. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024;

  /** The most entries one fetch returns; a client fetches again from the last one's seq. */
  public static final int MAX_FETCH = 500;

  static final String TYPE = "invalid-message";

  private GroupContent() {}

  /**
   * The bytes of a message's ciphertext.
   *
   * @throws GroupRuleException naming {@code ciphertext}: missing, not base64, empty or too large
   */
  public static byte[] ciphertext(String base64) {
    if (base64 == null || base64.isEmpty()) {
      throw new GroupRuleException(TYPE, "ciphertext", "ciphertext is required (base64)");
    }
    // a quick bound before decoding: 4 characters carry 3 bytes
    if (base64.length() > (MAX_MESSAGE_BYTES + 2) / 3 * 4) {
      throw tooLarge();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new GroupRuleException(TYPE, "ciphertext", "ciphertext must be base64 (RFC 4648)");
    }
    if (bytes.length == 0) {
      throw new GroupRuleException(TYPE, "ciphertext", "ciphertext must not be empty");
    }
    if (bytes.length > MAX_MESSAGE_BYTES) {
      throw tooLarge();
    }
    return bytes;
  }

  /**
   * The sequence number a fetch starts after.
   *
   * @throws GroupRuleException naming {@code after}
   */
  public static long after(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      long after = Long.parseLong(text.strip());
      if (after >= 0) {
        return after;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new GroupRuleException(TYPE, "after", "after must be a sequence number, 0 or more");
  }

  private static GroupRuleException tooLarge() {
    return new GroupRuleException(
        "message-too-large",
        "ciphertext",
        "a message carries at most "
            + MAX_MESSAGE_BYTES
            + " bytes (64 KiB) of ciphertext; send larger content as a file");
  }
}
