package org.portcullis.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.throttle.TokenBucket.Rate;

class ThrottleSettingsTest {

  private static final String NAME = "portcullis.throttle.system";

  @ParameterizedTest
  @CsvSource({
    "100, 200, 100.0, 200",
    "0.5, 1, 0.5, 1",
    "' 20 ', ' 40 ', 20.0, 40",
    "1e3, 5, 1000.0, 5"
  })
  void readsARateAndItsBurst(String rate, String burst, double perSecond, int expectedBurst) {
    assertEquals(new Rate(perSecond, expectedBurst), ThrottleSettings.rate(NAME, rate, burst));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "0.0", "abc", "NaN", "Infinity", "10d", "", "1e400"})
  void aBadRateNamesItsSetting(String rate) {
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> ThrottleSettings.rate(NAME, rate, "10"));
    assertTrue(failure.getMessage().startsWith(NAME + ".rate "), failure.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "1.5", "many", "", "99999999999"})
  void aBadBurstNamesItsSetting(String burst) {
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> ThrottleSettings.rate(NAME, "10", burst));
    assertTrue(failure.getMessage().startsWith(NAME + ".burst "), failure.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"true, true", "TRUE, true", "' false ', false", "False, false"})
  void readsTheSwitch(String value, boolean enabled) {
    assertEquals(enabled, ThrottleSettings.flag("portcullis.throttle.enabled", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "1", "0", "off", "ture", ""})
  void aSwitchThatIsNeitherTrueNorFalseStopsTheDeployment(String value) {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> ThrottleSettings.flag("portcullis.throttle.enabled", value));
    assertTrue(failure.getMessage().startsWith("portcullis.throttle.enabled "));
  }

  @Test
  void aBadBoundNamesItsSetting() {
    assertEquals(5, ThrottleSettings.positiveInt("portcullis.throttle.max-buckets", "5"));
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> ThrottleSettings.positiveInt("portcullis.throttle.max-buckets", "0"));
    assertTrue(failure.getMessage().startsWith("portcullis.throttle.max-buckets "));
  }
}
