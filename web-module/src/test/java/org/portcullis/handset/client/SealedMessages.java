package org.portcullis.handset.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import org.portcullis.handset.HandsetPublicKey;
import org.portcullis.message.MessageContent;
import org.portcullis.message.MessageJwe;

/**
 * Secure messages as the server writes them, for the client's tests: sealed by the server's own
 * format code (Nimbus) for one handset's public key, and listed as the inbox lists them.
 */
final class SealedMessages {

  static final String SENDER_ID = "47401100";
  static final String SENDER_NAME = "Test bank";

  private static final MessageJwe.ServerKey SERVER_KEY = serverKey();

  private SealedMessages() {}

  /** The JWE (general JSON serialization) of {@code content}, with the entry for one handset. */
  static String jwe(KeyPair handset, String handsetId, String messageId, MessageContent content) {
    MessageJwe.Sealed sealed = MessageJwe.seal(messageId, SENDER_ID, content.encode(), SERVER_KEY);
    MessageJwe.Recipient entry =
        MessageJwe.wrapFor(
            sealed.body(),
            sealed.contentKey(),
            handsetId,
            HandsetPublicKey.parse(
                Base64.getEncoder().encodeToString(handset.getPublic().getEncoded())));
    return MessageJwe.forRecipientJson(sealed.body(), entry);
  }

  /**
   * An inbox entry as the server's JSON has it.
   *
   * @param deliveredAt null while {@code PENDING}, and then left out, as the server does
   */
  static JsonObject entry(String messageId, String state, Instant deliveredAt, String jwe) {
    JsonObjectBuilder entry =
        Json.createObjectBuilder()
            .add("messageId", messageId)
            .add("senderSystemId", SENDER_ID)
            .add("senderName", SENDER_NAME)
            .add("state", state)
            .add("submittedAt", "2026-11-21T10:00:00.123456Z")
            .add("expiresAt", "2026-11-28T10:00:00.123456Z");
    if (deliveredAt != null) {
      entry.add("deliveredAt", deliveredAt.toString());
    }
    try (JsonReader reader = Json.createReader(new StringReader(jwe))) {
      return entry.add("jwe", reader.readObject()).build();
    }
  }

  /** The inbox's answer: {@code {handsetId, messages}}. */
  static String inbox(String handsetId, JsonObject... entries) {
    var messages = Json.createArrayBuilder();
    for (JsonObject entry : entries) {
      messages.add(entry);
    }
    return Json.createObjectBuilder()
        .add("handsetId", handsetId)
        .add("messages", messages)
        .build()
        .toString();
  }

  private static MessageJwe.ServerKey serverKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      return new MessageJwe.ServerKey("messagewrap-1", generator.generateKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
