package org.portcullis.message;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.portcullis.error.DomainException;

/**
 * What a sender writes to a customer: an optional one-line subject and a body. It exists in clear
 * only while a request is being handled; what is stored and sent to handsets is its {@link
 * #encode() encoding} encrypted by {@link MessageJwe}. Immutable; {@link #toString()} shows no
 * content, so that a log line can never carry it.
 *
 * @param subject null or 1 to {@value #MAX_SUBJECT_CHARS} characters without line breaks
 * @param body 1 to {@value #MAX_BODY_BYTES} bytes of UTF-8 text
 */
public record MessageContent(String subject, String body) {

  /** 64 KiB of UTF-8. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  public static final int MAX_SUBJECT_CHARS = 200;

  /**
   * @throws DomainException bad input naming {@code subject} or {@code body}
   */
  public MessageContent {
    if (body == null || body.isEmpty()) {
      throw DomainException.badInput("invalid-message", "body", "body is required");
    }
    if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      throw DomainException.badInput(
          "message-too-large", "body", "body must be at most 65536 bytes of UTF-8");
    }
    if (subject != null) {
      if (subject.isBlank()) {
        throw DomainException.badInput(
            "invalid-message", "subject", "subject must not be blank; leave it out instead");
      }
      if (subject.codePointCount(0, subject.length()) > MAX_SUBJECT_CHARS) {
        throw DomainException.badInput(
            "invalid-message", "subject", "subject must be at most 200 characters");
      }
      if (subject.chars().anyMatch(c -> c == '\n' || c == '\r')) {
        throw DomainException.badInput("invalid-message", "subject", "subject must be one line");
      }
    }
  }

  /** The JWE plaintext: the UTF-8 JSON object {@code {"subject":...,"body":...}}. */
  public byte[] encode() {
    Map<String, Object> json = new LinkedHashMap<>();
    if (subject != null) {
      json.put("subject", subject);
    }
    json.put("body", body);
    return JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads what {@link #encode()} wrote.
   *
   * @throws IllegalArgumentException when it is not such an object
   */
  public static MessageContent decode(byte[] plaintext) {
    try {
      Map<String, Object> json =
          JSONObjectUtils.parse(new String(plaintext, StandardCharsets.UTF_8));
      return new MessageContent(
          JSONObjectUtils.getString(json, "subject"), JSONObjectUtils.getString(json, "body"));
    } catch (ParseException | DomainException e) {
      throw new IllegalArgumentException("Not a message's content", e);
    }
  }

  @Override
  public String toString() {
    return "MessageContent[subject=" + (subject == null ? "none" : "…") + ", body=…]";
  }
}
