package org.portcullis.handset.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A group's access code as people write it, and the join link that carries it. The code is read as
 * the server reads it (Crockford base32: any case, {@code O} as 0, {@code I} and {@code L} as 1,
 * hyphens and spaces ignored); the key of {@link GroupCipher} is derived from the canonical form,
 * so {@code abcd-efgh…} and {@code ABCDEFGH…} give the same key. Stateless.
 */
public final class GroupCodes {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /** A group and its code, read from a join link. */
  public record Invitation(String groupId, String code) {
    @Override
    public String toString() {
      return "Invitation[" + groupId + "]";
    }
  }

  private GroupCodes() {}

  /**
   * The code in upper case without separators.
   *
   * @throws IllegalArgumentException for a symbol outside Crockford base32 (the message never
   *     quotes the code)
   */
  public static String canonical(String code) {
    StringBuilder canonical = new StringBuilder();
    for (char c : code.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      if (c == '-' || c == ' ') {
        continue;
      }
      char symbol = c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
      if (ALPHABET.indexOf(symbol) < 0) {
        throw new IllegalArgumentException("a group code holds only Crockford base32 symbols");
      }
      canonical.append(symbol);
    }
    if (canonical.length() == 0) {
      throw new IllegalArgumentException("the group code is empty");
    }
    return canonical.toString();
  }

  /**
   * The group and code of a join link of the default form ({@code …#group=<id>&code=<code>}): the
   * fragment's {@code group} and {@code code} parameters.
   */
  public static Optional<Invitation> fromLink(String link) {
    int hash = link.indexOf('#');
    if (hash < 0) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : link.substring(hash + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        parameters.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String group = parameters.get("group");
    String code = parameters.get("code");
    return group == null || code == null
        ? Optional.empty()
        : Optional.of(new Invitation(group, code));
  }
}
