package org.portcullis.group.internal;

import java.util.Optional;
import java.util.regex.Pattern;
import org.portcullis.crypto.ConstantTime;
import org.portcullis.crypto.SecretHasher;

/**
 * The token of an extension link: {@code <linkId>.<signature>}, the signature being the
 * HMAC-SHA-256 of the link id under the keystore's pepper ({@link SecretHasher#fastHash}). A forged
 * or altered link is refused before the database is asked; the link id alone, which the database
 * holds, makes no link. A link signed under a pepper that has since been rotated out stops working
 * (links live no longer than their group's notice period). Stateless.
 */
final class ExtensionTokens {

  /**
   * What the signature covers besides the id: the purpose, so no other HMAC is ever a valid one.
   */
  private static final String PURPOSE = "group-extension:";

  private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");

  private ExtensionTokens() {}

  /** The token of a link. */
  static String token(SecretHasher hasher, String linkId) {
    return linkId + "." + signature(hasher, linkId);
  }

  /** The link id of a well-formed token whose signature is right; empty otherwise. */
  static Optional<String> linkIdOf(SecretHasher hasher, String token) {
    if (token == null) {
      return Optional.empty();
    }
    var matcher = TOKEN.matcher(token);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String linkId = matcher.group(1);
    // constant time: the signature is a secret until it is right
    return ConstantTime.equals(signature(hasher, linkId), matcher.group(2))
        ? Optional.of(linkId)
        : Optional.empty();
  }

  private static String signature(SecretHasher hasher, String linkId) {
    String hash = hasher.fastHash(PURPOSE + linkId);
    return hash.substring(hash.lastIndexOf('$') + 1);
  }
}
