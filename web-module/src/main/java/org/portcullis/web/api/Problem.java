package org.portcullis.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is {@code urn:portcullis:problem:<slug>}, stable across
 * releases; {@code fields} names the offending inputs of a bad request; {@code accountHint} (an
 * extension member) names the account of a known, expired access token (SPEC §3.7).
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    Map<String, String> fields,
    String accountHint) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  public static Problem of(Response.Status status, String slug, String detail) {
    return of(status, slug, detail, null);
  }

  public static Problem of(
      Response.Status status, String slug, String detail, Map<String, String> fields) {
    return new Problem(
        "urn:portcullis:problem:" + slug,
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        fields == null || fields.isEmpty() ? null : Map.copyOf(fields),
        null);
  }

  /** This problem with the {@code accountHint} member. */
  public Problem withAccountHint(String account) {
    return new Problem(type, title, status, detail, fields, account);
  }

  public Response toResponse() {
    return Response.status(status).type(PROBLEM_JSON).entity(this).build();
  }
}
