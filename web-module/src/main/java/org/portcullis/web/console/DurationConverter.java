package org.portcullis.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as staff type and read them: "90 s", "5 min", "1 h 30 min", "1 d" (what {@link
 * Formats#duration} writes), or ISO-8601 such as {@code PT5M}. Whether a duration is allowed is the
 * service's rule, not this converter's. Thread-safe.
 */
@FacesConverter("portcullis.duration")
public class DurationConverter implements Converter<Duration> {

  static final String HELP = "Enter a duration such as 90 s, 5 min, 1 h 30 min or 1 d.";

  private static final Pattern PART =
      Pattern.compile(
          "\\s*(\\d{1,9})\\s*(days?|d|hours?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])\\s*",
          Pattern.CASE_INSENSITIVE);

  @Override
  public Duration getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return parse(value);
    } catch (IllegalArgumentException e) {
      throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, HELP, HELP));
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Duration value) {
    return value == null ? "" : Formats.words(value);
  }

  /**
   * @throws IllegalArgumentException for text that is no duration
   */
  static Duration parse(String text) {
    String trimmed = text.strip();
    if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(e);
      }
    }
    Matcher part = PART.matcher(trimmed);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      long amount = Long.parseLong(part.group(1));
      total = total.plus(unit(part.group(2).toLowerCase(Locale.ROOT)).multipliedBy(amount));
      end = part.end();
    }
    if (end == 0 || end != trimmed.length()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    return total;
  }

  private static Duration unit(String unit) {
    switch (unit.charAt(0)) {
      case 'd':
        return Duration.ofDays(1);
      case 'h':
        return Duration.ofHours(1);
      case 'm':
        return Duration.ofMinutes(1);
      default:
        return Duration.ofSeconds(1);
    }
  }
}
