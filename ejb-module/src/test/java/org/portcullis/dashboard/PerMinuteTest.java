package org.portcullis.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.dashboard.Dashboard.MinuteCount;
import org.portcullis.dashboard.PerMinute.Outcome;

class PerMinuteTest {

  private static final Instant NOW = Instant.parse("2024-05-01T12:34:56.789Z");

  @ParameterizedTest(name = "{0} → window {1} to {2}")
  @CsvSource({
    "2024-05-01T12:34:56.789Z, 2024-05-01T12:04:00Z, 2024-05-01T12:34:00Z",
    "2024-05-01T12:34:00Z, 2024-05-01T12:04:00Z, 2024-05-01T12:34:00Z",
    "2024-05-01T00:10:59.999999Z, 2024-04-30T23:40:00Z, 2024-05-01T00:10:00Z"
  })
  void theWindowIsTheWholeMinutesBeforeNowsMinute(Instant now, Instant start, Instant end) {
    assertEquals(start, PerMinute.windowStart(now, 30));
    assertEquals(end, PerMinute.windowEnd(now));
  }

  @Test
  void nothingHappenedIsThirtyZeroMinutesOldestFirst() {
    List<MinuteCount> counts = PerMinute.count(NOW, 30, List.of());

    assertEquals(30, counts.size());
    assertEquals(Instant.parse("2024-05-01T12:04:00Z"), counts.get(0).minute());
    assertEquals(Instant.parse("2024-05-01T12:33:00Z"), counts.get(29).minute());
    for (int i = 0; i < counts.size(); i++) {
      assertEquals(counts.get(0).minute().plusSeconds(60L * i), counts.get(i).minute());
      assertEquals(0, counts.get(i).ok());
      assertEquals(0, counts.get(i).failed());
    }
  }

  @Test
  void outcomesLandInTheirMinute() {
    List<MinuteCount> counts =
        PerMinute.count(
            NOW,
            30,
            List.of(
                new Outcome(Instant.parse("2024-05-01T12:04:00Z"), true),
                new Outcome(Instant.parse("2024-05-01T12:04:59.999999Z"), false),
                new Outcome(Instant.parse("2024-05-01T12:05:00Z"), true),
                new Outcome(Instant.parse("2024-05-01T12:20:30Z"), true),
                new Outcome(Instant.parse("2024-05-01T12:20:31Z"), true),
                new Outcome(Instant.parse("2024-05-01T12:20:32Z"), false),
                new Outcome(Instant.parse("2024-05-01T12:33:59.999999Z"), false)));

    assertEquals(new MinuteCount(Instant.parse("2024-05-01T12:04:00Z"), 1, 1), counts.get(0));
    assertEquals(new MinuteCount(Instant.parse("2024-05-01T12:05:00Z"), 1, 0), counts.get(1));
    assertEquals(new MinuteCount(Instant.parse("2024-05-01T12:20:00Z"), 2, 1), counts.get(16));
    assertEquals(new MinuteCount(Instant.parse("2024-05-01T12:33:00Z"), 0, 1), counts.get(29));
    assertEquals(7, counts.stream().mapToLong(c -> c.ok() + c.failed()).sum());
  }

  @ParameterizedTest(name = "{0} is outside")
  @CsvSource({
    "2024-05-01T12:03:59.999999Z",
    "2024-05-01T12:34:00Z",
    "2024-05-01T12:34:56Z",
    "2024-05-01T13:00:00Z",
    "2024-04-30T12:10:00Z"
  })
  void outcomesOutsideTheWindowAreIgnored(Instant at) {
    List<MinuteCount> counts = PerMinute.count(NOW, 30, List.of(new Outcome(at, true)));

    assertEquals(0, counts.stream().mapToLong(c -> c.ok() + c.failed()).sum());
  }

  @Test
  void aWindowHasAtLeastOneMinute() {
    assertEquals(1, PerMinute.count(NOW, 1, List.of()).size());
    assertThrows(IllegalArgumentException.class, () -> PerMinute.count(NOW, 0, List.of()));
  }
}
