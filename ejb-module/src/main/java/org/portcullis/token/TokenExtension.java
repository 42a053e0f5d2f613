package org.portcullis.token;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the new expiries of all tokens of one terminal after one of them is used or after a
 * login on that terminal (SPEC §3.7). The caller hands in exactly the tokens of that terminal,
 * keyed however it likes (token key, entity id), and gets back the new expiry of each of them and
 * of no other; tokens of other terminals are never seen, so never touched.
 *
 * <p>The policy ({@link TokenExpiryPolicy}) proposes a target expiry for each token; then, for
 * every token separately:
 *
 * <ol>
 *   <li><b>Expired tokens stay expired.</b> A token with {@code expires ≤ now} keeps its expiry, so
 *       that a later access with it is still refused and can still name the account as a hint.
 *   <li><b>No extension passes the ceiling.</b> The target is cut to {@code issued + ceiling} of
 *       that token. The ceiling of the used token does not limit the others: each login ages on its
 *       own, and the policy's targets are computed before any ceiling is applied.
 *   <li><b>Extension never shortens.</b> The new expiry is {@code max(expires, min(target, issued +
 *       ceiling))}: a token that already lives longer than its target keeps its expiry (even one
 *       left beyond a ceiling that was since lowered — that extension does not move it).
 * </ol>
 *
 * <p>A login of a new token issued at {@code now} with lifetime {@code L} is read as a use of that
 * token whose remaining validity goes from 0 to {@code L}: under {@link
 * TokenExpiryPolicy#SAME_DATE} the others get {@code now + L}, under {@link
 * TokenExpiryPolicy#SAME_PERIOD} they are pushed back by {@code L}. Under {@link
 * TokenExpiryPolicy#SAME_FACTOR} the factor {@code (L + 0) / 0} is undefined (its limit would send
 * every token to its ceiling), so a login extends the others as {@code SAME_DATE} does — to {@code
 * now + L} at most, the least a login should give them.
 *
 * <p>Only the factor policy divides; it works on exact nanosecond counts and rounds down, toward
 * the earlier instant. Immutable and thread-safe.
 */
public final class TokenExtension {

  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  private final TokenExpiryPolicy policy;
  private final Duration lifetime;
  private final Duration period;
  private final Duration ceiling;

