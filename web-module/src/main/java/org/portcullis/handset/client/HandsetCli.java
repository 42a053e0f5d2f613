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
 * <p>The secure-message commands ({@code inbox}, {@code read}, {@code ack}, {@code delete}, {@code
 * reply}) are in {@link MessageCommands}.
 *
 * <p>Exit status: {@value #EXIT_OK} done, {@value #EXIT_FAILED} refused by the server or failed
 * (the server's detail is printed), {@value #EXIT_USAGE} usage error.
 */
public final class HandsetCli {

  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  /** What the client calls itself at the start of an error. */
  static final String NAME = "portcullis-handset";

  private static final Pattern SERVER_OTP = Pattern.compile("[0-9]{6}");

  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;
  private final MessageCommands messages;

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
    this.messages = new MessageCommands(in, out, err, interactive);
  }

  /** Runs one command and exits with its status. */
  public static void main(String[] args) {
    // a command-line tool: standard input, output and error are its user interface
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
    System.exit(
        new HandsetCli(in, System.out, System.err, System.console() != null).run(List.of(args)));
  }

  /**
   * Runs one command with the given console and returns its exit status, without exiting: for
   * programs and tests that drive the command line.
   */
  public static int execute(
      List<String> args, BufferedReader in, PrintStream out, PrintStream err) {
    return new HandsetCli(in, out, err).run(args);
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
        return messages.inbox(inbox);
      }
      if (command instanceof CliCommand.Read read) {
        return messages.read(read);
      }
      if (command instanceof CliCommand.Ack ack) {
        return messages.ack(ack);
      }
      if (command instanceof CliCommand.Delete delete) {
        return messages.delete(delete);
      }
      if (command instanceof CliCommand.Reply reply) {
        return messages.reply(reply);
      }
      if (command instanceof CliCommand.Group group) {
        if (group.command().isEmpty()) {
          out.print(GroupCliParser.USAGE);
          return EXIT_OK;
        }
        return new GroupCli(out).run(group.command().get());
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

  /** A client for the handset's server, or for the other address given for it. */
  static HandsetClient client(HandsetState state, Optional<URI> server) {
    return new HandsetClient(server.orElse(state.server()));
  }

  /**
   * The handset saved in {@code dir}.
   *
   * @throws UsageException when there is none
   */
  static HandsetState load(Path dir) throws UsageException, IOException {
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
