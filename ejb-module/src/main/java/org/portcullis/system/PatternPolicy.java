package org.portcullis.system;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.util.Optional;
import org.portcullis.error.DomainException;

/**
 * How a relying system's pattern verifications behave (SPEC §3.2, §3.3): the presented grid's
 * lifetime, temporary IDs, the length of pairwise IDs and what a duress answer locks. Immutable
 * value.
 */
@Embeddable
public class PatternPolicy {

  /** SPEC §3.2: a presented grid lives 5 minutes by default, at most 10. */
  public static final Duration DEFAULT_GRID_TTL = Duration.ofMinutes(5);

  public static final Duration MAX_GRID_TTL = Duration.ofMinutes(10);
  public static final Duration MIN_GRID_TTL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TEMP_ID_MAX_AGE = Duration.ofDays(1);
  public static final int DEFAULT_TEMP_ID_MAX_USES = 10;
  public static final int DEFAULT_PAIRWISE_ID_LENGTH = 8;

  /**
   * A duress answer locks the customer's credentials this long after it, i.e. after the session.
   */
  public static final Duration DEFAULT_DURESS_LOCK_AFTER = Duration.ofMinutes(15);

  @Column(name = "pattern_grid_ttl_seconds", nullable = false)
  private long gridTtlSeconds;

  @Column(name = "temp_ids_enabled", nullable = false)
  private boolean tempIdsEnabled;

  @Column(name = "temp_id_max_age_seconds", nullable = false)
  private long tempIdMaxAgeSeconds;

  @Column(name = "temp_id_max_uses", nullable = false)
  private int tempIdMaxUses;

  @Column(name = "pairwise_id_length", nullable = false)
  private int pairwiseIdLength;

  @Column(name = "duress_lock_after_seconds")
  private Long duressLockAfterSeconds;

  protected PatternPolicy() {}

  /**
   * @param duressLockAfter null: a duress answer raises the alert but never locks
   * @throws DomainException (bad input) naming the field at fault
   */
  public PatternPolicy(
      Duration gridTtl,
      boolean tempIdsEnabled,
      Duration tempIdMaxAge,
      int tempIdMaxUses,
      int pairwiseIdLength,
      Duration duressLockAfter) {
    if (gridTtl.compareTo(MIN_GRID_TTL) < 0 || gridTtl.compareTo(MAX_GRID_TTL) > 0) {
      throw invalid("pattern.gridTtl", "The grid lifetime must be between PT30S and PT10M");
    }
    if (tempIdMaxAge.compareTo(Duration.ofMinutes(1)) < 0
        || tempIdMaxAge.compareTo(Duration.ofDays(365)) > 0) {
      throw invalid(
          "pattern.tempIds.maxAge", "A temporary ID's maximum age must be between PT1M and P365D");
    }
    if (tempIdMaxUses < 1 || tempIdMaxUses > 1000) {
      throw invalid(
          "pattern.tempIds.maxUses", "A temporary ID's maximum uses must be between 1 and 1000");
    }
    if (pairwiseIdLength < 6 || pairwiseIdLength > 32) {
      throw invalid("pattern.pairwiseIdLength", "Pairwise IDs must have between 6 and 32 digits");
    }
    if (duressLockAfter != null
        && (duressLockAfter.isNegative() || duressLockAfter.compareTo(Duration.ofDays(1)) > 0)) {
      throw invalid(
          "pattern.duressLockAfter", "The duress lock delay must be between PT0S and P1D");
    }
    this.gridTtlSeconds = gridTtl.toSeconds();
    this.tempIdsEnabled = tempIdsEnabled;
    this.tempIdMaxAgeSeconds = tempIdMaxAge.toSeconds();
    this.tempIdMaxUses = tempIdMaxUses;
    this.pairwiseIdLength = pairwiseIdLength;
    this.duressLockAfterSeconds = duressLockAfter == null ? null : duressLockAfter.toSeconds();
  }

  public static PatternPolicy defaults() {
    return new PatternPolicy(
        DEFAULT_GRID_TTL,
        false,
        DEFAULT_TEMP_ID_MAX_AGE,
        DEFAULT_TEMP_ID_MAX_USES,
        DEFAULT_PAIRWISE_ID_LENGTH,
        DEFAULT_DURESS_LOCK_AFTER);
  }

  /**
   * A partial change of a policy: every null member keeps the current value; {@code
   * neverLockOnDuress} switches the duress lock off (it wins over {@code duressLockAfter}).
   */
  public record Change(
      Duration gridTtl,
      Boolean tempIdsEnabled,
      Duration tempIdMaxAge,
      Integer tempIdMaxUses,
      Integer pairwiseIdLength,
      Duration duressLockAfter,
      boolean neverLockOnDuress) {}

  /**
   * This policy with {@code change} applied, checked like a new one.
   *
   * @throws DomainException (bad input) naming the field at fault
   */
  public PatternPolicy with(Change change) {
    if (change == null) {
      return this;
    }
    Duration lockAfter =
        change.neverLockOnDuress()
            ? null
            : change.duressLockAfter() != null
                ? change.duressLockAfter()
                : duressLockAfter().orElse(null);
    return new PatternPolicy(
        change.gridTtl() == null ? gridTtl() : change.gridTtl(),
        change.tempIdsEnabled() == null ? tempIdsEnabled : change.tempIdsEnabled(),
        change.tempIdMaxAge() == null ? tempIdMaxAge() : change.tempIdMaxAge(),
        change.tempIdMaxUses() == null ? tempIdMaxUses : change.tempIdMaxUses(),
        change.pairwiseIdLength() == null ? pairwiseIdLength : change.pairwiseIdLength(),
        lockAfter);
  }

  private static DomainException invalid(String field, String detail) {
    return DomainException.badInput("invalid-pattern-policy", field, detail);
  }

  public Duration gridTtl() {
    return Duration.ofSeconds(gridTtlSeconds);
  }

  public boolean tempIdsEnabled() {
    return tempIdsEnabled;
  }

  public Duration tempIdMaxAge() {
    return Duration.ofSeconds(tempIdMaxAgeSeconds);
  }

  public int tempIdMaxUses() {
    return tempIdMaxUses;
  }

  public int pairwiseIdLength() {
    return pairwiseIdLength;
  }

  public Optional<Duration> duressLockAfter() {
    return Optional.ofNullable(duressLockAfterSeconds).map(Duration::ofSeconds);
  }
}
