package org.portcullis.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0 s",
    "PT45S, 45 s",
    "PT2M, 2 min",
    "PT1H30M, 1 h 30 min",
    "PT1H0M5S, 1 h 5 s",
    "P1D, 1 d",
    "P30D, 30 d",
    "PT25H, 25 h"
  })
  void durationsReadAsWords(Duration duration, String words) {
    assertEquals(words, Formats.words(duration));
  }
}
