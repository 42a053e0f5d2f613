package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.portcullis.message.MessageContent;

/**
 * The client reads what the server writes: the server's own format code (Nimbus) seals, the client
 * (jose4j) opens, and refuses what is not meant for it.
 */
class MessageReaderTest {

  private static InboxMessage sealedFor(
      KeyPair handset, String handsetId, String messageId, MessageContent content) {
    return listed(messageId, SealedMessages.jwe(handset, handsetId, messageId, content));
  }

  private static InboxMessage listed(String messageId, String jwe) {
    try (JsonReader reader = Json.createReader(new StringReader(jwe))) {
      return new InboxMessage(
          messageId,
          SealedMessages.SENDER_ID,
          SealedMessages.SENDER_NAME,
          "PENDING",
          Instant.now(),
          Instant.now().plusSeconds(3600),
          null,
          reader.readObject());
    }
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void readsWhatTheServerSealedForIt(KeyAlgorithm algorithm) throws Exception {
    KeyPair handset = HandsetKeys.generate(algorithm);
    MessageContent content = new MessageContent("Statement", "Your statement is ready. ✓");
    ReadMessage read =
        MessageReader.read(
            sealedFor(handset, "hs-one", "msg-1", content), "hs-one", handset.getPrivate());
    assertEquals("Statement", read.subject());
    assertEquals("Your statement is ready. ✓", read.body());
    assertEquals("Test bank", read.senderName());

    ReadMessage bare =
        MessageReader.read(
            sealedFor(handset, "hs-one", "msg-2", new MessageContent(null, "no subject")),
            "hs-one",
            handset.getPrivate());
    assertNull(bare.subject());
    assertEquals("no subject", bare.body());
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void refusesACiphertextThatNamesAnotherHandset(KeyAlgorithm algorithm) {
    KeyPair handset = HandsetKeys.generate(algorithm);
    InboxMessage forOther =
        sealedFor(handset, "hs-other", "msg-1", new MessageContent(null, "not yours"));
    UnreadableMessageException refused =
        assertThrows(
            UnreadableMessageException.class,
            () -> MessageReader.read(forOther, "hs-one", handset.getPrivate()));
    assertTrue(refused.getMessage().contains("another handset"), refused.getMessage());
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void anEntryRelabelledForThisHandsetDoesNotDecryptWithItsKey(KeyAlgorithm algorithm) {
    KeyPair other = HandsetKeys.generate(algorithm);
    KeyPair mine = HandsetKeys.generate(algorithm);
    InboxMessage forOther =
        sealedFor(other, "hs-other", "msg-1", new MessageContent(null, "not yours"));
    String relabelled = forOther.jwe().toString().replace("\"hs-other\"", "\"hs-one\"");
    UnreadableMessageException refused =
        assertThrows(
            UnreadableMessageException.class,
            () -> MessageReader.read(listed("msg-1", relabelled), "hs-one", mine.getPrivate()));
    assertTrue(refused.getMessage().contains("does not decrypt"), refused.getMessage());
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void refusesACiphertextOfAnotherMessage(KeyAlgorithm algorithm) {
    KeyPair handset = HandsetKeys.generate(algorithm);
    InboxMessage sealed =
        sealedFor(handset, "hs-one", "msg-1", new MessageContent(null, "first message"));
    InboxMessage moved = listed("msg-2", sealed.jwe().toString());
    UnreadableMessageException refused =
        assertThrows(
            UnreadableMessageException.class,
            () -> MessageReader.read(moved, "hs-one", handset.getPrivate()));
    assertTrue(refused.getMessage().contains("another message"), refused.getMessage());
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void refusesAWeakerAlgorithmThanTheServerUses(KeyAlgorithm algorithm) {
    KeyPair handset = HandsetKeys.generate(algorithm);
    InboxMessage sealed =
        sealedFor(handset, "hs-one", "msg-1", new MessageContent(null, "a message"));
    JsonObject jwe = sealed.jwe();
    JsonObject recipient = jwe.getJsonArray("recipients").getJsonObject(0);
    JsonObject downgraded =
        Json.createObjectBuilder(jwe)
            .add(
                "recipients",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder(recipient)
                            .add(
                                "header",
                                Json.createObjectBuilder(recipient.getJsonObject("header"))
                                    .add("alg", "RSA1_5"))))
            .build();
    assertThrows(
        UnreadableMessageException.class,
        () ->
            MessageReader.read(
                listed("msg-1", downgraded.toString()), "hs-one", handset.getPrivate()));
  }
}
