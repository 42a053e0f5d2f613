package org.portcullis.web.api;

import jakarta.ws.rs.core.Response;

/**
 * {@code X-Total-Count}: how many rows a paged list has in all, beside the page in the body, so
 * that a console's table can show its page count without a second request.
 */
public final class TotalCount {

  public static final String HEADER = "X-Total-Count";

  private TotalCount() {}

  /** 200 with {@code page} as the body and {@code total} in the header. */
  public static Response ok(Object page, long total) {
    return Response.ok(page).header(HEADER, Long.toString(total)).build();
  }
}
