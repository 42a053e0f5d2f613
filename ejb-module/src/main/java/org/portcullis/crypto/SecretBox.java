package org.portcullis.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets at rest with AES-256-GCM (NIST SP 800-38D). A sealed value is {@code
 * keyId:base64url(nonce || ciphertext || tag)}; the key id lets old values be opened after the
 * current key is rotated. The associated data binds a value to its place (say, the row and column
 * it belongs to), so a sealed value copied elsewhere does not open.
 *
 * <p>Thread-safe: keys are immutable and a {@link Cipher} is created per call.
 */
public final class SecretBox {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final Map<String, SecretKey> keys;
  private final String currentKeyId;

  /**
   * @param keys every key that may still have sealed data, by id
   * @param currentKeyId the key new values are sealed with
   */
  public SecretBox(Map<String, SecretKey> keys, String currentKeyId) {
    if (!keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("No secret-box key with id " + currentKeyId);
    }
    for (Map.Entry<String, SecretKey> key : keys.entrySet()) {
      if (key.getKey().contains(":") || key.getValue().getEncoded().length != 32) {
        throw new IllegalArgumentException("Secret-box key " + key.getKey() + " is not AES-256");
      }
    }
    this.keys = Map.copyOf(keys);
    this.currentKeyId = currentKeyId;
  }

  public String seal(String plaintext, String associatedData) {
    return seal(plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
  }

  public String seal(byte[] plaintext, String associatedData) {
    byte[] nonce = Randoms.bytes(NONCE_BYTES);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext);
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return currentKeyId + ":" + ENCODER.encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  public String openString(String sealed, String associatedData) {
    return new String(open(sealed, associatedData), StandardCharsets.UTF_8);
  }

  /**
   * @throws IllegalArgumentException when the value is malformed, sealed under an unknown key, was
   *     tampered with, or belongs to other associated data
   */
  public byte[] open(String sealed, String associatedData) {
    int colon = sealed.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("Not a sealed value");
    }
    SecretKey key = keys.get(sealed.substring(0, colon));
    if (key == null) {
      throw new IllegalArgumentException("Sealed under an unknown key");
    }
    String payload = sealed.substring(colon + 1);
    byte[] in = DECODER.decode(payload);
    // the decoder ignores unused low bits of the last character; only the canonical text opens
    if (!ENCODER.encodeToString(in).equals(payload)) {
      throw new IllegalArgumentException("Sealed value is not canonical");
    }
    if (in.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("Sealed value too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException("Sealed value failed authentication", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }
}
