package org.portcullis.web.api.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.portcullis.web.api.InvalidFieldException;

/**
 * Query parameters that the admin lists read as text and convert here, so that a value that does
 * not convert is a 400 naming the parameter (JAX-RS would answer 404 to a typed parameter that does
 * not convert).
 */
final class QueryParams {

  private QueryParams() {}

  /** A non-negative whole number; {@code fallback} when absent. */
  static int number(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidFieldException(name, name + " must be a whole number, 0 or more");
  }

  /** An ISO-8601 instant such as {@code 2024-05-01T00:00:00Z}; null when absent. */
  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(
          name, name + " must be an ISO-8601 instant such as 2024-05-01T00:00:00Z");
    }
  }

  /** A constant of {@code type} by name, any case; null when absent. */
  static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          name,
          name
              + " must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }
}