  /**
   * @param policy how the other tokens of a terminal follow the one used
   * @param lifetime {@code L}: how long a freshly issued token is valid
   * @param period {@code P}: what one access gains (see the policy)
   * @param ceiling how long after its login no token may be valid
   */
  public TokenExtension(
      TokenExpiryPolicy policy, Duration lifetime, Duration period, Duration ceiling) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.lifetime = positive(lifetime, "lifetime");
    this.period = positive(period, "period");
    this.ceiling = positive(ceiling, "ceiling");
    if (lifetime.compareTo(ceiling) > 0 || period.compareTo(ceiling) > 0) {
      throw new IllegalArgumentException("lifetime and period cannot exceed the ceiling");
    }
  }

  /** The defaults of the issue: {@code SAME_PERIOD}, lifetime and period 14 days, ceiling 90. */
  public static TokenExtension defaults() {
    return new TokenExtension(
        TokenExpiryPolicy.SAME_PERIOD,
        Duration.ofDays(14),
        Duration.ofDays(14),
        Duration.ofDays(90));
  }

  public TokenExpiryPolicy policy() {
    return policy;
  }

  public Duration lifetime() {
    return lifetime;
  }

  public Duration period() {
    return period;
  }

  public Duration ceiling() {
    return ceiling;
  }

  /**
   * New expiries after an approved access with the token {@code used}.
   *
   * @param terminalTokens every token stored for the terminal, the used one included
   * @return the new expiry of each token in {@code terminalTokens} (unchanged ones included)
   * @throws IllegalArgumentException if {@code used} is not among {@code terminalTokens} or has
   *     expired at {@code now} (the caller refuses such an access before extending anything)
   */
  public <K> Map<K, Instant> onAccess(Instant now, K used, Map<K, TokenValidity> terminalTokens) {
    Objects.requireNonNull(now, "now");
    TokenValidity usedToken = terminalTokens.get(Objects.requireNonNull(used, "used"));
    if (usedToken == null) {
      throw new IllegalArgumentException("the used token is not among the terminal's tokens");
    }
    if (usedToken.isExpiredAt(now)) {
      throw new IllegalArgumentException("an expired token cannot be extended");
    }
    Duration usedRemaining = usedToken.remainingAt(now);
    Instant usedTarget =
        switch (policy) {
          case SAME_DATE, SAME_PERIOD -> now.plus(period);
          case SAME_FACTOR -> usedToken.expires().plus(period);
        };
    Duration gain = Duration.between(usedToken.expires(), usedTarget);

    Map<K, Instant> expiries = new LinkedHashMap<>();
    terminalTokens.forEach(
        (key, token) -> {
          Instant target =
              key.equals(used)
                  ? usedTarget
                  : switch (policy) {
                    case SAME_DATE -> usedTarget;
                    case SAME_PERIOD -> token.expires().plus(gain);
                    case SAME_FACTOR ->
                        scaled(now, token.remainingAt(now), gain, usedRemaining, ceilingOf(token));
                  };
          expiries.put(key, extended(now, token, target));
        });
    return Collections.unmodifiableMap(expiries);
  }

  /**
   * New expiries after a login that issues the token {@code issued} at {@code now}.
   *
   * @param otherTokens the tokens stored for the terminal, without the new one and without the
   *     token of the same app that the login replaces
   * @return the new token's expiry ({@code now + lifetime}) under {@code issued}, and the new
   *     expiry of each of {@code otherTokens}
   * @throws IllegalArgumentException if {@code otherTokens} already holds {@code issued}
   */
  public <K> Map<K, Instant> onLogin(Instant now, K issued, Map<K, TokenValidity> otherTokens) {
    Objects.requireNonNull(now, "now");
    if (otherTokens.containsKey(Objects.requireNonNull(issued, "issued"))) {
      throw new IllegalArgumentException("the new token is already among the terminal's tokens");
    }
    Instant newExpiry = now.plus(lifetime);
    Map<K, Instant> expiries = new LinkedHashMap<>();
    expiries.put(issued, newExpiry);
    otherTokens.forEach(
        (key, token) -> {
          Instant target =
              switch (policy) {
                case SAME_DATE, SAME_FACTOR -> newExpiry;
                case SAME_PERIOD -> token.expires().plus(lifetime);
              };
          expiries.put(key, extended(now, token, target));
        });
    return Collections.unmodifiableMap(expiries);
  }

  private Instant ceilingOf(TokenValidity token) {
    return token.ceiling(ceiling);
  }

  /** max(expires, min(target, ceiling)), and expired tokens as they are. */
  private Instant extended(Instant now, TokenValidity token, Instant target) {
    if (token.isExpiredAt(now)) {
      return token.expires();
    }
    Instant capped = min(target, ceilingOf(token));
    return capped.isAfter(token.expires()) ? capped : token.expires();
  }

  /**
   * {@code now + remaining·(gain + usedRemaining)/usedRemaining}, rounded down to the nanosecond
   * and never later than {@code limit}. The product can exceed a {@code long} of nanoseconds (a
   * token used a second before it expires multiplies the others by over a million), hence the big
   * integers, and the comparison with the limit before converting back.
   */
  private static Instant scaled(
      Instant now, Duration remaining, Duration gain, Duration usedRemaining, Instant limit) {
    if (remaining.isNegative() || remaining.isZero()) {
      return now; // expired: left as it is by extended()
    }
    BigInteger denominator = nanos(usedRemaining);
    BigInteger scaled = nanos(remaining).multiply(nanos(gain).add(denominator)).divide(denominator);
    if (!limit.isAfter(now) || scaled.compareTo(nanos(Duration.between(now, limit))) >= 0) {
      return limit;
    }
    BigInteger[] secondsAndNanos = scaled.divideAndRemainder(NANOS_PER_SECOND);
    return now.plus(
        Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue()));
  }

  private static BigInteger nanos(Duration duration) {
    return BigInteger.valueOf(duration.getSeconds())
        .multiply(NANOS_PER_SECOND)
        .add(BigInteger.valueOf(duration.getNano()));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return duration;
  }

  @Override
  public String toString() {
    return "TokenExtension["
        + policy
        + ", lifetime "
        + lifetime
        + ", period "
        + period
        + ", ceiling "
        + ceiling
        + "]";
  }
}
