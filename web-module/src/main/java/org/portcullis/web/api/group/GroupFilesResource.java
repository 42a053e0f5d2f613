package org.portcullis.web.api.group;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portcullis.error.DomainException;
import org.portcullis.group.GroupFiles;
import org.portcullis.web.api.InvalidFieldException;
import org.portcullis.web.api.NoStore;
import org.portcullis.web.api.ProblemMapper;
import org.portcullis.web.security.CustomerCaller;

/**
 * A group's files: opaque bytes streamed to and from the server's disk, refused as soon as they
 * pass the size limit.
 */
@Path("groups/{groupId}/files")
@Tag(name = "Private groups")
@Produces(MediaType.APPLICATION_JSON)
@CustomerCaller
@SecurityRequirement(name = "accessToken")
public class GroupFilesResource {

  @EJB GroupFiles files;

  @POST
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(
      summary = "Upload a file to the group: opaque bytes, streamed",
      description =
          "The body is stored as it arrives; a body over the deployment's limit"
              + " (portcullis.groups.max-file-bytes, 10 MiB by default) is refused with 413 as"
              + " soon as its declared length or the bytes read pass it.")
  @APIResponse(responseCode = "201", description = "{fileId, seq, size}")
  @APIResponse(responseCode = "413", description = "file-too-large")
  public Response upload(
      @PathParam("groupId") String groupId,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body,
      @Context SecurityContext caller) {
    long declared = -1;
    if (contentLength != null && !contentLength.isBlank()) {
      try {
        declared = Long.parseLong(contentLength.strip());
      } catch (NumberFormatException e) {
        throw new InvalidFieldException("Content-Length", "Content-Length is not a number");
      }
    }
    try {
      GroupFiles.Stored stored = files.upload(groupId, body, declared, GroupCallers.of(caller));
      return Response.status(Response.Status.CREATED).entity(stored).build();
    } catch (DomainException refused) {
      if (refused.kind() == DomainException.Kind.TOO_LARGE) {
        // the rest of the body is not read: the connection goes, instead of draining it
        return Response.fromResponse(ProblemMapper.responseFor(refused))
            .header("Connection", "close")
            .build();
      }
      throw refused;
    } catch (UncheckedIOException broken) {
      throw new InvalidFieldException("body", "The upload broke off before it was complete");
    }
  }

  @GET
  @Path("{fileId}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(summary = "Download one of the group's files, as it was uploaded")
  @APIResponse(responseCode = "200", description = "The bytes")
  @APIResponse(responseCode = "404", description = "unknown-entry")
  public Response download(
      @PathParam("groupId") String groupId,
      @PathParam("fileId") String fileId,
      @Context SecurityContext caller) {
    GroupFiles.Download file = files.download(groupId, fileId, GroupCallers.of(caller));
    StreamingOutput bytes = out -> Files.copy(file.path(), out);
    return Response.ok(bytes, MediaType.APPLICATION_OCTET_STREAM_TYPE)
        .header(HttpHeaders.CONTENT_LENGTH, file.size())
        .header("Content-Disposition", "attachment; filename=\"" + fileId + "\"")
        .cacheControl(NoStore.cacheControl())
        .build();
  }
}
