package org.portcullis.handset.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code group …} commands of the reference client's command line (see {@link
 * GroupCliParser#USAGE}): they act as the handset saved in the state directory, encrypt what they
 * send and decrypt what they print with the group's key ({@link GroupCipher}), and keep each
 * group's key (never its code) in the state directory ({@link GroupState}). The code is printed
 * once, when the group is opened; nothing else ever prints a code, a key or a token.
 */
final class GroupCli {

  /** How often {@code group live} pings the server. */
  static final Duration PING_EVERY = Duration.ofMinutes(1);

  /** The longest file the command line encrypts (in memory) and uploads. */
  static final long MAX_FILE = 64L * 1024 * 1024;

  private final PrintStream out;

  GroupCli(PrintStream out) {
    this.out = out;
  }

  int run(GroupCommand command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState handset = handset(command.state());
    GroupClient client =
        GroupClient.of(command.server().orElse(handset.server()), handset.handset());
    if (command instanceof GroupCommand.Create create) {
      return create(client, create);
    }
    if (command instanceof GroupCommand.Join join) {
      return join(client, join);
    }
    if (command instanceof GroupCommand.Send send) {
      return send(client, send);
    }
    if (command instanceof GroupCommand.Read read) {
      return read(client, read);
    }
    if (command instanceof GroupCommand.Upload upload) {
      return upload(client, upload);
    }
    if (command instanceof GroupCommand.Download download) {
      return download(client, download);
    }
    if (command instanceof GroupCommand.Live live) {
      return live(client, live);
    }
    GroupCommand.Close close = (GroupCommand.Close) command;
    client.close(close.groupId());
    GroupState.delete(close.state(), close.groupId());
    out.println("Closed group " + close.groupId() + ": its messages and files are deleted.");
    return HandsetCli.EXIT_OK;
  }

  private int create(GroupClient client, GroupCommand.Create create)
      throws IOException, InterruptedException, ProblemException {
    GroupClient.Options options =
        new GroupClient.Options(
            create.name().orElse(null),
            create.validity().orElse(null),
            create.accesses().orElse(null),
            create.per().orElse(null),
            create.rebroadcast(),
            create.notice().orElse(null),
            create.invitees(),
            create.code().orElse(null));
    GroupClient.Opened opened = client.open(options);
    String code = opened.code() != null ? opened.code() : create.code().orElseThrow();
    new GroupState(
            opened.groupId(),
            opened.memberId(),
            create.name().orElse(""),
            GroupCipher.derive(opened.groupId(), code, opened.kdfSalt()))
        .save(create.state());
    out.println(
        "Opened group "
            + opened.groupId()
            + " (you are member "
            + opened.memberId()
            + "); it closes at "
            + opened.expiresAt()
            + ".");
    if (opened.code() != null) {
      out.println("Code: " + opened.code() + "  (shown this once: give it to the members)");
    }
    out.println("Join link: " + opened.joinUrl());
    out.println(
        "Forwarding its messages to other groups is "
            + (opened.rebroadcast() ? "allowed." : "not allowed."));
    if (!create.invitees().isEmpty()) {
      out.println("Invitations are on their way to " + String.join(", ", create.invitees()) + ".");
    }
    return HandsetCli.EXIT_OK;
  }

  private int join(GroupClient client, GroupCommand.Join join)
      throws IOException, InterruptedException, ProblemException {
    GroupClient.Info info = client.join(join.groupId(), join.code());
    new GroupState(
            info.groupId(),
            info.memberId(),
            info.name(),
            GroupCipher.derive(info.groupId(), join.code(), info.kdfSalt()))
        .save(join.state());
    out.println(
        "Joined group "
            + info.groupId()
            + (info.name() == null ? "" : " \"" + info.name() + "\"")
            + " as member "
            + info.memberId()
            + " ("
            + info.members().size()
            + " members); it closes at "
            + info.expiresAt()
            + ". Forwarding its messages is "
            + (info.rebroadcast() ? "allowed." : "not allowed."));
    return HandsetCli.EXIT_OK;
  }

