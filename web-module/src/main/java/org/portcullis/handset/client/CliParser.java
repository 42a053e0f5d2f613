package org.portcullis.handset.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@link HandsetCli}'s command line: a command and its options, in either {@code --name
 * value} or {@code --name=value} form, in any order. Every value is checked here, so that a typo is
 * a usage error before the server texts anyone.
 *
 * <p>A pure function of the arguments; stateless and thread-safe.
 */
final class CliParser {

  static final Path DEFAULT_STATE = Path.of("handset-state");
  static final String DEFAULT_DEVICE_TYPE = "android";
  static final KeyAlgorithm DEFAULT_KEY = KeyAlgorithm.EC_P256;
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(120);

  /** Waiting longer is pointless: the server matches the SMS and the code within 5 minutes. */
  static final Duration MAX_WAIT = Duration.ofMinutes(5);

  /** The server's limit for a reply (CliParserTest holds it to the server's constant). */
  static final int MAX_REPLY_BYTES = 64 * 1024;

  /** The usage text of {@code help}. */
  static final String USAGE =
      """
      Usage: java -jar portcullis-handset.jar <command> [options]

      The Portcullis reference handset client: enrolls as a customer's handset, keeps the
      handset's key pair and access token in a state directory, uses the token, and reads
      and answers the handset's secure messages.

      Commands:
        enroll        tie a new handset to a mobile number, generate its key pair, upload
                      the public key and save the state
        access        make an access request with the saved token (approval extends it)
        show          show the saved handset: id, token expiry, key (never the secrets)
        inbox         list the handset's secure messages: id, state, times, sender (never
                      their content)
        read ID       fetch message ID, decrypt it with the saved private key and print it
        ack ID        tell the server that this handset has read message ID; from the
                      first acknowledgement on, the server cannot read the message itself
        delete ID     remove message ID from this handset
        reply ID      answer message ID; the bank that sent it gets the reply
        group         private groups: create, join, send, read, upload, download, live,
                      close (java -jar portcullis-handset.jar group help)
        help          print this text

      Every command:
        --state DIR            the state directory (default ./handset-state, created
                               owner-only); one handset per directory

      enroll:
        --server URL           the Portcullis server, e.g. https://portcullis.example.com
                               (plain http only to this machine: localhost, 127.0.0.1, [::1])
        --msisdn NUMBER        the customer's mobile number in E.164 form, e.g. +447700900123
        --device-type TYPE     the kind of handset (default android)
        --key rsa|ec           the key pair to generate: RSA 2048 or EC P-256 (default ec)
        By server OTP (the default): the server texts a 6-digit code to NUMBER; type it when
        asked. When standard input ends instead, enroll prints the enrollment's ID; finish it
        later, before the code expires, with:
        --enrollment ID        the enrollment to finish (instead of --msisdn)
        --otp CODE             the code texted for it (asked for when left out)
        By handset OTP: this client makes up an 8-digit code that you text to the bank:
        --handset-otp          enroll by handset OTP
        --keyword WORD         the word before the code in the SMS (default REG)
        --service-number N     the bank's number to text, for the instructions
        --wait SECONDS         how long to wait for the server to receive the SMS
                               (default 120, at most 300)

      access, inbox, read, ack, delete, reply:
        --server URL           another address of the same server (default: the one the
                               handset enrolled with)

      read:
        --ack                  acknowledge the message once it is decrypted (without it,
                               read leaves the message unacknowledged)

      reply:
        --body TEXT            the reply, at most 65536 bytes of UTF-8 (default: standard
                               input to its end, without its trailing line breaks)

      Exit status: 0 done, 1 refused by the server, failed, or a message that cannot be
      read, 2 usage error.
      HTTPS uses the JDK's trust store; name another with -Djavax.net.ssl.trustStore=FILE.
      """;

  private static final Set<String> COMMON = Set.of("--state");
  private static final Set<String> FLAGS = Set.of("--handset-otp", "--ack");
  private static final Set<String> VALUE_OPTIONS =
      Set.of(
          "--state",
          "--server",
          "--msisdn",
          "--device-type",
          "--key",
          "--enrollment",
          "--otp",
          "--keyword",
          "--service-number",
          "--wait",
          "--body");
  private static final Map<String, Set<String>> OPTIONS =
      Map.of(
          "enroll",
          Set.of(
              "--server",
              "--msisdn",
              "--device-type",
              "--key",
              "--enrollment",
              "--otp",
              "--handset-otp",
              "--keyword",
              "--service-number",
              "--wait"),
          "access",
          Set.of("--server"),
          "show",
          Set.of(),
          "inbox",
          Set.of("--server"),
          "read",
          Set.of("--server", "--ack"),
          "ack",
          Set.of("--server"),
          "delete",
          Set.of("--server"),
          "reply",
          Set.of("--server", "--body"),
          "help",
          Set.of());

