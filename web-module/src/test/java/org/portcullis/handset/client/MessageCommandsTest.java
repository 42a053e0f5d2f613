package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.message.MessageContent;

/**
 * The secure-message commands ({@code inbox}, {@code read}, {@code ack}, {@code delete}, {@code
 * reply}) against a scripted handset API: what they ask, print and exit with. The messages are
 * sealed by the server's own format code; the real server is the launcher's integration test.
 */
class MessageCommandsTest {

  private static final String SECRET = "Zq8vT1mN4pR7sW0xY3bC6e";
  private static final String HANDSET = "hs-1";
  private static final String INBOX = "/api/v1/handsets/hs-1/inbox";
  private static final String MESSAGE = "msg-abcdefghijkmnpqrstu";

  @TempDir Path state;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private FakeHandsetApi api;

  @BeforeEach
  void startTheApi() throws IOException {
    api = new FakeHandsetApi();
  }

  @AfterEach
  void stopTheApi() {
    api.close();
  }

  private KeyPair enrolled(KeyAlgorithm algorithm) throws IOException {
    KeyPair keys = HandsetKeys.generate(algorithm);
    new HandsetState(
            api.base(),
            new EnrolledHandset(HANDSET, "tk1." + SECRET, Instant.parse("2999-01-01T00:00:00Z")),
            algorithm,
            keys)
        .save(state);
    return keys;
  }

