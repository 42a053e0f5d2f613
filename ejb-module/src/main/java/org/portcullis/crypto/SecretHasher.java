package org.portcullis.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * One-way hashes of secrets, always peppered with a key from the server's keystore, so that a
 * stolen database alone is not enough to attack them.
 *
 * <ul>
 *   <li>{@link #slowHash} for secrets people choose (PINs, passwords): Argon2id (RFC 9106) with a
 *       random 16-byte salt, the pepper as Argon2's secret input, and OWASP's parameters by default
 *       (19 MiB, 2 passes, 1 lane). Stored as {@code
 *       $argon2id$v=19$m=..,t=..,p=..$pepperId$salt$hash} so parameters and pepper can change
 *       without invalidating old hashes.
 *   <li>{@link #fastHash} for machine-generated secrets of at least 128 bits (API secrets, token
 *       secrets): HMAC-SHA-256 under the pepper. Slowness adds nothing to a secret that cannot be
 *       guessed, and these are checked on every request.
 * </ul>
 *
 * <p>Thread-safe: immutable; generators and MACs are created per call.
 */
public final class SecretHasher {

  /** Argon2id cost parameters. */
  public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {
    /** Upper bounds, so that a forged stored hash cannot stall or exhaust the server. */
    static final int MAX_MEMORY_KIB = 1024 * 1024;

    static final int MAX_ITERATIONS = 10;
    static final int MAX_PARALLELISM = 16;

    public Argon2Cost {
      if (parallelism < 1
          || parallelism > MAX_PARALLELISM
          || memoryKiB < 8 * parallelism
          || memoryKiB > MAX_MEMORY_KIB
          || iterations < 1
          || iterations > MAX_ITERATIONS) {
        throw new IllegalArgumentException("Argon2 parameters out of range");
      }
    }

    /** OWASP Password Storage Cheat Sheet, Argon2id first recommendation. */
    public static Argon2Cost owasp() {
      return new Argon2Cost(19 * 1024, 2, 1);
    }
  }

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final Map<String, SecretKey> peppers;
  private final String currentPepperId;
  private final Argon2Cost cost;

  public SecretHasher(Map<String, SecretKey> peppers, String currentPepperId, Argon2Cost cost) {
    if (!peppers.containsKey(currentPepperId)) {
      throw new IllegalArgumentException("No pepper with id " + currentPepperId);
    }
    peppers.keySet().stream()
        .filter(id -> id.contains("$"))
        .findAny()
        .ifPresent(
            id -> {
              throw new IllegalArgumentException("Pepper id may not contain '$': " + id);
            });
    this.peppers = Map.copyOf(peppers);
    this.currentPepperId = currentPepperId;
    this.cost = cost;
  }

  public String slowHash(String secret) {
    byte[] salt = Randoms.bytes(SALT_BYTES);
    byte[] hash = argon2(secret, salt, pepper(currentPepperId), cost);
    return "$argon2id$v=19$m="
        + cost.memoryKiB()
        + ",t="
        + cost.iterations()
        + ",p="
        + cost.parallelism()
        + "$"
        + currentPepperId
        + "$"
        + ENCODER.encodeToString(salt)
        + "$"
        + ENCODER.encodeToString(hash);
  }

  /** Whether {@code secret} matches {@code stored}; false (never an exception) for junk. */
  public boolean slowVerify(String secret, String stored) {
    if (secret == null || stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", pepperId, salt, hash
    if (parts.length != 7
        || !"argon2id".equals(parts[1])
        || !"v=19".equals(parts[2])
        || !peppers.containsKey(parts[4])) {
      return false;
    }
    try {
      Argon2Cost storedCost = parseCost(parts[3]);
      byte[] salt = DECODER.decode(parts[5]);
      byte[] expected = DECODER.decode(parts[6]);
      byte[] actual = argon2(secret, salt, pepper(parts[4]), storedCost);
      return ConstantTime.equals(expected, actual);
    } catch (RuntimeException e) {
      // a malformed stored hash is a mismatch, never a failure of the request
      return false;
    }
  }

  /**
   * Spends the time of one {@link #slowVerify}, for callers that have nothing to verify (an unknown
   * account) but must not answer faster than when they do.
   */
  public void slowVerifyNothing(String secret) {
    argon2(secret == null ? "" : secret, new byte[SALT_BYTES], pepper(currentPepperId), cost);
  }

  public String fastHash(String secret) {
    return "hmac-sha256$"
        + currentPepperId
        + "$"
        + ENCODER.encodeToString(hmac(secret, currentPepperId));
  }

  public boolean fastVerify(String secret, String stored) {
    if (secret == null || stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 3 || !"hmac-sha256".equals(parts[0]) || !peppers.containsKey(parts[1])) {
      return false;
    }
    try {
      return ConstantTime.equals(DECODER.decode(parts[2]), hmac(secret, parts[1]));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private byte[] pepper(String id) {
    return peppers.get(id).getEncoded();
  }

  private byte[] hmac(String secret, String pepperId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(peppers.get(pepperId));
      return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] argon2(String secret, byte[] salt, byte[] pepper, Argon2Cost cost) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.memoryKiB())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .withSalt(salt)
            .withSecret(pepper)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] hash = new byte[HASH_BYTES];
    generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), hash);
    return hash;
  }

  private static Argon2Cost parseCost(String text) {
    int m = -1;
    int t = -1;
    int p = -1;
    for (String pair : text.split(",")) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("Malformed Argon2 parameters");
      }
      int value = Integer.parseInt(kv[1]);
      switch (kv[0]) {
        case "m" -> m = value;
        case "t" -> t = value;
        case "p" -> p = value;
        default -> throw new IllegalArgumentException("Unknown Argon2 parameter");
      }
    }
    return new Argon2Cost(m, t, p);
  }
}
