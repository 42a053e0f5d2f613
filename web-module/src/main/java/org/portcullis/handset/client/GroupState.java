package org.portcullis.handset.client;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the command line keeps of one group, in {@code <state>/groups/}: {@code <groupId>.key}, the
 * group's content key (base64, never the code it was derived from), and {@code
 * <groupId>.properties}, the member id and the group's name. Both are written owner-only, like the
 * handset's own files ({@link HandsetState}).
 *
 * @param groupId the group
 * @param memberId this handset's member id in it
 * @param name the group's name, or empty
 * @param cipher the group's content key
 */
record GroupState(String groupId, String memberId, String name, GroupCipher cipher) {

  static final String DIRECTORY = "groups";
  private static final Pattern GROUP_ID = Pattern.compile("g-[a-z2-9]{20}");

  GroupState {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(cipher, "cipher");
    name = name == null ? "" : name;
  }

  static boolean exists(Path state, String groupId) {
    return Files.isRegularFile(file(state, groupId, ".properties"));
  }

  void save(Path state) throws IOException {
    HandsetState.createDirectory(state);
    HandsetState.createDirectory(state.resolve(DIRECTORY));
    HandsetState.writeOwnerOnly(
        file(state, groupId, ".key"), Base64.getEncoder().encodeToString(cipher.key()) + "\n");
    Properties properties = new Properties();
    properties.setProperty("groupId", groupId);
    properties.setProperty("memberId", memberId);
    properties.setProperty("name", name);
    StringWriter text = new StringWriter();
    properties.store(text, "Portcullis group; its content key is in the .key file beside it");
    HandsetState.writeOwnerOnly(file(state, groupId, ".properties"), text.toString());
  }

  static GroupState load(Path state, String groupId) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(Files.readString(file(state, groupId, ".properties"))));
    String key = Files.readString(file(state, groupId, ".key"), StandardCharsets.US_ASCII).strip();
    try {
      return new GroupState(
          groupId,
          properties.getProperty("memberId"),
          properties.getProperty("name", ""),
          GroupCipher.ofKey(groupId, Base64.getDecoder().decode(key)));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException("the saved state of group " + groupId + " is damaged", e);
    }
  }

  /** Forgets the group here (its key and its properties). */
  static void delete(Path state, String groupId) throws IOException {
    Files.deleteIfExists(file(state, groupId, ".key"));
    Files.deleteIfExists(file(state, groupId, ".properties"));
  }

  private static Path file(Path state, String groupId, String suffix) {
    if (!GROUP_ID.matcher(groupId).matches()) {
      throw new IllegalArgumentException("not a group id");
    }
    return state.resolve(DIRECTORY).resolve(groupId + suffix);
  }

  @Override
  public String toString() {
    return "GroupState[" + groupId + ", member " + memberId + "]";
  }
}
