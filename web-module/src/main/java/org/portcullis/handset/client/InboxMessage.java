package org.portcullis.handset.client;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A secure message in a handset's inbox, as the server lists it: who sent it, its state on this
 * handset, and the JWE that only this handset's private key opens ({@link MessageReader}).
 *
 * @param state {@code PENDING} until acknowledged, then {@code DELIVERED}
 * @param deliveredAt null until acknowledged
 * @param jwe the message, a JWE in general JSON serialization with this handset's entry only
 */
public record InboxMessage(
    String messageId,
    String senderSystemId,
    String senderName,
    String state,
    Instant submittedAt,
    Instant expiresAt,
    Instant deliveredAt,
    JsonObject jwe) {

  public InboxMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(jwe, "jwe");
  }

  public boolean isDelivered() {
    return "DELIVERED".equals(state);
  }
}
