package org.portcullis.handset.client;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code group} commands of {@link HandsetCli}: {@code group <action> [options]}, options
 * as {@code --name value} or {@code --name=value}, in any order. Every value is checked here.
 * Stateless.
 */
final class GroupCliParser {

  static final String USAGE =
      """
      Private groups (java -jar portcullis-handset.jar group <action> [options]), as the handset
      saved in --state (default ./handset-state); --server URL names another address of its
      server. Messages and files are encrypted here with a key derived from the group's code;
      the key (never the code) is kept in the state directory.

        group create   [--name TEXT] [--validity PT2H] [--accesses N [--per P1D]]
                       [--rebroadcast] [--notice PT15M] [--invite a@x.org,b@y.org] [--code CODE]
                       open a group (at least one of --validity and --accesses); prints its
                       code (once) and its join link
        group join     --link URL | --group ID --code CODE
        group send     --group ID (--text TEXT | --forward GROUP/MESSAGE)
        group read     --group ID [--after SEQ]        print the entries, messages decrypted
        group upload   --group ID --file PATH          encrypt and upload a file
        group download --group ID --file-id ID --out PATH
        group live     --group ID [--seconds N] [--signal offer|answer|candidate|hangup
                       --to MEMBER [--data JSON]]
                       print what arrives (one JSON object a line); send one signalling frame
        group close    --group ID                      the creator closes the group now
      """;

  private static final Set<String> FLAGS = Set.of("--rebroadcast");
  private static final Map<String, Set<String>> OPTIONS =
      Map.of(
          "create",
          Set.of(
              "--name",
              "--validity",
              "--accesses",
              "--per",
              "--rebroadcast",
              "--notice",
              "--invite",
              "--code"),
          "join",
          Set.of("--link", "--group", "--code"),
          "send",
          Set.of("--group", "--text", "--forward"),
          "read",
          Set.of("--group", "--after"),
          "upload",
          Set.of("--group", "--file"),
          "download",
          Set.of("--group", "--file-id", "--out"),
          "live",
          Set.of("--group", "--seconds", "--signal", "--to", "--data"),
          "close",
          Set.of("--group"));
  private static final Set<String> COMMON = Set.of("--state", "--server");

  private static final Pattern GROUP_ID = Pattern.compile("g-[a-z2-9]{20}");
  private static final Pattern MEMBER_ID = Pattern.compile("m-[a-z2-9]{10}");
  private static final Pattern ENTRY_ID = Pattern.compile("e-[a-z2-9]{16}");
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
  private static final Set<String> SIGNALS = Set.of("offer", "answer", "candidate", "hangup");

  private GroupCliParser() {}

