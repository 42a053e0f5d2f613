package org.portcullis.group;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How many entries a group admits: {@code count} successful joins per window of {@code per},
 * windows counted from the group's creation ({@code [created, created + per)}, {@code [created +
 * per, created + 2·per)}, …). Without {@code per} the group's whole life is one window. A window's
 * unused entries do not carry over.
 *
 * <p>The bean that admits a join holds the group's row lock while it asks {@link #admit}, so
 * concurrent joins see each other's counts and never exceed the allowance. Immutable.
 *
 * @param count entries per window, at least 1
 * @param per the window's length; empty for one window over the group's life
 */
public record AccessAllowance(int count, Optional<Duration> per) {

  /** How much of the allowance is used: {@code used} entries in window number {@code window}. */
  public record Usage(long window, int used) {
    public static final Usage NONE = new Usage(0, 0);
  }

  public AccessAllowance {
    Objects.requireNonNull(per, "per");
    if (count < 1) {
      throw new IllegalArgumentException("an allowance admits at least one entry");
    }
    if (per.isPresent() && (per.get().isNegative() || per.get().isZero())) {
      throw new IllegalArgumentException("a window must be longer than zero");
    }
  }

  /** The number of the window {@code now} falls in: 0 for the first (and before creation). */
  public long windowAt(Instant created, Instant now) {
    if (per.isEmpty() || !now.isAfter(created)) {
      return 0;
    }
    return Duration.between(created, now).dividedBy(per.get());
  }

  /** When the window after the one {@code now} falls in opens; empty with one window for life. */
  public Optional<Instant> nextWindowAt(Instant created, Instant now) {
    return per.map(length -> created.plus(length.multipliedBy(windowAt(created, now) + 1)));
  }

  /**
   * Admits one more entry at {@code now}, given what was used: the usage after it, or empty when
   * the window's allowance is used up. A usage of an earlier window counts as none.
   */
  public Optional<Usage> admit(Usage current, Instant created, Instant now) {
    long window = windowAt(created, now);
    int used = current.window() == window ? current.used() : 0;
    if (used >= count) {
      return Optional.empty();
    }
    return Optional.of(new Usage(window, used + 1));
  }

  /** Entries used in the window {@code now} falls in. */
  public int usedAt(Usage current, Instant created, Instant now) {
    return current.window() == windowAt(created, now) ? current.used() : 0;
  }
}
