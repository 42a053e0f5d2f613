package org.portcullis.handset.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@code group …} command line of {@link HandsetCli}, parsed and checked by {@link
 * GroupCliParser}. Every one acts as the handset saved in {@code state}, with its token and its
 * handset id as the terminal.
 */
sealed interface GroupCommand {

  /** The handset's state directory; groups are kept below it. */
  Path state();

  /** Another address of the server than the one the handset enrolled with. */
  Optional<java.net.URI> server();

  record Create(
      Path state,
      Optional<java.net.URI> server,
      Optional<String> name,
      Optional<Duration> validity,
      Optional<Integer> accesses,
      Optional<Duration> per,
      boolean rebroadcast,
      Optional<Duration> notice,
      List<String> invitees,
      Optional<String> code)
      implements GroupCommand {
    @Override
    public String toString() {
      return "Create[name=" + name + ", own code=" + code.isPresent() + "]";
    }
  }

  /** Join by the link, or by the group's id and code. */
  record Join(Path state, Optional<java.net.URI> server, String groupId, String code)
      implements GroupCommand {
    @Override
    public String toString() {
      return "Join[" + groupId + "]";
    }
  }

  /** A text message, or a forward of {@code forwardOf} ({@code <groupId>/<messageId>}). */
  record Send(
      Path state,
      Optional<java.net.URI> server,
      String groupId,
      Optional<String> text,
      Optional<String> forwardOf)
      implements GroupCommand {}

  record Read(Path state, Optional<java.net.URI> server, String groupId, long after)
      implements GroupCommand {}

  record Upload(Path state, Optional<java.net.URI> server, String groupId, Path file)
      implements GroupCommand {}

  record Download(
      Path state, Optional<java.net.URI> server, String groupId, String fileId, Path out)
      implements GroupCommand {}

  /**
   * Prints what arrives; sends one signalling frame once connected, if asked to.
   *
   * @param seconds how long to stay (empty: until the server closes the socket)
   */
  record Live(
      Path state,
      Optional<java.net.URI> server,
      String groupId,
      Optional<String> signal,
      Optional<String> to,
      Optional<String> data,
      Optional<Duration> seconds)
      implements GroupCommand {}

  record Close(Path state, Optional<java.net.URI> server, String groupId) implements GroupCommand {}
}
