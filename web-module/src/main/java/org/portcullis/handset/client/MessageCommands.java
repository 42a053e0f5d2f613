package org.portcullis.handset.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@link HandsetCli}'s secure-message commands: {@code inbox}, {@code read}, {@code ack}, {@code
 * delete} and {@code reply}. They use the saved token and never write to the state directory.
 *
 * <p>{@code inbox} lists the messages without their content. {@code read} decrypts one with the
 * saved private key ({@link MessageReader}), in this process, and prints it; it acknowledges the
 * message only when asked to ({@code --ack}), since acknowledging tells the bank the message was
 * delivered and ends the server's own ability to read it, which looking must not do by accident.
 * {@code ack}, {@code delete} and {@code reply} are one request each. What the server sent is
 * printed through {@link TerminalText}, so that it cannot drive the terminal.
 *
 * <p>Each method returns the exit status or throws as {@link HandsetCli#run} expects.
 */
final class MessageCommands {

  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;

  /**
   * @param interactive whether a person types standard input, who is then told when the client
   *     waits for a reply's text
   */
  MessageCommands(BufferedReader in, PrintStream out, PrintStream err, boolean interactive) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  int inbox(CliCommand.Inbox command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState state = HandsetCli.load(command.state());
    String handsetId = state.handset().handsetId();
    List<InboxMessage> messages = HandsetCli.client(state, command.server()).inbox(state.handset());
    if (messages.isEmpty()) {
      out.println("No messages for handset " + handsetId + ".");
      return HandsetCli.EXIT_OK;
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
    return HandsetCli.EXIT_OK;
  }

  int read(CliCommand.Read command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState state = HandsetCli.load(command.state());
    EnrolledHandset handset = state.handset();
    HandsetClient client = HandsetCli.client(state, command.server());
    String messageId = command.messageId();
    Optional<InboxMessage> listed =
        client.inbox(handset).stream().filter(m -> m.messageId().equals(messageId)).findFirst();
    if (listed.isEmpty()) {
      err.println(
          HandsetCli.NAME
              + ": message "
              + messageId
              + " is not in the inbox of handset "
              + handset.handsetId()
              + " (deleted, expired, or never sent to it).");
      return HandsetCli.EXIT_FAILED;
    }
    ReadMessage message;
    try {
      // the private key is used here, in this process, and nowhere else
      message = MessageReader.read(listed.get(), handset.handsetId(), state.keys().getPrivate());
    } catch (UnreadableMessageException e) {
      err.println(
          HandsetCli.NAME
              + ": message "
              + messageId
              + " cannot be read: "
              + TerminalText.line(e.getMessage())
              + ".");
      err.println(
          "It stays in the inbox, unacknowledged; 'delete "
              + messageId
              + "' removes it from this handset.");
      return HandsetCli.EXIT_FAILED;
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
    return HandsetCli.EXIT_OK;
  }

  int ack(CliCommand.Ack command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState state = HandsetCli.load(command.state());
    InboxMessage acknowledged =
        HandsetCli.client(state, command.server())
            .acknowledge(state.handset(), command.messageId());
    out.println(
        "Message "
            + command.messageId()
            + " acknowledged"
            + (acknowledged.deliveredAt() == null
                ? ""
                : ": delivered at " + time(acknowledged.deliveredAt()))
            + ".");
    return HandsetCli.EXIT_OK;
  }

  int delete(CliCommand.Delete command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState state = HandsetCli.load(command.state());
    HandsetCli.client(state, command.server()).delete(state.handset(), command.messageId());
    out.println(
        "Message "
            + command.messageId()
            + " deleted from handset "
            + state.handset().handsetId()
            + ".");
    return HandsetCli.EXIT_OK;
  }

  int reply(CliCommand.Reply command)
      throws UsageException, IOException, InterruptedException, ProblemException {
    HandsetState state = HandsetCli.load(command.state());
    String body = command.body().isPresent() ? command.body().get() : replyFromStandardInput();
    String replyId =
        HandsetCli.client(state, command.server())
            .reply(state.handset(), command.messageId(), body);
    out.println(
        "Replied to message "
            + command.messageId()
            + " (reply "
            + TerminalText.line(replyId)
            + ").");
    return HandsetCli.EXIT_OK;
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
}