  private int send(GroupClient client, GroupCommand.Send send)
      throws UsageException, IOException, InterruptedException, ProblemException {
    GroupState group = group(send.state(), send.groupId());
    GroupClient.Posted posted;
    if (send.text().isPresent()) {
      posted = client.send(send.groupId(), group.cipher().sealText(send.text().get()));
    } else {
      String[] from = send.forwardOf().orElseThrow().split("/", 2);
      GroupState source = group(send.state(), from[0]);
      GroupClient.Entry original = find(client, from[0], from[1]);
      String text = source.cipher().openText(original.ciphertext());
      posted = client.send(send.groupId(), group.cipher().sealText(text), from[0], from[1]);
    }
    out.println("Sent message " + posted.messageId() + " (seq " + posted.seq() + ").");
    return HandsetCli.EXIT_OK;
  }

  private int read(GroupClient client, GroupCommand.Read read)
      throws UsageException, IOException, InterruptedException, ProblemException {
    GroupState group = group(read.state(), read.groupId());
    long after = read.after();
    while (true) {
      List<GroupClient.Entry> entries = client.read(read.groupId(), after);
      for (GroupClient.Entry entry : entries) {
        out.println(line(group, entry));
        after = entry.seq();
      }
      if (entries.size() < 500) {
        return HandsetCli.EXIT_OK;
      }
    }
  }

  private int upload(GroupClient client, GroupCommand.Upload upload)
      throws UsageException, IOException, InterruptedException, ProblemException {
    GroupState group = group(upload.state(), upload.groupId());
    if (!Files.isRegularFile(upload.file())) {
      throw new UsageException("--file: " + upload.file() + " is not a file");
    }
    if (Files.size(upload.file()) > MAX_FILE) {
      throw new UsageException("--file: this client encrypts files of at most 64 MiB");
    }
    byte[] sealed = group.cipher().seal(Files.readAllBytes(upload.file()), GroupCipher.Kind.FILE);
    GroupClient.StoredFile stored = client.upload(upload.groupId(), sealed);
    out.println(
        "Uploaded "
            + upload.file().getFileName()
            + " as file "
            + stored.fileId()
            + " (seq "
            + stored.seq()
            + ", "
            + stored.size()
            + " bytes encrypted).");
    return HandsetCli.EXIT_OK;
  }

  private int download(GroupClient client, GroupCommand.Download download)
      throws UsageException, IOException, InterruptedException, ProblemException {
    GroupState group = group(download.state(), download.groupId());
    byte[] sealed = client.download(download.groupId(), download.fileId());
    byte[] plain;
    try {
      plain = group.cipher().open(sealed, GroupCipher.Kind.FILE);
    } catch (IllegalArgumentException e) {
      throw new IOException("the file does not open with the group's key");
    }
    Files.write(download.out(), plain);
    out.println(
        "Saved file "
            + download.fileId()
            + " to "
            + download.out()
            + " ("
            + plain.length
            + " bytes).");
    return HandsetCli.EXIT_OK;
  }

  private int live(GroupClient client, GroupCommand.Live live)
      throws UsageException, IOException, InterruptedException, ProblemException {
    GroupState group = group(live.state(), live.groupId());
    Instant until = live.seconds().map(s -> Instant.now().plus(s)).orElse(Instant.MAX);
    try (GroupLiveConnection socket = client.live(live.groupId())) {
      boolean signalled = live.signal().isEmpty();
      Instant nextPing = Instant.now().plus(PING_EVERY);
      while (Instant.now().isBefore(until) && !socket.closed().isDone()) {
        if (Instant.now().isAfter(nextPing)) {
          // the server closes a socket that stays silent for five minutes
          socket.ping();
          nextPing = Instant.now().plus(PING_EVERY);
        }
        Optional<JsonObject> frame = socket.next(Duration.ofMillis(250));
        if (frame.isEmpty() || "pong".equals(frame.get().getString("type", ""))) {
          continue;
        }
        out.println(shown(group, frame.get()));
        out.flush();
        if (!signalled && "welcome".equals(frame.get().getString("type", ""))) {
          socket.signal(live.signal().get(), live.to().orElseThrow(), data(live.data()));
          signalled = true;
        }
      }
      socket.drain().forEach(frame -> out.println(shown(group, frame)));
      if (socket.closed().isDone()) {
        GroupLiveConnection.Closed closed = socket.closed().getNow(null);
        out.println("{\"type\":\"closed\",\"code\":" + closed.code() + "}");
        return closed.code() == 1000 ? HandsetCli.EXIT_OK : HandsetCli.EXIT_FAILED;
      }
      return HandsetCli.EXIT_OK;
    }
  }

