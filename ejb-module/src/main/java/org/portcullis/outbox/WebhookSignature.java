package org.portcullis.outbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.portcullis.crypto.ConstantTime;
import org.portcullis.crypto.Randoms;

/**
 * Signs webhook pushes the way the Standard Webhooks specification does (standardwebhooks.com,
 * "Signature scheme"), so that receivers can use its libraries: the headers {@code webhook-id},
 * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA-256>}
 * over {@code <id>.<timestamp>.<body>}, keyed with the secret's bytes. Secrets are {@code whsec_}
 * followed by the base64 of 32 random bytes.
 *
 * <p>Immutable and thread-safe.
 */
public final class WebhookSignature {

  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";

  private static final String PREFIX = "whsec_";
  private static final int SECRET_BYTES = 32;

  private final byte[] key;

  /**
   * @param secret {@code whsec_<base64>}
   * @throws IllegalArgumentException for anything else
   */
  public WebhookSignature(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      throw new IllegalArgumentException("A webhook secret starts with whsec_");
    }
    try {
      key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("A webhook secret is whsec_ and base64", e);
    }
    if (key.length < 24 || key.length > 64) {
      throw new IllegalArgumentException("A webhook secret has 24 to 64 bytes");
    }
  }

  /** A new random secret. */
  public static String newSecret() {
    return PREFIX + Base64.getEncoder().encodeToString(Randoms.bytes(SECRET_BYTES));
  }

  /** The value of the {@value #SIGNATURE_HEADER} header. */
  public String sign(String id, long timestampSeconds, String body) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(body, "body");
    return "v1,"
        + Base64.getEncoder().encodeToString(mac(id + "." + timestampSeconds + "." + body));
  }

  /**
   * Whether {@code header} (one or more space-separated {@code v1,<signature>}) holds a valid
   * signature of the push; compared in constant time. For receivers and tests.
   */
  public boolean verify(String id, long timestampSeconds, String body, String header) {
    if (header == null) {
      return false;
    }
    byte[] expected = mac(id + "." + timestampSeconds + "." + body);
    boolean valid = false;
    for (String candidate : header.strip().split(" +")) {
      if (candidate.startsWith("v1,")) {
        try {
          // every candidate is compared, whatever matched before
          valid |=
              ConstantTime.equals(expected, Base64.getDecoder().decode(candidate.substring(3)));
        } catch (IllegalArgumentException notBase64) {
          // not a signature
        }
      }
    }
    return valid;
  }

  private byte[] mac(String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[key hidden]";
  }
}
