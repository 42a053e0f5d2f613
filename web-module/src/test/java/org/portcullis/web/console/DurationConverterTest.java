package org.portcullis.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationConverterTest {

  @ParameterizedTest
  @CsvSource({
    "90 s, PT1M30S",
    "5 min, PT5M",
    "20 min, PT20M",
    "20min, PT20M",
    "1 h 30 min, PT1H30M",
    "2 hours, PT2H",
    "1 d, P1D",
    "30 days, P30D",
    "45 seconds, PT45S",
    "10 m, PT10M",
    "0 s, PT0S",
    "PT5M, PT5M",
    "pt2m, PT2M",
    "' 5 MIN ', PT5M"
  })
  void readsWordsAndIso(String text, Duration expected) {
    assertEquals(expected, DurationConverter.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"PT0S", "PT45S", "PT2M", "PT1H30M", "PT1H0M5S", "P1D", "PT25H"})
  void readsWhatTheConsoleWrites(Duration duration) {
    assertEquals(duration, DurationConverter.parse(Formats.words(duration)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"five minutes", "5", "min", "5 mins later", "5 minx", "P", "PTX", "-5 s"})
  void refusesTheRest(String text) {
    assertThrows(IllegalArgumentException.class, () -> DurationConverter.parse(text));
  }
}
