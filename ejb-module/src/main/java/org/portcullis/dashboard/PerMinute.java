package org.portcullis.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.portcullis.dashboard.Dashboard.MinuteCount;

/**
 * Verifications counted per minute, in Java rather than SQL: truncating a timestamp to its minute
 * needs {@code date_trunc} on PostgreSQL and other functions elsewhere, and the JPA provider Payara
 * bundles has no portable {@code EXTRACT}. The window is small (the rows of the last 30 minutes,
 * read as two columns), so counting here costs little.
 *
 * <p>The window is whole minutes: it ends where the current minute starts, so the last bar of a
 * chart never shows a minute that is still filling up. Thread-safe: stateless.
 */
public final class PerMinute {

  /** One verification: when, and whether it succeeded. */
  public record Outcome(Instant at, boolean ok) {}

  private PerMinute() {}

  /** Where the window ends (exclusive): the start of {@code now}'s minute. */
  public static Instant windowEnd(Instant now) {
    return now.truncatedTo(ChronoUnit.MINUTES);
  }

  /** Where a window of {@code minutes} whole minutes before {@code now}'s minute starts. */
  public static Instant windowStart(Instant now, int minutes) {
    return windowEnd(now).minus(Duration.ofMinutes(minutes));
  }

  /**
   * The count of each of the {@code minutes} whole minutes before {@code now}'s minute, oldest
   * first, zero where nothing happened. Outcomes outside the window are ignored.
   */
  public static List<MinuteCount> count(Instant now, int minutes, Collection<Outcome> outcomes) {
    if (minutes < 1) {
      throw new IllegalArgumentException("minutes must be 1 or more");
    }
    Instant start = windowStart(now, minutes);
    Instant end = windowEnd(now);
    long[] ok = new long[minutes];
    long[] failed = new long[minutes];
    for (Outcome outcome : outcomes) {
      if (outcome.at().isBefore(start) || !outcome.at().isBefore(end)) {
        continue;
      }
      int minute = (int) Duration.between(start, outcome.at()).toMinutes();
      if (outcome.ok()) {
        ok[minute]++;
      } else {
        failed[minute]++;
      }
    }
    List<MinuteCount> counts = new ArrayList<>(minutes);
    for (int i = 0; i < minutes; i++) {
      counts.add(new MinuteCount(start.plus(Duration.ofMinutes(i)), ok[i], failed[i]));
    }
    return List.copyOf(counts);
  }
}
