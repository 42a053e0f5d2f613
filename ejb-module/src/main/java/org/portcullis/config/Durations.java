package org.portcullis.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reading duration settings once at start-up, with errors that name the setting. */
public final class Durations {

  private Durations() {}

  /**
   * Parses an ISO-8601 duration ({@code PT5S}, {@code P14D}) that must be positive.
   *
   * @throws IllegalStateException naming the setting, which stops the deployment
   */
  public static Duration positive(String name, String value) {
    try {
      Duration duration = Duration.parse(value.strip());
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalStateException(name + " must be positive");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          name + " must be an ISO-8601 duration such as PT5S or P14D", e);
    }
  }
}
