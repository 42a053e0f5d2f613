package org.portcullis.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An endpoint that does nothing. It answers as fast as the container can answer anything, which
 * makes it the baseline the benchmarks print beside their figures, and a cheap check that the API
 * is being served.
 */
@Path("ping")
@Tag(name = "Health")
public class PingResource {

  @GET
  @Operation(summary = "Nothing: 204, as fast as the server answers anything")
  @APIResponse(responseCode = "204", description = "The API is served")
  public void ping() {
    // deliberately empty
  }
}
