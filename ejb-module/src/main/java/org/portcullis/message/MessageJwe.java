package org.portcullis.message;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWECryptoParts;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.UnprotectedHeader;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.impl.AAD;
import com.nimbusds.jose.crypto.impl.AESKW;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.portcullis.crypto.Randoms;
import org.portcullis.handset.HandsetPublicKey;

/**
 * The secure-message format: a JWE (RFC 7516) in JSON serialization, with the body encrypted once
 * and its content key wrapped once per recipient (RFC 7516 §7.2.1, "general" syntax).
 *
 * <ul>
 *   <li>Content: {@code A256GCM} (RFC 7518 §5.3) under a fresh random 256-bit content key. The
 *       protected header is {@code {"enc":"A256GCM","msg":<message id>,"snd":<sender's system
 *       ID>}}; as the AEAD's additional data it binds the ciphertext to its message and sender, so
 *       a body moved to another message no longer matches what the handset asked for.
 *   <li>Recipients: a handset's entry has the per-recipient header {@code {"alg":...,
 *       "kid":<handset id>}} and the content key wrapped with {@code RSA-OAEP-256} (RSA keys) or
 *       {@code ECDH-ES+A256KW} (P-256 keys, with the ephemeral key {@code epk}; RFC 7518 §4.3,
 *       §4.6). The server's own entry uses {@code A256KW} (RFC 7518 §4.4) under a key of its
 *       keystore, named by its {@code kid}, and exists only until the message is delivered.
 * </ul>
 *
 * <p>The body is never encrypted again: a recipient added later (a handset enrolled or given a new
 * key before delivery) gets the content key unwrapped from the server's entry and wrapped for its
 * key. Each wrap is done the way Nimbus' own multi-recipient encrypter does it: the library's
 * single-recipient encrypter, given the content key, encrypts an empty text and its encrypted key
 * and per-recipient header are kept.
 *
 * <p>Plain Java, no container; thread-safe (stateless; keys and ciphers are made per call).
 */
public final class MessageJwe {

  /** The custom protected header parameter naming the message. */
  public static final String MESSAGE_ID = "msg";

  /** The custom protected header parameter naming the sender's system ID. */
  public static final String SENDER = "snd";

  private static final EncryptionMethod ENC = EncryptionMethod.A256GCM;

  private MessageJwe() {}

  /** A key of the server's keystore that wraps content keys until delivery. */
  public record ServerKey(String kid, SecretKey key) {
    public ServerKey {
      Objects.requireNonNull(kid, "kid");
      if (Objects.requireNonNull(key, "key").getEncoded().length != 32) {
        throw new IllegalArgumentException("The message wrapping key must be AES-256");
      }
    }
  }

  /** The parts every recipient shares: base64url of the protected header, IV, ciphertext, tag. */
  public record Body(String protectedHeader, String iv, String ciphertext, String tag) {}

  /**
   * One recipient's entry: its per-recipient header (a JSON object) and its wrapped content key.
   */
  public record Recipient(String header, String encryptedKey) {}

  /**
   * What {@link #seal} makes: the body, the server's entry and the content key, which the caller
   * may use for further wraps in the same transaction and must then forget (it is never stored).
   */
  public record Sealed(Body body, Recipient serverEntry, SecretKey contentKey) {}

  /**
   * Encrypts a message's content once and wraps its content key for the server.
   *
   * @param plaintext the content (see {@link MessageContent#encode()})
   */
  public static Sealed seal(String messageId, String senderId, byte[] plaintext, ServerKey server) {
    SecretKey contentKey = newContentKey();
    JWEHeader protectedHeader =
        new JWEHeader.Builder(ENC)
            .customParam(MESSAGE_ID, Objects.requireNonNull(messageId, "messageId"))
            .customParam(SENDER, Objects.requireNonNull(senderId, "senderId"))
            .build();
    Base64URL encodedHeader = protectedHeader.toBase64URL();
    AESEncrypter serverWrap;
    try {
      serverWrap = new AESEncrypter(server.key(), contentKey);
    } catch (JOSEException e) {
      throw new IllegalStateException("The message wrapping key is unusable", e);
    }
    JWECryptoParts parts =
        encryptFor(
            serverWrap,
            protectedHeader,
            encodedHeader,
            JWEAlgorithm.A256KW,
            server.kid(),
            plaintext);
    Body body =
        new Body(
            encodedHeader.toString(),
            parts.getInitializationVector().toString(),
            parts.getCipherText().toString(),
            parts.getAuthenticationTag().toString());
    return new Sealed(body, recipient(parts, protectedHeader), contentKey);
  }

