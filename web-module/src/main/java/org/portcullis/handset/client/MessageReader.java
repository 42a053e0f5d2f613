package org.portcullis.handset.client;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwe.ContentEncryptionAlgorithm;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.ContentEncryptionParts;
import org.jose4j.jwe.KeyManagementAlgorithm;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwx.Headers;
import org.jose4j.lang.JoseException;

/**
 * Decrypts a secure message with the handset's private key. The message is a JWE (RFC 7516) in
 * general JSON serialization with one recipient: the protected header ({@code enc} A256GCM, {@code
 * msg} the message id, {@code snd} the sender), the recipient's header ({@code alg} RSA-OAEP-256 or
 * ECDH-ES+A256KW, {@code kid} the handset id, {@code epk}), the wrapped key, IV, ciphertext and
 * tag.
 *
 * <p>It uses jose4j, a JOSE library independent of the one the server encrypts with (Nimbus), so
 * that every message this client reads also shows that the server writes standard JWE. jose4j has
 * no JSON serialization, so this class reads the JSON and hands jose4j's key management and content
 * decryption the joined header and the additional data of RFC 7516 §5.2 step 14. Only the two key
 * algorithms above and A256GCM are accepted: a message must not choose a weaker one.
 *
 * <p>Before decrypting it checks that the message names this handset and the message it was listed
 * as, so that a ciphertext moved to another handset or message is refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageReader {

  private MessageReader() {}

  /**
   * @param handsetId this handset's id
   * @param key this handset's private key
   * @throws UnreadableMessageException when the message names another handset or message, uses an
   *     algorithm this client does not accept, is malformed, or does not decrypt with the key
   */
  public static ReadMessage read(InboxMessage message, String handsetId, PrivateKey key)
      throws UnreadableMessageException {
    JsonObject jwe = message.jwe();
    String encodedProtected = string(jwe, "protected");
    JsonObject protectedHeader = parse(decode(encodedProtected), "protected header");
    if (!message.messageId().equals(optional(protectedHeader, "msg"))) {
      throw new UnreadableMessageException(
          "the ciphertext belongs to another message than " + message.messageId());
    }
    JsonArray recipients = jwe.get("recipients") instanceof JsonArray array ? array : null;
    if (recipients == null || recipients.size() != 1) {
      throw new UnreadableMessageException("the message must have exactly one recipient");
    }
    JsonObject recipient = recipients.getJsonObject(0);
    JsonObject recipientHeader =
        recipient.get("header") instanceof JsonObject header ? header : JsonValue.EMPTY_JSON_OBJECT;
    if (!handsetId.equals(optional(recipientHeader, "kid"))) {
      throw new UnreadableMessageException(
          "the message's header names another handset than " + handsetId);
    }
    String alg = optional(recipientHeader, "alg");
    if (!KeyManagementAlgorithmIdentifiers.RSA_OAEP_256.equals(alg)
        && !KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW.equals(alg)) {
      throw new UnreadableMessageException("the key algorithm " + alg + " is not accepted");
    }
    if (!ContentEncryptionAlgorithmIdentifiers.AES_256_GCM.equals(
        optional(protectedHeader, "enc"))) {
      throw new UnreadableMessageException("the content encryption must be A256GCM");
    }
    byte[] plaintext;
    try {
      plaintext =
          decrypt(
              joined(protectedHeader, recipientHeader),
              key,
              decode(string(recipient, "encrypted_key")),
              decode(string(jwe, "iv")),
              decode(string(jwe, "ciphertext")),
              decode(string(jwe, "tag")),
              encodedProtected.getBytes(StandardCharsets.US_ASCII));
    } catch (JoseException | RuntimeException e) {
      throw new UnreadableMessageException(
          "the message does not decrypt with this handset's key", e);
    }
    JsonObject content = parse(plaintext, "plaintext");
    String body = optional(content, "body");
    if (body == null) {
      throw new UnreadableMessageException("the plaintext has no body");
    }
    return new ReadMessage(
        message.messageId(), message.senderName(), optional(content, "subject"), body);
  }

  private static byte[] decrypt(
      Headers headers,
      PrivateKey key,
      byte[] encryptedKey,
      byte[] iv,
      byte[] ciphertext,
      byte[] tag,
      byte[] aad)
      throws JoseException {
    AlgorithmFactoryFactory algorithms = AlgorithmFactoryFactory.getInstance();
    KeyManagementAlgorithm keyManagement =
        algorithms
            .getJweKeyManagementAlgorithmFactory()
            .getAlgorithm(headers.getStringHeaderValue("alg"));
    ContentEncryptionAlgorithm content =
        algorithms
            .getJweContentEncryptionAlgorithmFactory()
            .getAlgorithm(headers.getStringHeaderValue("enc"));
    ProviderContext context = new ProviderContext();
    Key contentKey =
        keyManagement.manageForDecrypt(
            keyManagement.prepareForDecrypt(key, headers, context),
            encryptedKey,
            content.getContentEncryptionKeyDescriptor(),
            headers,
            context);
    return content.decrypt(
        new ContentEncryptionParts(iv, ciphertext, tag),
        aad,
        contentKey.getEncoded(),
        headers,
        context);
  }

  /** The protected and the recipient's header as one (RFC 7516 §7.2.1: they must be disjoint). */
  private static Headers joined(JsonObject protectedHeader, JsonObject recipientHeader)
      throws UnreadableMessageException {
    JsonObjectBuilder joined = Json.createObjectBuilder(protectedHeader);
    for (Map.Entry<String, JsonValue> parameter : recipientHeader.entrySet()) {
      if (protectedHeader.containsKey(parameter.getKey())) {
        throw new UnreadableMessageException(
            "the header parameter " + parameter.getKey() + " appears twice");
      }
      joined.add(parameter.getKey(), parameter.getValue());
    }
    Headers headers = new Headers();
    try {
      headers.setFullHeaderAsJsonString(joined.build().toString());
    } catch (JoseException e) {
      throw new UnreadableMessageException("the header is not JSON", e);
    }
    return headers;
  }

  private static String string(JsonObject object, String name) throws UnreadableMessageException {
    String value = optional(object, name);
    if (value == null) {
      throw new UnreadableMessageException("the message has no " + name);
    }
    return value;
  }

  private static String optional(JsonObject object, String name) {
    return object.get(name) instanceof JsonString string ? string.getString() : null;
  }

  private static byte[] decode(String base64url) throws UnreadableMessageException {
    try {
      return Base64.getUrlDecoder().decode(base64url);
    } catch (IllegalArgumentException e) {
      throw new UnreadableMessageException("the message is not base64url", e);
    }
  }

  private static JsonObject parse(byte[] utf8, String what) throws UnreadableMessageException {
    try (JsonReader reader =
        Json.createReader(new StringReader(new String(utf8, StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new UnreadableMessageException("the " + what + " is not a JSON object", e);
    }
  }
}
