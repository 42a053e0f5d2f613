package org.portcullis.error;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A failure the caller can act on: bad input, something missing, a conflict. It carries a stable
 * {@link #type()} slug (the last part of the problem type URI), a human detail that never contains
 * a secret, and for bad input the offending fields.
 *
 * <p>It is an EJB application exception that rolls the transaction back, so a refused request never
 * leaves half-written data.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of failure, which the API maps to an HTTP status. */
  public enum Kind {
    BAD_INPUT,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    GONE,
    THROTTLED,
    TOO_LARGE
  }

  private final Kind kind;
  private final String type;
  private final Map<String, String> fields;
  private final Duration retryAfter;

  public DomainException(Kind kind, String type, String detail, Map<String, String> fields) {
    this(kind, type, detail, fields, null);
  }

  private DomainException(
      Kind kind, String type, String detail, Map<String, String> fields, Duration retryAfter) {
    super(detail, null, false, false);
    this.kind = kind;
    this.type = type;
    this.fields = Map.copyOf(fields);
    this.retryAfter = retryAfter;
  }

  public static DomainException badInput(String type, String field, String detail) {
    return new DomainException(Kind.BAD_INPUT, type, detail, Map.of(field, detail));
  }

  public static DomainException notFound(String type, String detail) {
    return new DomainException(Kind.NOT_FOUND, type, detail, Map.of());
  }

  public static DomainException conflict(String type, String detail) {
    return new DomainException(Kind.CONFLICT, type, detail, Map.of());
  }

  public static DomainException forbidden(String type, String detail) {
    return new DomainException(Kind.FORBIDDEN, type, detail, Map.of());
  }

  public static DomainException gone(String type, String detail) {
    return new DomainException(Kind.GONE, type, detail, Map.of());
  }

  /** The request's body is larger than allowed (HTTP 413). */
  public static DomainException tooLarge(String type, String detail) {
    return new DomainException(Kind.TOO_LARGE, type, detail, Map.of());
  }

  /** Too many requests; the caller may try again after {@code retryAfter} (HTTP 429). */
  public static DomainException throttled(String type, String detail, Duration retryAfter) {
    if (retryAfter == null || retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must be zero or positive");
    }
    return new DomainException(Kind.THROTTLED, type, detail, Map.of(), retryAfter);
  }

  public Kind kind() {
    return kind;
  }

  public String type() {
    return type;
  }

  public Map<String, String> fields() {
    return fields;
  }

  /** For {@link Kind#THROTTLED}: when the caller may try again. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
