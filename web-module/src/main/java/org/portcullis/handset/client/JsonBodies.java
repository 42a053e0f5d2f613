package org.portcullis.handset.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of the handset API: request bodies built with JSON-P (so every value is escaped) and
 * answers read strictly, an answer without a promised member being a broken server, not a refusal.
 *
 * <p>Messages about answers name members, never their values: some of those are tokens.
 */
final class JsonBodies {

  private JsonBodies() {}

  /** Step 1 of server-OTP enrollment. */
  static String serverOtpRequest(String msisdn, String deviceType) {
    return Json.createObjectBuilder()
        .add("msisdn", msisdn)
        .add("deviceType", deviceType)
        .build()
        .toString();
  }

  /** Step 2 of server-OTP enrollment. */
  static String otp(String otp) {
    return Json.createObjectBuilder().add("otp", otp).build().toString();
  }

  /** Handset-OTP enrollment. */
  static String handsetOtpEnrollment(String msisdn, String otp, String deviceType) {
    return Json.createObjectBuilder()
        .add("msisdn", msisdn)
        .add("otp", otp)
        .add("deviceType", deviceType)
        .build()
        .toString();
  }

  /** The key upload. */
  static String publicKey(PublicKey key) {
    return Json.createObjectBuilder()
        .add("publicKey", HandsetKeys.encodePublicKey(key))
        .build()
        .toString();
  }

  /** An access request. */
  static String accessRequest(String terminalId) {
    return Json.createObjectBuilder().add("terminalId", terminalId).build().toString();
  }

  /** A reply to a secure message. */
  static String reply(String body) {
    return Json.createObjectBuilder().add("body", body).build().toString();
  }

  /**
   * One entry of a handset's inbox.
   *
   * @throws IOException when a promised member is missing
   */
  static InboxMessage inboxMessage(JsonObject entry) throws IOException {
    if (!(entry.get("jwe") instanceof JsonObject jwe)) {
      throw new IOException("the server's inbox entry has no 'jwe' object");
    }
    String delivered = optionalString(entry, "deliveredAt");
    return new InboxMessage(
        requiredString(entry, "messageId"),
        requiredString(entry, "senderSystemId"),
        requiredString(entry, "senderName"),
        requiredString(entry, "state"),
        requiredInstant(entry, "submittedAt"),
        requiredInstant(entry, "expiresAt"),
        delivered == null ? null : requiredInstant(entry, "deliveredAt"),
        jwe);
  }

  /**
   * Reads an answer that must be one JSON object.
   *
   * @throws IOException when it is not
   */
  static JsonObject parseObject(String body) throws IOException {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IOException("the server's answer is not a JSON object", e);
    }
  }

  /**
   * A member that must be a non-blank string.
   *
   * @throws IOException when it is missing, not a string or blank
   */
  static String requiredString(JsonObject object, String name) throws IOException {
    if (object.get(name) instanceof JsonString string && !string.getString().isBlank()) {
      return string.getString();
    }
    throw new IOException("the server's answer has no '" + name + "' string");
  }

  /**
   * A member that must be an ISO-8601 instant such as {@code 2026-11-21T10:05:00Z}.
   *
   * @throws IOException when it is missing or not an instant
   */
  static Instant requiredInstant(JsonObject object, String name) throws IOException {
    String value = requiredString(object, name);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IOException("the server's '" + name + "' is not an ISO-8601 instant", e);
    }
  }

  /**
   * The exception for a problem+json answer. A Portcullis type becomes its slug; a missing detail
   * falls back to the title, then to the status, so that there is always something to show.
   */
  static ProblemException problem(int status, JsonObject problem) {
    String type = optionalString(problem, "type");
    String slug;
    if (type == null) {
      slug = "about:blank"; // RFC 9457 §4.2.1: an absent type means "about:blank"
    } else if (type.startsWith(ProblemException.TYPE_PREFIX)) {
      slug = type.substring(ProblemException.TYPE_PREFIX.length());
    } else {
      slug = type;
    }
    String detail = optionalString(problem, "detail");
    if (detail == null) {
      detail = optionalString(problem, "title");
    }
    if (detail == null) {
      detail = "HTTP " + status;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    if (problem.get("fields") instanceof JsonObject given) {
      for (Map.Entry<String, JsonValue> field : given.entrySet()) {
        fields.put(
            field.getKey(),
            field.getValue() instanceof JsonString text
                ? text.getString()
                : field.getValue().toString());
      }
    }
    return new ProblemException(
        status, slug, detail, fields, optionalString(problem, "accountHint"));
  }

  private static String optionalString(JsonObject object, String name) {
    return object.get(name) instanceof JsonString string && !string.getString().isBlank()
        ? string.getString()
        : null;
  }
}
