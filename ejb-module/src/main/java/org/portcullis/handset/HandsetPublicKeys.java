package org.portcullis.handset;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Handsets' public keys: the upload (or replacement) by the handset itself, and what secure
 * messages need to encrypt for a customer's handsets. A stored key always passed {@link
 * HandsetPublicKey#parse}. Each upload fires a {@link KeyChanged} event in the uploading
 * transaction, so that capabilities that encrypt for handsets (secure messages) can wrap for the
 * new key before the upload commits.
 */
public interface HandsetPublicKeys {

  /** A handset and the key it has now. */
  record KeyedHandset(
      String handsetId, String deviceType, HandsetPublicKey key, Instant keyUploadedAt) {}

  /** Whose a handset is: for the handset's own requests. */
  record Owner(String handsetId, long customerId, String account, String msisdn) {}

  /**
   * A handset stored a new key (its first, or one that replaces the one before).
   *
   * @param customerId the handset's customer
   * @param msisdn the number the handset enrolled with
   */
  record KeyChanged(
      String handsetId,
      long customerId,
      String account,
      String msisdn,
      String deviceType,
      HandsetPublicKey key,
      Instant uploadedAt,
      boolean replaced) {}

  /**
   * Stores (or replaces) the handset's public key.
   *
   * @param callerTerminalId the terminal of the access token that authorised the call: must be
   *     {@code handsetId}
   * @throws org.portcullis.error.DomainException bad input for an unacceptable key; forbidden for
   *     another handset's token; not found for an unknown handset
   */
  HandsetPublicKey uploadPublicKey(String handsetId, String callerTerminalId, String publicKey);

  /** The handsets of a customer enrolled for {@code msisdn} that have a key, oldest first. */
  List<KeyedHandset> keyedHandsets(long customerId, String msisdn);

  /** The handset's owner; empty for an unknown handset. */
  Optional<Owner> owner(String handsetId);
}