  /** The commands that act on one message, named after the command. */
  private static final Set<String> ON_A_MESSAGE = Set.of("read", "ack", "delete", "reply");

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern DEVICE_TYPE = Pattern.compile("[A-Za-z0-9._-]{1,32}");
  // an id the server gave (an enrollment's, a message's); never a dot segment, which would leave
  // the path
  private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,199}");
  private static final Pattern SERVER_OTP = Pattern.compile("[0-9]{6}");
  private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9]{1,20}");
  // a short code or an E.164 number, as the server's --service-number
  private static final Pattern SERVICE_NUMBER = Pattern.compile("\\+?[0-9]{3,15}");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  private CliParser() {}

  /**
   * Reads a command line.
   *
   * @throws UsageException for a missing or unknown command, an unknown, repeated, misplaced or
   *     missing option, or a bad value
   */
  static CliCommand parse(List<String> args) throws UsageException {
    if (!args.isEmpty() && args.get(0).equals("group")) {
      List<String> rest = args.subList(1, args.size());
      boolean help = rest.isEmpty() || List.of("help", "--help", "-h").contains(rest.get(0));
      return new CliCommand.Group(
          help ? Optional.empty() : Optional.of(GroupCliParser.parse(rest)));
    }
    String command = null;
    String operand = null;
    Map<String, String> values = new HashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new CliCommand.Help();
      }
      if (!arg.startsWith("-")) {
        if (command == null) {
          command = arg;
        } else if (operand == null) {
          operand = arg; // whether the command takes one is checked below
        } else {
          throw new UsageException("unexpected argument '" + arg + "'");
        }
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      String inline = eq > 0 ? arg.substring(eq + 1) : null;
      if (FLAGS.contains(name)) {
        if (inline != null) {
          throw new UsageException(name + " takes no value");
        }
        if (!flags.add(name)) {
          throw new UsageException(name + " is given twice");
        }
      } else if (VALUE_OPTIONS.contains(name)) {
        String value = inline;
        if (value == null) {
          if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException(name + " needs a value");
          }
          value = args.get(++i);
        }
        if (value.isBlank()) {
          throw new UsageException(name + " needs a non-empty value");
        }
        if (values.put(name, value.strip()) != null) {
          throw new UsageException(name + " is given twice");
        }
      } else {
        throw new UsageException("unknown option " + name);
      }
    }
    if (command == null) {
      throw new UsageException(
          "no command: enroll, access, show, inbox, read, ack, delete, reply or help");
    }
    Set<String> allowed = OPTIONS.get(command);
    if (allowed == null) {
      throw new UsageException("unknown command '" + command + "'");
    }
    if (operand != null && !ON_A_MESSAGE.contains(command)) {
      throw new UsageException("unexpected argument '" + operand + "'");
    }
    if (operand == null && ON_A_MESSAGE.contains(command)) {
      throw new UsageException(
          command + " needs the message's id: " + command + " ID (inbox lists the ids)");
    }
    Set<String> given = new HashSet<>(values.keySet());
    given.addAll(flags);
    for (String name : given) {
      if (!allowed.contains(name) && !COMMON.contains(name)) {
        throw new UsageException(name + " does not apply to '" + command + "'");
      }
    }

    Path state = path(values.getOrDefault("--state", DEFAULT_STATE.toString()));
    if (operand != null && !SERVER_ID.matcher(operand).matches()) {
      throw new UsageException("'" + operand + "' is not a message id (inbox lists the ids)");
    }
    String messageId = operand;
    return switch (command) {
      case "enroll" -> enroll(state, values, flags.contains("--handset-otp"));
      case "access" -> new CliCommand.Access(state, otherServer(values));
      case "show" -> new CliCommand.Show(state);
      case "inbox" -> new CliCommand.Inbox(state, otherServer(values));
      case "read" ->
          new CliCommand.Read(state, otherServer(values), messageId, flags.contains("--ack"));
      case "ack" -> new CliCommand.Ack(state, otherServer(values), messageId);
      case "delete" -> new CliCommand.Delete(state, otherServer(values), messageId);
      case "reply" ->
          new CliCommand.Reply(
              state, otherServer(values), messageId, replyBody(values.get("--body")));
      default -> new CliCommand.Help();
    };
  }

  /**
   * A reply's text as the server takes it: not blank, at most {@value #MAX_REPLY_BYTES} bytes of
   * UTF-8 (checked here, so that an oversize reply is a usage error before any request).
   *
   * @param option how the text was given, for the message
   * @throws UsageException when it is blank or too long
   */
  static String checkedReply(String text, String option) throws UsageException {
    if (text.isBlank()) {
      throw new UsageException(option + " is empty: a reply needs some text");
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_REPLY_BYTES) {
      throw new UsageException(
          option + " is " + bytes + " bytes of UTF-8; a reply may have at most " + MAX_REPLY_BYTES);
    }
    return text;
  }

  private static Optional<String> replyBody(String value) throws UsageException {
    return value == null ? Optional.empty() : Optional.of(checkedReply(value, "--body"));
  }

  /** {@code --server}, for the commands that use a saved handset: another address of its server. */
  private static Optional<URI> otherServer(Map<String, String> values) throws UsageException {
    String value = values.get("--server");
    return value == null ? Optional.empty() : Optional.of(server(value));
  }

  private static CliCommand.Enroll enroll(Path state, Map<String, String> values, boolean byHandset)
      throws UsageException {
    if (!values.containsKey("--server")) {
      throw new UsageException("enroll needs --server URL");
    }
    boolean finishing = values.containsKey("--enrollment");
    if (finishing) {
      for (String start : List.of("--msisdn", "--device-type")) {
        if (values.containsKey(start)) {
          throw new UsageException(
              start + " starts an enrollment; --enrollment finishes one that has started");
        }
      }
      if (byHandset) {
        throw new UsageException(
            "--enrollment finishes a server-OTP enrollment, not --handset-otp");
      }
    } else if (!values.containsKey("--msisdn")) {
      throw new UsageException("enroll needs --msisdn NUMBER (or --enrollment ID with --otp CODE)");
    }
    if (byHandset && values.containsKey("--otp")) {
      throw new UsageException(
          "--otp is the code the server texts; with --handset-otp this client makes one up");
    }
    if (!finishing && values.containsKey("--otp")) {
      throw new UsageException(
          "--otp goes with --enrollment ID: the server texts the code only once enroll has"
              + " asked for it, so type it when asked, or finish later with --enrollment ID"
              + " --otp CODE");
    }
    if (!byHandset) {
      for (String handsetOnly : List.of("--keyword", "--service-number", "--wait")) {
        if (values.containsKey(handsetOnly)) {
          throw new UsageException(handsetOnly + " only applies with --handset-otp");
        }
      }
    }

    Optional<CliCommand.HandsetOtpOptions> handsetOtp = Optional.empty();
    if (byHandset) {
      handsetOtp =
          Optional.of(
              new CliCommand.HandsetOtpOptions(
                  checked(
                      "--keyword",
                      values.getOrDefault("--keyword", HandsetOtp.DEFAULT_KEYWORD),
                      KEYWORD,
                      "one word of letters and digits"),
                  optional(
                      values,
                      "--service-number",
                      SERVICE_NUMBER,
                      "a number customers can text (3 to 15 digits, optionally after +)"),
                  waitTime(values.get("--wait"))));
    }
    return new CliCommand.Enroll(
        state,
        server(values.get("--server")),
        optional(values, "--msisdn", E164, "an E.164 number such as +447700900123"),
        checked(
            "--device-type",
            values.getOrDefault("--device-type", DEFAULT_DEVICE_TYPE),
            DEVICE_TYPE,
            "1 to 32 letters, digits, dots, dashes or underscores"),
        key(values.get("--key")),
        optional(values, "--enrollment", SERVER_ID, "an enrollment id printed by enroll"),
        optional(values, "--otp", SERVER_OTP, "the 6-digit code from the SMS"),
        handsetOtp);
  }

  /**
   * An absolute http(s) URL; plain http only to a loopback address, since the OTP and the token
   * would otherwise cross the network in clear.
   */
  static URI server(String value) throws UsageException {
    URI uri;
    try {
      uri = HandsetClient.normalise(new URI(value));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new UsageException(
          "--server: '" + value + "' is not an http or https URL, e.g. https://bank.example");
    }
    if (uri.getScheme().equalsIgnoreCase("http") && !isLoopback(uri.getHost())) {
      throw new UsageException(
          "--server: plain http would send the code and the token in clear; use https (http"
              + " only to localhost, 127.0.0.1 or [::1])");
    }
    return uri;
  }

  /** Loopback by name ({@code localhost}) or IP literal, without asking DNS. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    boolean ipv6 = h.startsWith("[") && h.endsWith("]");
    if (!ipv6 && !IPV4.matcher(h).matches()) {
      return false; // a name: only DNS could tell, and it may lie
    }
    try {
      // an IP literal is parsed, never looked up
      return InetAddress.getByName(ipv6 ? h.substring(1, h.length() - 1) : h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static KeyAlgorithm key(String value) throws UsageException {
    if (value == null) {
      return DEFAULT_KEY;
    }
    for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
      if (algorithm.optionName().equalsIgnoreCase(value)) {
        return algorithm;
      }
    }
    throw new UsageException("--key: '" + value + "' is neither rsa nor ec");
  }

  private static Duration waitTime(String value) throws UsageException {
    if (value == null) {
      return DEFAULT_WAIT;
    }
    try {
      long seconds = Long.parseLong(value);
      if (seconds >= 1 && seconds <= MAX_WAIT.toSeconds()) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below, with the offending value
    }
    throw new UsageException(
        "--wait: '" + value + "' is not a number of seconds from 1 to " + MAX_WAIT.toSeconds());
  }

  private static Path path(String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException("--state: '" + value + "' is not a valid path");
    }
  }

  private static String checked(String option, String value, Pattern pattern, String expected)
      throws UsageException {
    if (!pattern.matcher(value).matches()) {
      throw new UsageException(option + ": '" + value + "' is not " + expected);
    }
    return value;
  }

  private static Optional<String> optional(
      Map<String, String> values, String option, Pattern pattern, String expected)
      throws UsageException {
    String value = values.get(option);
    return value == null
        ? Optional.empty()
        : Optional.of(checked(option, value, pattern, expected));
  }
}
