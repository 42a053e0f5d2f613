package org.portcullis.group;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The frames of a group's WebSocket, one JSON object each, with a {@code type}.
 *
 * <p>Server to member: {@code welcome} (on connecting: the member's id, the group's flag and
 * expiry, who is online, the newest seq), {@code entry} (a new entry of the stream: message, file,
 * join, departure, notice, extension; the same members as a fetch returns), {@code online} and
 * {@code offline} (presence), the relayed signalling frames with {@code from}, {@code pong}, and
 * {@code error} with a {@code problem}.
 *
 * <p>Member to server: the WebRTC signalling frames {@link #SIGNALS} with {@code to} (a member id)
 * and {@code data} (the SDP or ICE candidate, any JSON value, passed on untouched), and {@code
 * ping}. Signalling is relayed to the addressee only, never stored and never logged.
 *
 * <p>Plain Java over JSON-P; stateless and thread-safe.
 */
public final class LiveFrames {

  /** The WebRTC signalling frames a member may send to another. */
  public static final Set<String> SIGNALS = Set.of("offer", "answer", "candidate", "hangup");

  /** The largest frame a member may send: an SDP offer with many candidates fits well. */
  public static final int MAX_FRAME_CHARS = 64 * 1024;

  static final String TYPE = "invalid-frame";

  /**
   * A frame a member sent.
   *
   * @param type a signal of {@link #SIGNALS}, or {@code ping}
   * @param to the addressee's member id (null for {@code ping})
   * @param data what to pass on (null for {@code ping})
   */
  public record Signal(String type, String to, JsonValue data) {
    public boolean isPing() {
      return "ping".equals(type);
    }
  }

  private LiveFrames() {}

  /**
   * Reads a member's frame.
   *
   * @throws GroupRuleException for anything but a well-formed signal or ping
   */
  public static Signal parse(String text) {
    if (text == null || text.length() > MAX_FRAME_CHARS) {
      throw new GroupRuleException(TYPE, "frame", "a frame is one JSON object of at most 64 KiB");
    }
    JsonObject frame;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      frame = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new GroupRuleException(TYPE, "frame", "a frame is one JSON object");
    }
    String type = frame.get("type") instanceof JsonString s ? s.getString() : null;
    if ("ping".equals(type)) {
      return new Signal(type, null, null);
    }
    if (type == null || !SIGNALS.contains(type)) {
      throw new GroupRuleException(
          TYPE, "type", "type must be offer, answer, candidate, hangup or ping");
    }
    String to = frame.get("to") instanceof JsonString s ? s.getString() : null;
    if (!GroupIds.isMemberId(to)) {
      throw new GroupRuleException(TYPE, "to", "to must be a member id of the group");
    }
    JsonValue data = frame.containsKey("data") ? frame.get("data") : JsonValue.NULL;
    return new Signal(type, to, data);
  }

  /** A signal as its addressee receives it: the sender instead of the addressee. */
  public static String relayed(Signal signal, String from) {
    return Json.createObjectBuilder()
        .add("type", signal.type())
        .add("from", from)
        .add("data", signal.data())
        .build()
        .toString();
  }

  /** The first frame of a connection. */
  public static String welcome(
      String groupId,
      String memberId,
      boolean rebroadcast,
      Instant expiresAt,
      Collection<String> online,
      long lastSeq) {
    return Json.createObjectBuilder()
        .add("type", "welcome")
        .add("groupId", groupId)
        .add("memberId", memberId)
        .add("rebroadcast", rebroadcast)
        .add("expiresAt", expiresAt.toString())
        .add("online", Json.createArrayBuilder(online.stream().sorted().toList()))
        .add("lastSeq", lastSeq)
        .build()
        .toString();
  }

  /** A new entry of the stream. */
  public static String entry(GroupMessages.Entry entry) {
    JsonObjectBuilder frame =
        Json.createObjectBuilder()
            .add("type", "entry")
            .add("seq", entry.seq())
            .add("id", entry.id())
            .add("kind", entry.kind().name())
            .add("at", entry.at().toString());
    if (entry.memberId() != null) {
      frame.add("memberId", entry.memberId());
    }
    if (entry.ciphertext() != null) {
      frame.add("ciphertext", entry.ciphertext());
    }
    if (entry.size() != null) {
      frame.add("size", entry.size());
    }
    if (entry.forwardOf() != null) {
      frame.add(
          "forwardOf",
          Json.createObjectBuilder()
              .add("groupId", entry.forwardOf().groupId())
              .add("messageId", entry.forwardOf().messageId()));
    }
    if (entry.until() != null) {
      frame.add("until", entry.until().toString());
    }
    return frame.build().toString();
  }

  /** A member came online ({@code true}) or went offline. */
  public static String presence(String memberId, boolean online) {
    return Json.createObjectBuilder()
        .add("type", online ? "online" : "offline")
        .add("memberId", memberId)
        .build()
        .toString();
  }

  public static String pong() {
    return "{\"type\":\"pong\"}";
  }

  /** A refused frame: what was wrong, never what it said. */
  public static String error(String problem, String detail) {
    return Json.createObjectBuilder()
        .add("type", "error")
        .add("problem", problem)
        .add("detail", detail)
        .build()
        .toString();
  }
}
