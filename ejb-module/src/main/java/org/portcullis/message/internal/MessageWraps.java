package org.portcullis.message.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.portcullis.crypto.internal.ServerKeys;
import org.portcullis.handset.HandsetPublicKeys.KeyedHandset;
import org.portcullis.message.MessageContent;
import org.portcullis.message.MessageJwe;

/**
 * The server's keys applied to messages: sealing a new message, wrapping its content key for a
 * handset, and unwrapping it from the server's entry while that exists. The content key lives only
 * in memory, for the length of one request.
 */
@Stateless
public class MessageWraps {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB ServerKeys keys;

  public MessageJwe.Sealed seal(String messageId, String senderSystemId, MessageContent content) {
    String kid = keys.messageWrapKeyId();
    return MessageJwe.seal(
        messageId,
        senderSystemId,
        content.encode(),
        new MessageJwe.ServerKey(kid, keys.messageWrapKeys().get(kid)));
  }

  /** The content key from the server's entry; empty once the message was delivered or closed. */
  public Optional<SecretKey> contentKey(SecureMessage message) {
    return message
        .serverEntry()
        .map(entry -> MessageJwe.unwrapServerEntry(entry, keys.messageWrapKeys()));
  }

  /** A new pending copy for the handset, wrapped for its key. */
  public MessageCopy addCopy(
      SecureMessage message, SecretKey contentKey, KeyedHandset handset, Instant now) {
    MessageJwe.Body body = message.body().orElseThrow();
    MessageCopy copy =
        new MessageCopy(
            message,
            handset.handsetId(),
            handset.deviceType(),
            MessageJwe.wrapFor(body, contentKey, handset.handsetId(), handset.key()),
            handset.keyUploadedAt(),
            now);
    em.persist(copy);
    return copy;
  }

  /** Wraps a pending copy for the handset's new key. */
  public void rewrap(MessageCopy copy, SecretKey contentKey, KeyedHandset handset) {
    MessageJwe.Body body = copy.message().body().orElseThrow();
    copy.rewrapped(
        MessageJwe.wrapFor(body, contentKey, handset.handsetId(), handset.key()),
        handset.keyUploadedAt());
  }
}