  /** A live frame as printed: an entry's message decrypted into {@code text}. */
  private static String shown(GroupState group, JsonObject frame) {
    if (!"entry".equals(frame.getString("type", "")) || !frame.containsKey("ciphertext")) {
      return frame.toString();
    }
    JsonObjectBuilder shown = Json.createObjectBuilder(frame);
    try {
      shown.add("text", group.cipher().openText(frame.getString("ciphertext")));
    } catch (IllegalArgumentException e) {
      shown.add("text", JsonValue.NULL);
    }
    return shown.build().toString();
  }

  private static String line(GroupState group, GroupClient.Entry entry) {
    String what =
        switch (entry.kind()) {
          case "MESSAGE" -> {
            String text;
            try {
              text = group.cipher().openText(entry.ciphertext());
            } catch (IllegalArgumentException e) {
              text = "(does not open with this group's key)";
            }
            yield "message "
                + entry.id()
                + (entry.forwardGroupId() == null
                    ? ""
                    : " (forwarded from "
                        + entry.forwardGroupId()
                        + "/"
                        + entry.forwardMessageId()
                        + ")")
                + ": "
                + text;
          }
          case "FILE" -> "file " + entry.id() + " (" + entry.size() + " bytes encrypted)";
          case "JOINED" -> "joined";
          case "LEFT" -> "left";
          case "NOTICE" -> "the group closes at " + entry.until();
          case "EXTENDED" -> "the group was extended until " + entry.until();
          default -> entry.kind();
        };
    String who = entry.memberId() == null ? "server" : entry.memberId();
    if (who.equals(group.memberId())) {
      who += " (you)";
    }
    return entry.seq() + "  " + entry.at() + "  " + who + "  " + what;
  }

  private static GroupClient.Entry find(GroupClient client, String groupId, String messageId)
      throws IOException, InterruptedException, ProblemException, UsageException {
    long after = 0;
    while (true) {
      List<GroupClient.Entry> entries = client.read(groupId, after);
      for (GroupClient.Entry entry : entries) {
        if (entry.id().equals(messageId) && entry.ciphertext() != null) {
          return entry;
        }
        after = entry.seq();
      }
      if (entries.size() < 500) {
        throw new UsageException("no message " + messageId + " in group " + groupId);
      }
    }
  }

  private static JsonValue data(Optional<String> data) throws UsageException {
    if (data.isEmpty()) {
      return JsonValue.NULL;
    }
    try (var reader = Json.createReader(new StringReader(data.get()))) {
      return reader.readValue();
    } catch (jakarta.json.JsonException | IllegalStateException e) {
      throw new UsageException("--data is one JSON value, such as '{\"sdp\":\"…\"}'");
    }
  }

  private static HandsetState handset(Path state) throws UsageException, IOException {
    if (!HandsetState.exists(state)) {
      throw new UsageException(
          "no handset in "
              + state.toAbsolutePath().normalize()
              + ": enroll first, or name its directory with --state");
    }
    return HandsetState.load(state);
  }

  private static GroupState group(Path state, String groupId) throws UsageException, IOException {
    if (!GroupState.exists(state, groupId)) {
      throw new UsageException(
          "this handset has no key of group " + groupId + ": create or join it first");
    }
    return GroupState.load(state, groupId);
  }
}
