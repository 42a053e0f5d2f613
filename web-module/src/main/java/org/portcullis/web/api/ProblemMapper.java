package org.portcullis.web.api;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.portcullis.error.DomainException;
import org.portcullis.error.Refusal;
import org.portcullis.token.TokenService;

/**
 * The one place where failures become problem+json. Domain failures keep their type and fields;
 * malformed JSON and Bean Validation failures are 400 with the offending fields; anything
 * unexpected is a 500 whose detail says nothing about the internals (the log has it).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    return responseFor(failure);
  }

  /**
   * The problem+json answer to a failure, with the headers its status calls for: {@code
   * WWW-Authenticate: Bearer} on a refused access token (RFC 6750), {@code Retry-After} on a 429.
   */
  public static Response responseFor(Throwable failure) {
    Response response = problemFor(failure).toResponse();
    if (unwrap(failure) instanceof DomainException domain) {
      if (domain.kind() == DomainException.Kind.THROTTLED) {
        domain
            .retryAfter()
            .ifPresent(
                wait ->
                    response
                        .getHeaders()
                        .add(
                            HttpHeaders.RETRY_AFTER,
                            Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
      }
      if (TokenService.LOGIN_REQUIRED.equals(domain.type())) {
        response
            .getHeaders()
            .add(
                HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"portcullis\", error=\"invalid_token\"");
      }
    }
    return response;
  }

  static Problem problemFor(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof DomainException domain) {
      Problem problem =
          Problem.of(status(domain.kind()), domain.type(), domain.getMessage(), domain.fields());
      if (domain instanceof Refusal refusal) {
        return refusal.accountHint().map(problem::withAccountHint).orElse(problem);
      }
      return problem;
    }
    if (cause instanceof ConstraintViolationException violations) {
      return invalidInput(violations);
    }
    if (cause instanceof InvalidFieldException field) {
      return Problem.of(
          Status.BAD_REQUEST,
          "invalid-input",
          field.getMessage(),
          Map.of(field.field(), field.getMessage()));
    }
    Throwable json = find(cause, JsonbException.class, JsonParsingException.class);
    if (json != null) {
      return Problem.of(
          Status.BAD_REQUEST,
          "malformed-json",
          "The request body is not the JSON this endpoint expects: " + shorten(json.getMessage()));
    }
    if (cause instanceof NotFoundException) {
      return Problem.of(Status.NOT_FOUND, "not-found", "No such resource");
    }
    if (cause instanceof NotAllowedException) {
      return Problem.of(
          Status.METHOD_NOT_ALLOWED, "method-not-allowed", "This resource does not allow it");
    }
    if (cause instanceof NotSupportedException) {
      return Problem.of(
          Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Send application/json");
    }
    if (cause instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      Status status = Status.fromStatusCode(web.getResponse().getStatus());
      return Problem.of(
          status == null ? Status.BAD_REQUEST : status,
          "bad-request",
          status == null ? "Bad request" : status.getReasonPhrase());
    }
    if (cause instanceof ValidationException) {
      return Problem.of(Status.BAD_REQUEST, "invalid-input", "The request is not valid");
    }
    LOG.log(Level.SEVERE, "Unexpected failure answering an API request", failure);
    return Problem.of(
        Status.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong on our side");
  }

  private static Problem invalidInput(ConstraintViolationException violations) {
    Map<String, String> fields = new TreeMap<>();
    for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
      fields.merge(fieldName(violation.getPropertyPath()), violation.getMessage(), (a, b) -> a);
    }
    String detail =
        fields.entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue())
            .reduce((a, b) -> a + "; " + b)
            .orElse("The request is not valid");
    return Problem.of(Status.BAD_REQUEST, "invalid-input", detail, fields);
  }

  /** {@code create.arg0.pinpad.ttl} → {@code pinpad.ttl}: drop the method and parameter nodes. */
  static String fieldName(Path path) {
    StringBuilder name = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
        if (!name.isEmpty()) {
          name.append('.');
        }
        name.append(node.getName());
      }
    }
    return name.isEmpty() ? "body" : name.toString();
  }

  private static Status status(DomainException.Kind kind) {
    return switch (kind) {
      case BAD_INPUT -> Status.BAD_REQUEST;
      case UNAUTHENTICATED -> Status.UNAUTHORIZED;
      case FORBIDDEN -> Status.FORBIDDEN;
      case NOT_FOUND -> Status.NOT_FOUND;
      case CONFLICT -> Status.CONFLICT;
      case GONE -> Status.GONE;
      case THROTTLED -> Status.TOO_MANY_REQUESTS;
      case TOO_LARGE -> Status.REQUEST_ENTITY_TOO_LARGE;
    };
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof EJBException || current instanceof DateTimeParseException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  @SafeVarargs
  private static Throwable find(Throwable failure, Class<? extends Throwable>... types) {
    for (Throwable current = failure; current != null; current = current.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(current)) {
          return current;
        }
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return null;
  }

  private static String shorten(String message) {
    if (message == null) {
      return "unreadable";
    }
    String oneLine = message.replaceAll("\\s+", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }
}
