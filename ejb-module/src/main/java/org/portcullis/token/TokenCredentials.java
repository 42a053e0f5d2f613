package org.portcullis.token;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.portcullis.crypto.SecretHasher;

/**
 * The credentials of one access token as the client holds them: {@code key.secret}, both parts
 * unpadded base64url (RFC 4648 §5). The key (16 random bytes, 22 characters) finds the stored
 * token; the secret (32 random bytes, 43 characters, well above SPEC §3.7's 128 bits) proves
 * possession and is stored only as {@link SecretHasher#fastHash}.
 *
 * <p>Only canonical encodings are accepted (the unused low bits of the last character must be
 * zero), so one token has exactly one spelling. {@link #toString()} never shows the secret; do not
 * compare credentials with {@link #equals} to authenticate — verify the secret against its stored
 * hash with {@link #secretMatches}, which compares in constant time. Immutable.
 */
public record TokenCredentials(String key, String secret) {

  public static final int KEY_BYTES = 16;
  public static final int SECRET_BYTES = 32;
  public static final int KEY_LENGTH = 22;
  public static final int SECRET_LENGTH = 43;

  private static final int TOKEN_LENGTH = KEY_LENGTH + 1 + SECRET_LENGTH;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  public TokenCredentials {
    if (!isCanonical(key, KEY_LENGTH, KEY_BYTES)) {
      throw new IllegalArgumentException("malformed token key");
    }
    if (!isCanonical(secret, SECRET_LENGTH, SECRET_BYTES)) {
      // the message never carries the secret: it may reach a log
      throw new IllegalArgumentException("malformed token secret");
    }
  }

  /** Fresh credentials: a random key and a random secret. */
  public static TokenCredentials generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] key = new byte[KEY_BYTES];
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(key);
    random.nextBytes(secret);
    return new TokenCredentials(ENCODER.encodeToString(key), ENCODER.encodeToString(secret));
  }

  /**
   * Parses {@code key.secret}.
   *
   * @throws IllegalArgumentException unless {@code token} is exactly one canonical 22-character
   *     key, one dot and one canonical 43-character secret (the message never repeats the input)
   */
  public static TokenCredentials parse(String token) {
    if (token == null || token.length() != TOKEN_LENGTH || token.charAt(KEY_LENGTH) != '.') {
      throw new IllegalArgumentException("a token is key.secret");
    }
    // a second dot cannot pass: '.' is not in the base64url alphabet
    return new TokenCredentials(token.substring(0, KEY_LENGTH), token.substring(KEY_LENGTH + 1));
  }

  /** {@link #parse}, with anything malformed (null included) as empty. */
  public static Optional<TokenCredentials> tryParse(String token) {
    try {
      return Optional.of(parse(token));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** What the client is given and sends back: {@code key.secret}. */
  public String token() {
    return key + "." + secret;
  }

  /** The only form of the secret that may be stored. */
  public String secretHash(SecretHasher hasher) {
    return hasher.fastHash(secret);
  }

  /** Whether the secret matches a stored {@link #secretHash} (constant-time, never throws). */
  public boolean secretMatches(SecretHasher hasher, String storedHash) {
    return hasher.fastVerify(secret, storedHash);
  }

  @Override
  public String toString() {
    return "TokenCredentials[key=" + key + ", secret=(hidden)]";
  }

  private static boolean isCanonical(String text, int length, int bytes) {
    if (text == null || text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean alphabet =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!alphabet) {
        return false;
      }
    }
    byte[] decoded = DECODER.decode(text);
    // re-encoding refuses spellings whose unused trailing bits are not zero
    boolean canonical = decoded.length == bytes && ENCODER.encodeToString(decoded).equals(text);
    Arrays.fill(decoded, (byte) 0);
    return canonical;
  }
}