  /**
   * Wraps {@code contentKey} for a handset's public key.
   *
   * @throws IllegalArgumentException when the key cannot be used (it was checked on upload, so this
   *     means a damaged row)
   */
  public static Recipient wrapFor(
      Body body, SecretKey contentKey, String handsetId, HandsetPublicKey key) {
    JWEHeader protectedHeader = protectedHeader(body);
    JWEEncrypter encrypter;
    JWEAlgorithm alg;
    try {
      switch (key.algorithm()) {
        case RSA -> {
          alg = JWEAlgorithm.RSA_OAEP_256;
          RSAPublicKey rsa =
              (RSAPublicKey)
                  KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.der()));
          encrypter = new RSAEncrypter(rsa, contentKey);
        }
        case EC_P256 -> {
          alg = JWEAlgorithm.ECDH_ES_A256KW;
          ECPublicKey ec =
              (ECPublicKey)
                  KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(key.der()));
          encrypter = new ECDHEncrypter(ec, contentKey);
        }
        default -> throw new IllegalArgumentException("No JWE algorithm for " + key.algorithm());
      }
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalArgumentException("The handset's key cannot be used: " + e.getMessage(), e);
    }
    // an empty text: only the wrapped key and the per-recipient header are kept
    JWECryptoParts parts =
        encryptFor(
            encrypter,
            protectedHeader,
            new Base64URL(body.protectedHeader()),
            alg,
            handsetId,
            new byte[0]);
    return recipient(parts, protectedHeader);
  }

  /**
   * The content key, unwrapped from the server's entry.
   *
   * @param keys the server's message keys by kid (old ones stay to open older messages)
   * @throws IllegalArgumentException when the entry names no known key or does not unwrap
   */
  public static SecretKey unwrapServerEntry(Recipient serverEntry, Map<String, SecretKey> keys) {
    try {
      Map<String, Object> header = JSONObjectUtils.parse(serverEntry.header());
      if (!JWEAlgorithm.A256KW.getName().equals(JSONObjectUtils.getString(header, "alg"))) {
        throw new IllegalArgumentException("Not a server entry");
      }
      SecretKey kek = keys.get(JSONObjectUtils.getString(header, "kid"));
      if (kek == null) {
        throw new IllegalArgumentException("The server entry names an unknown key");
      }
      return AESKW.unwrapCEK(kek, new Base64URL(serverEntry.encryptedKey()).decode(), null);
    } catch (ParseException | JOSEException e) {
      throw new IllegalArgumentException("The server entry does not unwrap", e);
    }
  }

  /** The JWE that one recipient receives: general JSON serialization with that single recipient. */
  public static Map<String, Object> forRecipient(Body body, Recipient recipient) {
    try {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("header", JSONObjectUtils.parse(recipient.header()));
      entry.put("encrypted_key", recipient.encryptedKey());
      Map<String, Object> jwe = new LinkedHashMap<>();
      jwe.put("protected", body.protectedHeader());
      jwe.put("recipients", List.of(entry));
      jwe.put("iv", body.iv());
      jwe.put("ciphertext", body.ciphertext());
      jwe.put("tag", body.tag());
      return jwe;
    } catch (ParseException e) {
      throw new IllegalArgumentException("A stored recipient header is not JSON", e);
    }
  }

  /** {@link #forRecipient} as JSON text. */
  public static String forRecipientJson(Body body, Recipient recipient) {
    return JSONObjectUtils.toJSONString(forRecipient(body, recipient));
  }

  private static JWECryptoParts encryptFor(
      JWEEncrypter encrypter,
      JWEHeader protectedHeader,
      Base64URL encodedHeader,
      JWEAlgorithm alg,
      String kid,
      byte[] plaintext) {
    try {
      JWEHeader joined =
          (JWEHeader)
              protectedHeader.join(
                  new UnprotectedHeader.Builder().param("alg", alg.getName()).keyID(kid).build());
      // RFC 7516 §5.1 step 14: the AAD is the encoded protected header alone
      return encrypter.encrypt(joined, plaintext, AAD.compute(encodedHeader));
    } catch (JOSEException | ParseException e) {
      throw new IllegalStateException("JWE encryption failed", e);
    }
  }

  /** The per-recipient header: what the encrypter's header has beyond the protected one. */
  private static Recipient recipient(JWECryptoParts parts, JWEHeader protectedHeader) {
    Map<String, Object> header = parts.getHeader().toJSONObject();
    for (String shared : protectedHeader.getIncludedParams()) {
      header.remove(shared);
    }
    return new Recipient(JSONObjectUtils.toJSONString(header), parts.getEncryptedKey().toString());
  }

  private static JWEHeader protectedHeader(Body body) {
    try {
      return JWEHeader.parse(new Base64URL(body.protectedHeader()));
    } catch (ParseException e) {
      throw new IllegalArgumentException("A stored protected header is not a JWE header", e);
    }
  }

  private static SecretKey newContentKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(ENC.cekBitLength(), Randoms.secureRandom());
      return generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is not available", e);
    }
  }
}