  /**
   * @param args what follows {@code group}
   */
  static GroupCommand parse(List<String> args) throws UsageException {
    if (args.isEmpty() || args.get(0).startsWith("-")) {
      throw new UsageException(
          "group needs an action: create, join, send, read, upload, download, live or close");
    }
    String action = args.get(0);
    Set<String> allowed = OPTIONS.get(action);
    if (allowed == null) {
      throw new UsageException("unknown group action '" + action + "'");
    }
    Map<String, String> values = new HashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      if (!allowed.contains(name) && !COMMON.contains(name)) {
        throw new UsageException(name + " does not apply to 'group " + action + "'");
      }
      if (FLAGS.contains(name)) {
        if (eq > 0 || !flags.add(name)) {
          throw new UsageException(name + " takes no value and is given once");
        }
        continue;
      }
      String value = eq > 0 ? arg.substring(eq + 1) : null;
      if (value == null) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new UsageException(name + " needs a value");
        }
        value = args.get(++i);
      }
      if (value.isBlank() || values.put(name, value.strip()) != null) {
        throw new UsageException(name + " needs one non-empty value");
      }
    }
    Path state =
        path("--state", values.getOrDefault("--state", CliParser.DEFAULT_STATE.toString()));
    Optional<URI> server =
        values.containsKey("--server")
            ? Optional.of(CliParser.server(values.get("--server")))
            : Optional.empty();
    return switch (action) {
      case "create" -> create(state, server, values, flags.contains("--rebroadcast"));
      case "join" -> join(state, server, values);
      case "send" -> {
        String group = group(values);
        if (values.containsKey("--text") == values.containsKey("--forward")) {
          throw new UsageException("group send needs exactly one of --text and --forward");
        }
        Optional<String> forward = Optional.ofNullable(values.get("--forward"));
        if (forward.isPresent()) {
          String[] parts = forward.get().split("/", 2);
          if (parts.length != 2
              || !GROUP_ID.matcher(parts[0]).matches()
              || !ENTRY_ID.matcher(parts[1]).matches()) {
            throw new UsageException("--forward is GROUP/MESSAGE, as group read prints them");
          }
        }
        yield new GroupCommand.Send(
            state, server, group, Optional.ofNullable(values.get("--text")), forward);
      }
      case "read" -> new GroupCommand.Read(state, server, group(values), after(values));
      case "upload" ->
          new GroupCommand.Upload(
              state, server, group(values), path("--file", required(values, "--file")));
      case "download" -> {
        String fileId = required(values, "--file-id");
        if (!ENTRY_ID.matcher(fileId).matches()) {
          throw new UsageException("--file-id is a file's id (e-…), as group read prints it");
        }
        yield new GroupCommand.Download(
            state, server, group(values), fileId, path("--out", required(values, "--out")));
      }
      case "live" -> live(state, server, values);
      default -> new GroupCommand.Close(state, server, group(values));
    };
  }

  private static GroupCommand.Create create(
      Path state, Optional<URI> server, Map<String, String> values, boolean rebroadcast)
      throws UsageException {
    Optional<Duration> validity = duration(values, "--validity");
    Optional<Integer> accesses = Optional.empty();
    if (values.containsKey("--accesses")) {
      try {
        accesses = Optional.of(Integer.parseInt(values.get("--accesses")));
      } catch (NumberFormatException e) {
        throw new UsageException("--accesses is a number of entries, such as 3");
      }
    }
    if (values.containsKey("--per") && accesses.isEmpty()) {
      throw new UsageException("--per goes with --accesses");
    }
    if (validity.isEmpty() && accesses.isEmpty()) {
      throw new UsageException("group create needs --validity, --accesses, or both");
    }
    List<String> invitees = new ArrayList<>();
    if (values.containsKey("--invite")) {
      for (String address : values.get("--invite").split(",")) {
        if (!ADDRESS.matcher(address.strip()).matches()) {
          throw new UsageException("--invite is a comma-separated list of e-mail addresses");
        }
        invitees.add(address.strip());
      }
    }
    Optional<String> code = Optional.ofNullable(values.get("--code"));
    if (code.isPresent()) {
      try {
        GroupCodes.canonical(code.get());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--code: " + e.getMessage());
      }
    }
    return new GroupCommand.Create(
        state,
        server,
        Optional.ofNullable(values.get("--name")),
        validity,
        accesses,
        duration(values, "--per"),
        rebroadcast,
        duration(values, "--notice"),
        invitees,
        code);
  }

  private static GroupCommand.Join join(
      Path state, Optional<URI> server, Map<String, String> values) throws UsageException {
    if (values.containsKey("--link")) {
      if (values.containsKey("--group") || values.containsKey("--code")) {
        throw new UsageException("--link carries the group and the code: give it alone");
      }
      GroupCodes.Invitation invitation =
          GroupCodes.fromLink(values.get("--link"))
              .orElseThrow(
                  () ->
                      new UsageException(
                          "--link: not a join link (…#group=<id>&code=<code>); give --group and"
                              + " --code instead"));
      return new GroupCommand.Join(
          state, server, checkedGroup(invitation.groupId()), invitation.code());
    }
    return new GroupCommand.Join(state, server, group(values), required(values, "--code"));
  }

  private static GroupCommand.Live live(
      Path state, Optional<URI> server, Map<String, String> values) throws UsageException {
    Optional<String> signal = Optional.ofNullable(values.get("--signal"));
    Optional<String> to = Optional.ofNullable(values.get("--to"));
    if (signal.isPresent() != to.isPresent()) {
      throw new UsageException("--signal and --to go together");
    }
    if (signal.isPresent() && !SIGNALS.contains(signal.get())) {
      throw new UsageException("--signal is offer, answer, candidate or hangup");
    }
    if (to.isPresent() && !MEMBER_ID.matcher(to.get()).matches()) {
      throw new UsageException("--to is a member id (m-…), as group read prints them");
    }
    if (values.containsKey("--data") && signal.isEmpty()) {
      throw new UsageException("--data goes with --signal");
    }
    Optional<Duration> seconds = Optional.empty();
    if (values.containsKey("--seconds")) {
      try {
        long n = Long.parseLong(values.get("--seconds"));
        if (n < 1 || n > 86_400) {
          throw new NumberFormatException();
        }
        seconds = Optional.of(Duration.ofSeconds(n));
      } catch (NumberFormatException e) {
        throw new UsageException("--seconds is a number of seconds from 1 to 86400");
      }
    }
    return new GroupCommand.Live(
        state,
        server,
        group(values),
        signal,
        to,
        Optional.ofNullable(values.get("--data")),
        seconds);
  }

  private static String group(Map<String, String> values) throws UsageException {
    return checkedGroup(required(values, "--group"));
  }

  private static String checkedGroup(String groupId) throws UsageException {
    if (!GROUP_ID.matcher(groupId).matches()) {
      throw new UsageException("'" + groupId + "' is not a group id (g-…)");
    }
    return groupId;
  }

  private static long after(Map<String, String> values) throws UsageException {
    if (!values.containsKey("--after")) {
      return 0;
    }
    try {
      long after = Long.parseLong(values.get("--after"));
      if (after >= 0) {
        return after;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new UsageException("--after is a sequence number, 0 or more");
  }

  private static Optional<Duration> duration(Map<String, String> values, String option)
      throws UsageException {
    if (!values.containsKey(option)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.parse(values.get(option)));
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " is an ISO-8601 duration such as PT2H or P1D");
    }
  }

  private static String required(Map<String, String> values, String option) throws UsageException {
    String value = values.get(option);
    if (value == null) {
      throw new UsageException("this group action needs " + option);
    }
    return value;
  }

  private static Path path(String option, String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(option + ": '" + value + "' is not a valid path");
    }
  }
}
