package org.portcullis.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that links an audit record to its predecessor: SHA-256 over the chain index, the
 * previous hash and every content field, each length-prefixed so that no two different records
 * serialise alike.
 */
public final class AuditChain {

  /** The "previous hash" of the first record. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  public static String hash(
      long chainIndex,
      String previousHash,
      long id,
      Instant occurredAt,
      String actor,
      String action,
      String subject,
      String outcome,
      String detail) {
    StringBuilder canonical = new StringBuilder(256);
    for (String field :
        new String[] {
          Long.toString(chainIndex),
          previousHash,
          Long.toString(id),
          // microseconds: what both H2 and PostgreSQL keep of an instant
          Long.toString(occurredAt.getEpochSecond()) + "." + occurredAt.getNano() / 1000,
          actor,
          action,
          subject,
          outcome,
          detail
        }) {
      if (field == null) {
        canonical.append("-1:");
      } else {
        canonical.append(field.length()).append(':').append(field);
      }
      canonical.append('|');
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String hashOf(AuditRecord record, long chainIndex, String previousHash) {
    return hash(
        chainIndex,
        previousHash,
        record.id(),
        record.occurredAt(),
        record.actor(),
        record.action(),
        record.subject(),
        record.outcome(),
        record.detail());
  }
}
