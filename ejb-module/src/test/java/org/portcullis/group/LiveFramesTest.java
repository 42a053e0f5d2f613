package org.portcullis.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveFramesTest {

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void aSignalIsPassedOnUntouchedWithTheSenderInsteadOfTheAddressee() {
    String sdp = "v=0\\r\\no=- 46117 2 IN IP4 127.0.0.1\\r\\n";
    LiveFrames.Signal offer =
        LiveFrames.parse(
            "{\"type\":\"offer\",\"to\":\"m-abcdefghij\",\"data\":{\"sdp\":\"" + sdp + "\"}}");

    assertEquals("offer", offer.type());
    assertEquals("m-abcdefghij", offer.to());
    JsonObject relayed = json(LiveFrames.relayed(offer, "m-kmnpqrstuv"));
    assertEquals("offer", relayed.getString("type"));
    assertEquals("m-kmnpqrstuv", relayed.getString("from"));
    assertFalse(relayed.containsKey("to"));
    assertEquals(
        "v=0\r\no=- 46117 2 IN IP4 127.0.0.1\r\n", relayed.getJsonObject("data").getString("sdp"));
  }

  @Test
  void everySignalTypeAndPing() {
    for (String type : List.of("offer", "answer", "candidate", "hangup")) {
      assertEquals(
          type, LiveFrames.parse("{\"type\":\"" + type + "\",\"to\":\"m-abcdefghij\"}").type());
    }
    assertTrue(LiveFrames.parse("{\"type\":\"ping\"}").isPing());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[1,2]",
        "{\"type\":\"message\",\"to\":\"m-abcdefghij\"}",
        "{\"to\":\"m-abcdefghij\"}",
        "{\"type\":\"offer\"}",
        "{\"type\":\"offer\",\"to\":\"alice\"}",
        "{\"type\":\"offer\",\"to\":3}",
      })
  void refusesAnythingElse(String frame) {
    assertThrows(GroupRuleException.class, () -> LiveFrames.parse(frame));
  }

  @Test
  void refusesFramesOver64KiB() {
    String big =
        "{\"type\":\"offer\",\"to\":\"m-abcdefghij\",\"data\":\"" + "x".repeat(70_000) + "\"}";
    assertThrows(GroupRuleException.class, () -> LiveFrames.parse(big));
  }

  @Test
  void anEntryCarriesWhatAFetchCarries() {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    JsonObject message =
        json(
            LiveFrames.entry(
                new GroupMessages.Entry(
                    7,
                    "e-abcdefghijkmnpqr",
                    GroupMessages.Kind.MESSAGE,
                    "m-abcdefghij",
                    "AQID",
                    null,
                    new GroupMessages.Forward("g-abcdefghijkmnpqrstuv", "e-kmnpqrstuvwxyz23"),
                    null,
                    at)));
    assertEquals("entry", message.getString("type"));
    assertEquals(7, message.getInt("seq"));
    assertEquals("MESSAGE", message.getString("kind"));
    assertEquals("AQID", message.getString("ciphertext"));
    assertEquals("g-abcdefghijkmnpqrstuv", message.getJsonObject("forwardOf").getString("groupId"));
    assertEquals(at.toString(), message.getString("at"));
    assertFalse(message.containsKey("size"));

    JsonObject notice =
        json(
            LiveFrames.entry(
                new GroupMessages.Entry(
                    8, "e-x", GroupMessages.Kind.NOTICE, null, null, null, null, at, at)));
    assertEquals(at.toString(), notice.getString("until"));
  }

  @Test
  void welcomePresenceAndErrors() {
    JsonObject welcome =
        json(
            LiveFrames.welcome(
                "g-abcdefghijkmnpqrstuv",
                "m-abcdefghij",
                false,
                Instant.parse("2026-03-01T12:00:00Z"),
                List.of("m-kmnpqrstuv", "m-abcdefghij"),
                12));
    assertEquals("welcome", welcome.getString("type"));
    assertFalse(welcome.getBoolean("rebroadcast"));
    assertEquals(2, welcome.getJsonArray("online").size());
    assertEquals(12, welcome.getInt("lastSeq"));
    assertEquals("offline", json(LiveFrames.presence("m-abcdefghij", false)).getString("type"));
    assertEquals(
        "member-offline", json(LiveFrames.error("member-offline", "x")).getString("problem"));
  }
}