  private int run(String stdin, String... args) {
    List<String> line = new ArrayList<>(Arrays.asList(args));
    line.addAll(List.of("--state", state.toString()));
    return new HandsetCli(
            new BufferedReader(new StringReader(stdin)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(line);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static JsonObject pending(KeyPair keys, String messageId, MessageContent content) {
    return SealedMessages.entry(
        messageId, "PENDING", null, SealedMessages.jwe(keys, HANDSET, messageId, content));
  }

  private List<String> calls() {
    return api.requests().stream().map(r -> r.method() + " " + r.path()).toList();
  }

  @Test
  void inboxListsIdsStatesTimesAndSendersButNoContent() throws IOException {
    KeyPair keys = enrolled(KeyAlgorithm.EC_P256);
    String delivered = "msg-delivered2222222222";
    String jwe =
        SealedMessages.jwe(keys, HANDSET, delivered, new MessageContent("Old subject", "Old body"));
    api.json(
        "GET",
        INBOX,
        200,
        SealedMessages.inbox(
            HANDSET,
            pending(keys, MESSAGE, new MessageContent("New subject", "New body")),
            SealedMessages.entry(
                delivered, "DELIVERED", Instant.parse("2026-11-22T08:30:00.5Z"), jwe)));

    assertEquals(HandsetCli.EXIT_OK, run("", "inbox"));

    List<String> lines = out().lines().toList();
    assertEquals("2 messages for handset hs-1, newest first:", lines.get(0));
    assertTrue(
        lines.get(1).matches("MESSAGE +STATE +SENT +DELIVERED +EXPIRES +FROM"), lines.get(1));
    assertTrue(
        lines
            .get(2)
            .matches(
                MESSAGE
                    + " +PENDING +2026-11-21T10:00:00Z +- +2026-11-28T10:00:00Z +Test bank"
                    + " \\(47401100\\)"),
        lines.get(2));
    assertTrue(
        lines
            .get(3)
            .matches(
                delivered
                    + " +DELIVERED +2026-11-21T10:00:00Z +2026-11-22T08:30:00Z"
                    + " +2026-11-28T10:00:00Z +Test bank \\(47401100\\)"),
        lines.get(3));
    assertEquals(4, lines.size(), out());
    for (String content : List.of("subject", "body", "ciphertext")) {
      assertFalse(out().contains(content), out());
    }
    assertEquals(List.of("GET " + INBOX), calls());
    assertEquals("Bearer tk1." + SECRET, api.requests().get(0).authorization());
  }

  @Test
  void anEmptyInboxSaysSo() throws IOException {
    enrolled(KeyAlgorithm.EC_P256);
    api.json("GET", INBOX, 200, SealedMessages.inbox(HANDSET));

    assertEquals(HandsetCli.EXIT_OK, run("", "inbox"));
    assertEquals("No messages for handset hs-1.\n", out());
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void readDecryptsWithTheSavedKeyAndDoesNotAcknowledge(KeyAlgorithm algorithm) throws IOException {
    KeyPair keys = enrolled(algorithm);
    String properties = Files.readString(state.resolve(HandsetState.PROPERTIES));
    api.json(
        "GET",
        INBOX,
        200,
        SealedMessages.inbox(
            HANDSET,
            pending(
                keys,
                MESSAGE,
                new MessageContent("Your statement", "It is ready.\nSee you soon. ✓"))));

    assertEquals(HandsetCli.EXIT_OK, run("", "read", MESSAGE), err());

    assertEquals(
        """
        Message  msg-abcdefghijkmnpqrstu
        From     Test bank (47401100)
        Sent     2026-11-21T10:00:00Z
        Expires  2026-11-28T10:00:00Z
        State    PENDING, not acknowledged (ack msg-abcdefghijkmnpqrstu tells the server it was\
         read)
        Subject  Your statement

        It is ready.
        See you soon. ✓
        """,
        out());
    assertEquals("", err());
    assertEquals(List.of("GET " + INBOX), calls(), "read alone must not acknowledge");
    assertEquals(properties, Files.readString(state.resolve(HandsetState.PROPERTIES)));
  }

  @Test
  void readWithAckAcknowledgesOnceDecrypted() throws IOException {
    KeyPair keys = enrolled(KeyAlgorithm.RSA_2048);
    String jwe = SealedMessages.jwe(keys, HANDSET, MESSAGE, new MessageContent(null, "Hello"));
    api.json(
            "GET",
            INBOX,
            200,
            SealedMessages.inbox(HANDSET, SealedMessages.entry(MESSAGE, "PENDING", null, jwe)))
        .json(
            "POST",
            INBOX + "/" + MESSAGE + "/ack",
            200,
            SealedMessages.entry(
                    MESSAGE, "DELIVERED", Instant.parse("2026-11-21T10:05:00.25Z"), jwe)
                .toString());

    assertEquals(HandsetCli.EXIT_OK, run("", "read", "--ack", MESSAGE), err());

    assertTrue(out().contains("State    DELIVERED at 2026-11-21T10:05:00Z\n"), out());
    assertTrue(out().contains("Subject  (none)\n\nHello\n"), out());
    assertEquals(List.of("GET " + INBOX, "POST " + INBOX + "/" + MESSAGE + "/ack"), calls());
  }

  @Test
  void aMessageThatCannotBeReadSaysWhyExitsWith1AndIsNotAcknowledged() throws IOException {
    KeyPair keys = enrolled(KeyAlgorithm.EC_P256);
    String forAnother =
        SealedMessages.jwe(keys, "hs-other", MESSAGE, new MessageContent(null, "Not yours"));
    api.json(
        "GET",
        INBOX,
        200,
        SealedMessages.inbox(HANDSET, SealedMessages.entry(MESSAGE, "PENDING", null, forAnother)));

    assertEquals(HandsetCli.EXIT_FAILED, run("", "read", "--ack", MESSAGE));

    assertTrue(
        err()
            .startsWith(
                "portcullis-handset: message "
                    + MESSAGE
                    + " cannot be read: the message's header names another handset than hs-1.\n"),
        err());
    assertTrue(err().contains("'delete " + MESSAGE + "' removes it"), err());
    assertEquals("", out());
    assertEquals(List.of("GET " + INBOX), calls());
  }

  @Test
  void aMessageNotInTheInboxCannotBeRead() throws IOException {
    enrolled(KeyAlgorithm.EC_P256);
    api.json("GET", INBOX, 200, SealedMessages.inbox(HANDSET));

    assertEquals(HandsetCli.EXIT_FAILED, run("", "read", MESSAGE));
    assertTrue(err().contains(MESSAGE + " is not in the inbox of handset hs-1"), err());
  }

  @Test
  void whatTheServerSentCannotDriveTheTerminal() throws IOException {
    KeyPair keys = enrolled(KeyAlgorithm.EC_P256);
    api.json(
        "GET",
        INBOX,
        200,
        SealedMessages.inbox(
            HANDSET,
            pending(
                keys,
                MESSAGE,
                new MessageContent("Urgent\u001b]0;pwned\u0007", "Pay \u202eslip\rnow\u001b[2J"))));

    assertEquals(HandsetCli.EXIT_OK, run("", "read", MESSAGE), err());

    assertTrue(out().contains("Subject  Urgent\\u001b]0;pwned\\u0007\n"), out());
    assertTrue(out().contains("\nPay \\u202eslip\\u000dnow\\u001b[2J\n"), out());
    assertFalse(out().chars().anyMatch(c -> c == 0x1b || c == 0x202e || c == '\r'), out());
  }

  @Test
  void ackDeleteAndReplyAreOneRequestEach() throws IOException {
    enrolled(KeyAlgorithm.EC_P256);
    api.json(
            "POST",
            INBOX + "/" + MESSAGE + "/ack",
            200,
            SealedMessages.entry(
                    MESSAGE,
                    "DELIVERED",
                    Instant.parse("2026-11-21T10:05:00Z"),
                    Json.createObjectBuilder().build().toString())
                .toString())
        .noContent("DELETE", INBOX + "/" + MESSAGE)
        .json(
            "POST",
            INBOX + "/" + MESSAGE + "/replies",
            201,
            "{\"replyId\":\"rpl-1\",\"messageId\":\""
                + MESSAGE
                + "\",\"createdAt\":\"2026-11-21T10:06:00Z\"}");

    assertEquals(HandsetCli.EXIT_OK, run("", "ack", MESSAGE), err());
    assertEquals(HandsetCli.EXIT_OK, run("", "reply", MESSAGE, "--body", "Yes, please"), err());
    assertEquals(HandsetCli.EXIT_OK, run("", "delete", MESSAGE), err());

    assertEquals(
        "Message "
            + MESSAGE
            + " acknowledged: delivered at 2026-11-21T10:05:00Z.\n"
            + "Replied to message "
            + MESSAGE
            + " (reply rpl-1).\n"
            + "Message "
            + MESSAGE
            + " deleted from handset hs-1.\n",
        out());
    assertEquals(
        List.of(
            "POST " + INBOX + "/" + MESSAGE + "/ack",
            "POST " + INBOX + "/" + MESSAGE + "/replies",
            "DELETE " + INBOX + "/" + MESSAGE),
        calls());
    assertEquals("{\"body\":\"Yes, please\"}", api.requests().get(1).body());
  }

  @Test
  void aReplyIsReadFromStandardInputWithoutItsTrailingLineBreaks() throws IOException {
    enrolled(KeyAlgorithm.EC_P256);
    api.json(
        "POST",
        INBOX + "/" + MESSAGE + "/replies",
        201,
        "{\"replyId\":\"rpl-2\",\"messageId\":\"" + MESSAGE + "\",\"createdAt\":\"2026-11-21Z\"}");

    assertEquals(HandsetCli.EXIT_OK, run("Yes.\n\n  Thanks\r\n\n", "reply", MESSAGE), err());

    assertEquals("{\"body\":\"Yes.\\n\\n  Thanks\"}", api.requests().get(0).body());
  }

  @Test
  void aReplyOfExactly64KibIsSent() throws IOException {
    enrolled(KeyAlgorithm.EC_P256);
    api.json(
        "POST",
        INBOX + "/" + MESSAGE + "/replies",
        201,
        "{\"replyId\":\"rpl-3\",\"messageId\":\"" + MESSAGE + "\",\"createdAt\":\"2026-11-21Z\"}");

    // 2-byte characters: 32768 of them are 65536 bytes of UTF-8
    assertEquals(HandsetCli.EXIT_OK, run("é".repeat(32768) + "\n", "reply", MESSAGE), err());
    assertEquals(1, api.requests().size());
  }

  @ParameterizedTest(name = "[{index}] {0} characters")
  @ValueSource(ints = {65537, 300_000})
  void aReplyOver64KibOnStandardInputIsAUsageErrorAndNothingIsSent(int length) throws IOException {
    enrolled(KeyAlgorithm.EC_P256);

    assertEquals(HandsetCli.EXIT_USAGE, run("x".repeat(length), "reply", MESSAGE));

    assertTrue(err().contains("longer than 65536 bytes of UTF-8"), err());
    assertEquals(List.of(), api.requests());
  }

  @Test
  void aReplyOver64KibInBytesIsAUsageErrorThoughItHasFewerCharacters() throws IOException {
    enrolled(KeyAlgorithm.EC_P256);

    assertEquals(HandsetCli.EXIT_USAGE, run("é".repeat(32769), "reply", MESSAGE));
    assertTrue(err().contains("is 65538 bytes of UTF-8; a reply may have at most 65536"), err());
    assertEquals(HandsetCli.EXIT_USAGE, run("", "reply", MESSAGE, "--body=" + "€".repeat(21846)));
    assertEquals(List.of(), api.requests());
  }

  @Test
  void anEmptyReplyIsAUsageError() throws IOException {
    enrolled(KeyAlgorithm.EC_P256);

    assertEquals(HandsetCli.EXIT_USAGE, run("\n\n", "reply", MESSAGE));
    assertTrue(err().contains("a reply needs some text"), err());
    assertEquals(List.of(), api.requests());
  }

  @Test
  void aTokenTheServerNoLongerTakesSaysToEnrollAgain() throws IOException {
    enrolled(KeyAlgorithm.EC_P256);
    api.problem("GET", INBOX, 401, "login-required", "Log in again.");

    assertEquals(HandsetCli.EXIT_FAILED, run("", "inbox"));

    assertEquals(
        "portcullis-handset: refused (login-required): Log in again.\n"
            + "The token is no longer valid: enroll again, with a new --state directory.\n",
        err());
  }

  @Test
  void aRefusalShowsItsProblemTypeAndDetail() throws IOException {
    enrolled(KeyAlgorithm.EC_P256);
    api.problem(
        "POST",
        INBOX + "/" + MESSAGE + "/ack",
        404,
        "unknown-message",
        "There is no such message in this inbox.");

    assertEquals(HandsetCli.EXIT_FAILED, run("", "ack", MESSAGE));

    assertEquals(
        "portcullis-handset: refused (unknown-message): There is no such message in this"
            + " inbox.\n",
        err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"inbox", "read msg-1", "ack msg-1", "delete msg-1", "reply msg-1"})
  void withoutAnEnrolledHandsetTheyAreUsageErrors(String command) {
    assertEquals(HandsetCli.EXIT_USAGE, run("a reply", command.split(" ")));

    assertTrue(err().contains("enroll first"), err());
    assertEquals(List.of(), api.requests());
  }

  @Test
  void anotherServerAddressMayBeNamed() throws IOException {
    enrolled(KeyAlgorithm.EC_P256);
    api.json("GET", INBOX, 200, SealedMessages.inbox(HANDSET));
    try (FakeHandsetApi other = new FakeHandsetApi()) {
      other.json("GET", INBOX, 200, SealedMessages.inbox(HANDSET));

      assertEquals(HandsetCli.EXIT_OK, run("", "inbox", "--server", other.base().toString()));

      assertEquals(1, other.requests().size());
      assertEquals(List.of(), api.requests());
    }
  }
}
