package org.portcullis.group;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * A group's files: opaque bytes streamed to disk under the data directory as they arrive, never
 * held whole in memory, and refused as soon as they pass the size limit.
 */
public interface GroupFiles {

  record Stored(String fileId, long seq, long size) {}

  /** A file to stream back; the path stays valid while the group is open. */
  record Download(Path path, long size) {}

  /**
   * Stores a file read from {@code body}. The size limit is checked against {@code declaredLength}
   * before reading and against the bytes read while reading, so an oversize upload is refused
   * before it has been read whole.
   *
   * @param declaredLength the request's Content-Length, or -1 when it has none
   * @throws org.portcullis.error.DomainException {@value GroupProblems#FILE_TOO_LARGE} (413),
   *     {@value GroupProblems#UNKNOWN_GROUP} (404), {@value GroupProblems#GROUP_CLOSED} (410)
   * @throws java.io.UncheckedIOException when the body breaks off or the disk fails
   */
  Stored upload(String groupId, InputStream body, long declaredLength, GroupCaller caller);

  /** A member's download of one of the group's files. */
  Download download(String groupId, String fileId, GroupCaller caller);
}
