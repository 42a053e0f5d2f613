package org.portcullis.handset.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The reference handset client's command line: {@code java -jar portcullis-handset.jar enroll |
 * access | show | inbox | read | ack | delete | reply | help} (see {@link CliParser#USAGE}).
 *
 * <p>{@code enroll} generates the key pair, enrolls by server OTP (asking for the texted code on
 * standard input unless given) or by handset OTP (telling the person what to text, then waiting for
 * the server to receive it), uploads the public key and saves the state; {@code access} uses the
 * saved token; {@code show} describes the saved handset. Nothing printed ever contains the token's
 * secret or the private key.
 *
 * <p>The secure-message commands use the saved token and never write to the state directory: {@code
 * inbox} lists the messages without their content; {@code read} decrypts one with the saved private
 * key ({@link MessageReader}) and prints it, acknowledging it only when asked to ({@code --ack}),
 * so that looking at a message never tells the bank it was delivered by accident; {@code ack},
 * {@code delete} and {@code reply} are one request each. What the server sent is printed through
 * {@link TerminalText}, so that it cannot drive the terminal.
 *
 * <p>Exit status: {@value #EXIT_OK} done, {@value #EXIT_FAILED} refused by the server or failed
 * (the server's detail is printed), {@value #EXIT_USAGE} usage error.
 */
public final class HandsetCli {

  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  private static final String NAME = "portcullis-handset";
  private static final Pattern SERVER_OTP = Pattern.compile("[0-9]{6}");

  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;

  HandsetCli(BufferedReader in, PrintStream out, PrintStream err) {
    this(in, out, err, false);
  }

  /**
   * @param interactive whether a person types standard input, who is then told when the client
   *     waits for a reply's text
   */
  HandsetCli(BufferedReader in, PrintStream out, PrintStream err, boolean interactive) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  /** Runs one command and exits with its status. */
  public static void main(String[] args) {
    // a command-line tool: standard input, output and error are its user interface
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
    System.exit(
        new HandsetCli(in, System.out, System.err, System.console() != null).run(List.of(args)));
  }

  /** Runs one command; returns the exit status. */
  int run(List<String> args) {
    try {
      CliCommand command = CliParser.parse(args);
      if (command instanceof CliCommand.Enroll enroll) {
        return enroll(enroll);
      }
      if (command instanceof CliCommand.Access access) {
        return access(access);
      }
      if (command instanceof CliCommand.Show show) {
        return show(show);
      }
      if (command instanceof CliCommand.Inbox inbox) {
        return inbox(inbox);
      }
      if (command instanceof CliCommand.Read read) {
        return read(read);
      }
      if (command instanceof CliCommand.Ack ack) {
        return ack(ack);
      }
      if (command instanceof CliCommand.Delete delete) {
        return delete(delete);
      }
      if (command instanceof CliCommand.Reply reply) {
        return reply(reply);
      }
      out.print(CliParser.USAGE);
      return EXIT_OK;
    } catch (UsageException e) {
      err.println(NAME + ": " + e.getMessage());
      err.println("Try 'java -jar portcullis-handset.jar help'.");
      return EXIT_USAGE;
    } catch (ProblemException e) {
      err.println(NAME + ": refused (" + e.type() + "): " + e.detail());
      if (e.is(ProblemException.LOGIN_REQUIRED)) {
        err.println(
            e.accountHint()
                    .map(account -> "The token of account " + account + " is no longer valid")
                    .orElse("The token is no longer valid")
                + ": enroll again, with a new --state directory.");
      }
      return EXIT_FAILED;
    } catch (IOException e) {
      err.println(NAME + ": " + describe(e));
      return EXIT_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(NAME + ": interrupted");
      return EXIT_FAILED;
    }
  }

  private int enroll(CliCommand.Enroll command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    if (HandsetState.exists(command.state())) {
      throw new UsageException(
          absolute(command.state())
              + " already holds an enrolled handset: name another --state directory, or delete"
              + " this one to enroll again");
    }
    // before the server texts anyone: a directory we cannot create would lose the enrollment
    HandsetState.createDirectory(command.state());
    KeyPair keys = HandsetKeys.generate(command.key());
    HandsetClient client = new HandsetClient(command.server());

    EnrolledHandset handset =
        command.handsetOtp().isPresent()
            ? enrollByHandsetOtp(client, command, command.handsetOtp().get())
            : enrollByServerOtp(client, command);
    out.println("Enrolled as handset " + handset.handsetId() + ".");

    try {
      client.uploadPublicKey(handset, keys.getPublic());
    } catch (ProblemException | IOException e) {
      err.println(
          NAME
              + ": handset "
              + handset.handsetId()
              + " is enrolled, but its public key was not uploaded and nothing was saved:"
              + " enroll again.");
      throw e;
    }
    try {
      new HandsetState(client.base(), handset, command.key(), keys).save(command.state());
    } catch (IOException e) {
      err.println(
          NAME
              + ": handset "
              + handset.handsetId()
              + " is enrolled with its key, but its state could not be saved: enroll again.");
      throw e;
    }
    out.println(
        "Uploaded its "
            + command.key().displayName()
            + " public key "
            + HandsetKeys.fingerprint(keys.getPublic())
            + ".");
    out.println(
        "Token valid until "
            + handset.expiresAt()
            + "; token and private key saved in "
            + absolute(command.state())
            + ".");
    return EXIT_OK;
  }

  private EnrolledHandset enrollByServerOtp(HandsetClient client, CliCommand.Enroll command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    if (command.enrollmentId().isPresent()) {
      String enrollmentId = command.enrollmentId().get();
      String otp = command.otp().isPresent() ? command.otp().get() : askForOtp(enrollmentId, "");
      return client.confirmServerOtp(enrollmentId, otp);
    }
    String msisdn = command.msisdn().orElseThrow();
    out.println("Asking " + client.base() + " to text a code to " + msisdn + ".");
    PendingEnrollment pending = client.requestServerOtp(msisdn, command.deviceType());
    String otp =
        askForOtp(
            pending.enrollmentId(),
            " texted to " + msisdn + " (valid until " + pending.expiresAt() + ")");
    return client.confirmServerOtp(pending.enrollmentId(), otp);
  }

  /**
   * Reads the texted code from standard input, asking again for anything but 6 digits (a typo must
   * not use up one of the customer's attempts).
   */
  private String askForOtp(String enrollmentId, String which) throws UsageException, IOException {
    while (true) {
      out.print("Enter the 6-digit code" + which + ": ");
      out.flush();
      String line = in.readLine();
      if (line == null) {
        out.println();
        throw new UsageException(
            "no code on standard input; finish enrollment "
                + enrollmentId
                + " with: enroll --server URL --enrollment "
                + enrollmentId
                + " --otp CODE");
      }
      String code = line.strip();
      if (SERVER_OTP.matcher(code).matches()) {
        return code;
      }
      out.println("That is not a 6-digit code.");
    }
  }

  private EnrolledHandset enrollByHandsetOtp(
      HandsetClient client, CliCommand.Enroll command, CliCommand.HandsetOtpOptions options)
      throws IOException, InterruptedException, ProblemException {
    SmsSender person =
        (from, text) -> {
          out.println(
              "Text \""
                  + text
                  + "\" to "
                  + options.serviceNumber().orElse("the bank's service number")
                  + " from your phone "
                  + from
                  + ", then press Enter.");
          out.flush();
          if (in.readLine() == null) {
            throw new IOException("standard input ended before the SMS was sent");
          }
          out.println(
              "Waiting up to "
                  + options.timeout().toSeconds()
                  + " s for the server to receive it.");
        };
    try {
      return client.enrollWithHandsetOtp(
          command.msisdn().orElseThrow(),
          command.deviceType(),
          options.keyword(),
          person,
          options.timeout());
    } catch (ProblemException e) {
      if (e.is(ProblemException.ENROLLMENT_SMS_PENDING)) {
        err.println(
            NAME
                + ": the server has not received the SMS: check the number and the text, then"
                + " enroll again.");
      }
      throw e;
    }
  }

  private int access(CliCommand.Access command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState state = load(command.state());
    HandsetClient client = client(state, command.server());
    AccessGrant grant = client.access(state.handset());
    state.withExpiresAt(grant.expiresAt()).save(command.state());
    out.println(
        "Access granted to account "
            + grant.account()
            + " (app "
            + grant.appId()
            + ", handset "
            + state.handset().handsetId()
            + "); token valid until "
            + grant.expiresAt()
            + ".");
    return EXIT_OK;
  }

  private int show(CliCommand.Show command) throws UsageException, IOException {
    HandsetState state = load(command.state());
    EnrolledHandset handset = state.handset();
    Instant expiresAt = handset.expiresAt();
    out.println("Handset  " + handset.handsetId());
    out.println("Server   " + state.server());
    out.println(
        "Token    "
            + handset.tokenKey()
            + ".… "
            + (expiresAt.isAfter(Instant.now()) ? "valid until " : "expired at ")
            + expiresAt);
    out.println(
        "Key      "
            + state.algorithm().displayName()
            + ", public key "
            + HandsetKeys.fingerprint(state.keys().getPublic()));
    out.println("State    " + absolute(command.state()));
    return EXIT_OK;
  }

  private int inbox(CliCommand.Inbox command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState state = load(command.state());
    String handsetId = state.handset().handsetId();
    List<InboxMessage> messages = client(state, command.server()).inbox(state.handset());
    if (messages.isEmpty()) {
      out.println("No messages for handset " + handsetId + ".");
      return EXIT_OK;
    }
    out.println(
        (messages.size() == 1 ? "1 message" : messages.size() + " messages")
            + " for handset "
            + handsetId
            + ", newest first:");
    int idWidth = "MESSAGE".length();
    for (InboxMessage message : messages) {
      idWidth = Math.max(idWidth, TerminalText.line(message.messageId()).length());
    }
    String row = "%-" + idWidth + "s  %-9s  %-20s  %-20s  %-20s  %s%n";
    out.printf(row, "MESSAGE", "STATE", "SENT", "DELIVERED", "EXPIRES", "FROM");
    for (InboxMessage message : messages) {
      out.printf(
          row,
          TerminalText.line(message.messageId()),
          TerminalText.line(message.state()),
          time(message.submittedAt()),
          message.deliveredAt() == null ? "-" : time(message.deliveredAt()),
          time(message.expiresAt()),
          sender(message));
    }
    return EXIT_OK;
  }

  private int read(CliCommand.Read command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState state = load(command.state());
    EnrolledHandset handset = state.handset();
    HandsetClient client = client(state, command.server());
    String messageId = command.messageId();
    Optional<InboxMessage> listed =
        client.inbox(handset).stream().filter(m -> m.messageId().equals(messageId)).findFirst();
    if (listed.isEmpty()) {
      err.println(
          NAME
              + ": message "
              + messageId
              + " is not in the inbox of handset "
              + handset.handsetId()
              + " (deleted, expired, or never sent to it).");
      return EXIT_FAILED;
    }
    ReadMessage message;
    try {
      // the private key is used here, in this process, and nowhere else
      message = MessageReader.read(listed.get(), handset.handsetId(), state.keys().getPrivate());
    } catch (UnreadableMessageException e) {
      err.println(
          NAME
              + ": message "
              + messageId
              + " cannot be read: "
              + TerminalText.line(e.getMessage())
              + ".");
      err.println(
          "It stays in the inbox, unacknowledged; 'delete "
              + messageId
              + "' removes it from this handset.");
      return EXIT_FAILED;
    }
    // acknowledged once decrypted, before printing: the inbox keeps this handset's copy readable,
    // so a print that fails loses nothing
    InboxMessage shown =
        command.acknowledge() ? client.acknowledge(handset, messageId) : listed.get();

    out.println("Message  " + TerminalText.line(messageId));
    out.println("From     " + sender(shown));
    out.println("Sent     " + time(shown.submittedAt()));
    out.println("Expires  " + time(shown.expiresAt()));
    out.println(
        "State    "
            + (shown.isDelivered()
                ? "DELIVERED"
                    + (shown.deliveredAt() == null ? "" : " at " + time(shown.deliveredAt()))
                : TerminalText.line(shown.state())
                    + ", not acknowledged (ack "
                    + messageId
                    + " tells the server it was read)"));
    out.println(
        "Subject  "
            + (message.subject() == null ? "(none)" : TerminalText.line(message.subject())));
    out.println();
    String body = TerminalText.lines(message.body());
    out.print(body.endsWith("\n") ? body : body + "\n");
    return EXIT_OK;
  }

  private int ack(CliCommand.Ack command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState state = load(command.state());
    InboxMessage acknowledged =
        client(state, command.server()).acknowledge(state.handset(), command.messageId());
    out.println(
        "Message "
            + command.messageId()
            + " acknowledged"
            + (acknowledged.deliveredAt() == null
                ? ""
                : ": delivered at " + time(acknowledged.deliveredAt()))
            + ".");
    return EXIT_OK;
  }

  private int delete(CliCommand.Delete command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState state = load(command.state());
    client(state, command.server()).delete(state.handset(), command.messageId());
    out.println(
        "Message "
            + command.messageId()
            + " deleted from handset "
            + state.handset().handsetId()
            + ".");
    return EXIT_OK;
  }

  private int reply(CliCommand.Reply command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState state = load(command.state());
    String body = command.body().isPresent() ? command.body().get() : replyFromStandardInput();
    String replyId =
        client(state, command.server()).reply(state.handset(), command.messageId(), body);
    out.println(
        "Replied to message "
            + command.messageId()
            + " (reply "
            + TerminalText.line(replyId)
            + ").");
    return EXIT_OK;
  }

  /**
   * Reads a reply to the end of standard input, without its trailing line breaks. Reads no more
   * than can be sent, so that a runaway pipe is refused rather than held in memory.
   */
  private String replyFromStandardInput() throws UsageException, IOException {
    if (interactive) {
      err.println("Type the reply; end it with Ctrl-D on a line of its own.");
    }
    // a char is at least one byte of UTF-8: one char more than the limit is surely too long
    char[] buffer = new char[CliParser.MAX_REPLY_BYTES + 1];
    int length = 0;
    int read;
    while (length < buffer.length && (read = in.read(buffer, length, buffer.length - length)) > 0) {
      length += read;
    }
    if (length == buffer.length) {
      throw new UsageException(
          "the reply on standard input is longer than "
              + CliParser.MAX_REPLY_BYTES
              + " bytes of UTF-8, the most a reply may have");
    }
    String text = new String(buffer, 0, length);
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return CliParser.checkedReply(text.substring(0, end), "the reply on standard input");
  }

  private static HandsetClient client(HandsetState state, Optional<URI> server) {
    return new HandsetClient(server.orElse(state.server()));
  }

  /** The sender's name and its system ID, as a bank's customer would want to check them. */
  private static String sender(InboxMessage message) {
    return TerminalText.line(message.senderName())
        + " ("
        + TerminalText.line(message.senderSystemId())
        + ")";
  }

  /** To the second: enough for a person, and the columns line up. */
  private static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static HandsetState load(Path dir) throws UsageException, IOException {
    if (!HandsetState.exists(dir)) {
      throw new UsageException(
          "no handset in "
              + absolute(dir)
              + ": enroll first, or name the handset's directory with --state");
    }
    return HandsetState.load(dir);
  }

  /** A failure in words for the person at the console; the stack trace would help nobody. */
  static String describe(IOException e) {
    String message = e.getMessage();
    if (e instanceof HttpConnectTimeoutException) {
      return "the server did not accept a connection in time";
    }
    if (e instanceof HttpTimeoutException) {
      return "the server did not answer in time";
    }
    if (e instanceof ConnectException) {
      return "cannot connect to the server" + (message == null ? "" : " (" + message + ")");
    }
    if (e instanceof SSLException) {
      return "TLS failed ("
          + message
          + "); if the server's certificate is not in the JDK's trust store, name one with"
          + " -Djavax.net.ssl.trustStore=FILE";
    }
    return message == null ? e.toString() : message;
  }

  private static Path absolute(Path dir) {
    return dir.toAbsolutePath().normalize();
  }
}
