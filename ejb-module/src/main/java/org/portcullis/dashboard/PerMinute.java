package org.portcullis.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.portcullis.dashboard.Dashboard.MinuteCount;

/**
 * Verifications laid out per minute: the database counts them per minute and outcome, this class
 * places the counts in a window of whole minutes with zeros where nothing happened.
 *
 * <p>The window is whole minutes: it ends where the current minute starts, so the last bar of a
 * chart never shows a minute that is still filling up. Thread-safe: stateless.
 */
public final class PerMinute {

  /** {@code count} verifications at {@code at} (or in the minute starting there), ok or not. */
  public record Outcome(Instant at, boolean ok, long count) {
    /** One verification. */
    public Outcome(Instant at, boolean ok) {
      this(at, ok, 1);
    }
  }

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
        ok[minute] += outcome.count();
      } else {
        failed[minute] += outcome.count();
      }
    }
    List<MinuteCount> counts = new ArrayList<>(minutes);
    for (int i = 0; i < minutes; i++) {
      counts.add(new MinuteCount(start.plus(Duration.ofMinutes(i)), ok[i], failed[i]));
    }
    return List.copyOf(counts);
  }
}
