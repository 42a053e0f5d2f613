package org.portcullis.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the console writes times and durations: instants in the server's time zone to the second (the
 * zone is in the page footer), durations in words. Thread-safe.
 */
@Named("fmt")
@ApplicationScoped
public class Formats {

  private final ZoneId zone = ZoneId.systemDefault();
  private final DateTimeFormatter time =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);

  public String time(Instant instant) {
    return instant == null ? "" : time.format(instant);
  }

  /** The server's time now, for pages that ask the reader to quote it. */
  public String getNow() {
    return time(Instant.now());
  }

  public String getZone() {
    return zone.getId();
  }

  /** e.g. "2 min", "1 h 30 min", "45 s". */
  public String duration(Duration duration) {
    if (duration == null) {
      return "";
    }
    return words(duration);
  }

  static String words(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds % 86_400 == 0 && seconds >= 86_400) {
      return seconds / 86_400 + " d";
    }
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append(" h");
    }
    if (minutes > 0) {
      text.append(text.length() > 0 ? " " : "").append(minutes).append(" min");
    }
    if (rest > 0 || text.length() == 0) {
      text.append(text.length() > 0 ? " " : "").append(rest).append(" s");
    }
    return text.toString();
  }
}
