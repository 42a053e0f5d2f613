package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.portcullis.launcher.LauncherProcesses.freePort;
import static org.portcullis.launcher.LauncherProcesses.kill;
import static org.portcullis.launcher.LauncherProcesses.log;
import static org.portcullis.launcher.LauncherProcesses.randomToken;
import static org.portcullis.launcher.LauncherProcesses.tail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code java -jar target/portcullis.jar} as an operator would, stops it with SIGTERM and
 * starts it again on the same data directory: what was created before the stop must still be there,
 * the audit chain must still verify, and demo mode must not seed a second time. On the way, a test
 * SMS and a test mail go the whole demo path (outbox, SMPP adapter, mail session) to the launcher's
 * demo SMS gateway and mail server, which show them on the console, and a secure message goes from
 * a sender to a handset run by the reference client's command line, which reads and answers it.
 */
class LauncherRestartIT {

  private static final Pattern SYSTEM_ID = Pattern.compile("Relying system ID\\s+(\\d{8})");
  private static final String MSISDN = "+15550109999";
  private static final Pattern ENROLLMENT_CODE =
      Pattern.compile("Your Portcullis enrollment code is ([0-9]{6})");
  private static final Pattern ENROLLED = Pattern.compile("Enrolled as handset (\\S+)\\.");
  private static final Pattern REPLIED = Pattern.compile("\\(reply (\\S+)\\)");

  @TempDir Path data;

  /** The handset's state directory goes below: the client creates it, owner-only. */
  @TempDir Path handsetHome;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String adminPassword = randomToken();
  private int port;

  @Test
  void dataSurvivesARestartAndDemoDataIsSeededOnce() throws Exception {
    port = freePort();
    String account = "it-" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);

    Process first = start("first-start.log");
    String firstSystemId;
    String handsetId;
    try {
      firstSystemId = awaitBanner(first, "first-start.log");
      HttpResponse<String> created =
          send(
              "POST",
              "api/v1/admin/customers",
              "{\"account\":\"%s\",\"msisdn\":\"%s\",\"email\":\"it@example.org\"}"
                  .formatted(account, MSISDN));
      assertEquals(201, created.statusCode(), created.body());
      sendsThroughTheDemoPeers();
      handsetId = readsAndAnswersASecureMessageWithTheHandsetCli();

      first.destroy(); // SIGTERM, as Ctrl-C or a service manager would
      assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the launcher did not stop within 60 s");
      assertTrue(log("first-start.log").contains("Portcullis stopped"), log("first-start.log"));
    } finally {
      kill(first);
    }

    Path credentials = data.resolve("demo-credentials.properties");
    assertTrue(Files.isRegularFile(credentials), "demo credentials were not kept");
    Properties stored = new Properties();
    try (var reader = Files.newBufferedReader(credentials, StandardCharsets.UTF_8)) {
      stored.load(reader);
    }
    assertEquals(firstSystemId, stored.getProperty("system.id"));

    Process second = start("second-start.log");
    try {
      assertEquals(firstSystemId, awaitBanner(second, "second-start.log"), "seeded twice");

      HttpResponse<String> customer = send("GET", "api/v1/admin/customers/" + account, null);
      assertEquals(200, customer.statusCode(), customer.body());
      assertEquals(account, json(customer.body()).getString("account"));

      HttpResponse<String> audit = send("GET", "api/v1/admin/audit/verify", null);
      assertEquals(200, audit.statusCode(), audit.body());
      JsonObject verdict = json(audit.body());
      assertTrue(verdict.getBoolean("valid"), audit.body());
      assertTrue(verdict.getJsonNumber("rows").longValue() > 0, audit.body());

      // the handset's token works after the restart, and the deleted message stays deleted
      HandsetCommands.Result inbox = handset("", "inbox");
      assertEquals(0, inbox.status(), inbox::toString);
      assertEquals("No messages for handset " + handsetId + ".\n", inbox.out(), inbox::toString);
    } finally {
      kill(second);
    }
  }

  /**
   * A secure message from a sender to the customer's handset, which the reference client's command
   * line runs, one process per command as a customer would: enroll with the code the demo gateway
   * shows, then inbox, read (the client decrypts with jose4j what the server encrypted with
   * Nimbus), ack, reply (which the sender fetches) and delete, the sender seeing each step.
   *
   * @return the handset's id
   */
  private String readsAndAnswersASecureMessageWithTheHandsetCli() throws Exception {
    HandsetCommands.Running enroll =
        HandsetCommands.start(
            "enroll",
            "--server",
            "http://127.0.0.1:" + port,
            "--msisdn",
            MSISDN,
            "--state",
            handsetState().toString());
    HandsetCommands.Result enrolled;
    try {
      enrolled = enroll.finish(awaitEnrollmentCode() + "\n");
    } finally {
      if (enroll.isAlive()) {
        enroll.kill();
      }
    }
    assertEquals(0, enrolled.status(), enrolled::toString);
    Matcher enrolledAs = ENROLLED.matcher(enrolled.out());
    assertTrue(enrolledAs.find(), enrolled::toString);
    String handsetId = enrolledAs.group(1);
    assertEquals(
        PosixFilePermissions.fromString("rwx------"),
        Files.getPosixFilePermissions(handsetState()));
    assertEquals(
        PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(handsetState().resolve("private-key.pem")));

    HttpResponse<String> registered =
        send(
            "POST",
            "api/v1/admin/systems",
            "{\"name\":\"Launcher test sender\",\"roles\":[\"SENDER\"]}");
    assertEquals(201, registered.statusCode(), registered.body());
    String senderId = json(registered.body()).getString("systemId");
    String sender = basic(senderId, json(registered.body()).getString("secret"));
    String marker = randomToken().substring(4, 16);
    String subject = "Statement " + marker;
    String body = "Your statement " + marker + " is ready.\nZürich branch ✓";
    HttpResponse<String> submitted =
        send(
            sender,
            "POST",
            "api/v1/messages",
            Json.createObjectBuilder()
                .add("msisdn", MSISDN)
                .add("subject", subject)
                .add("body", body)
                .build()
                .toString());
    assertEquals(201, submitted.statusCode(), submitted.body());
    String messageId = json(submitted.body()).getString("messageId");
    assertEquals("NOTIFIED", json(submitted.body()).getString("state"), submitted.body());
    awaitLog(
        "first-start.log",
        "demo SMS gateway received an SMS",
        "You have a secure message from Launcher test sender");

    HandsetCommands.Result inbox = handset("", "inbox");
    assertEquals(0, inbox.status(), inbox::toString);
    assertTrue(
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(messageId)
                    + " +PENDING +\\S+Z +- +\\S+Z +Launcher test sender \\("
                    + senderId
                    + "\\)$")
            .matcher(inbox.out())
            .find(),
        inbox::toString);
    assertFalse(inbox.out().contains(marker), inbox::toString);

    HandsetCommands.Result read = handset("", "read", messageId);
    assertEquals(0, read.status(), read::toString);
    assertTrue(
        read.out().contains("From     Launcher test sender (" + senderId + ")\n"), read::toString);
    assertTrue(read.out().contains("State    PENDING, not acknowledged"), read::toString);
    assertTrue(read.out().contains("Subject  " + subject + "\n\n" + body + "\n"), read::toString);
    assertEquals("", read.err(), "nothing on standard error, no SLF4J warning either");
    assertEquals("NOTIFIED", messageState(sender, messageId), "read alone must not acknowledge");

    HandsetCommands.Result ack = handset("", "ack", messageId);
    assertEquals(0, ack.status(), ack::toString);
    assertTrue(
        ack.out().startsWith("Message " + messageId + " acknowledged: delivered at "),
        ack::toString);
    assertEquals("DELIVERED", messageState(sender, messageId));

    String replyText = "Received " + marker + ", thank you.";
    HandsetCommands.Result reply = handset(replyText + "\n", "reply", messageId);
    assertEquals(0, reply.status(), reply::toString);
    Matcher replied = REPLIED.matcher(reply.out());
    assertTrue(replied.find(), reply::toString);
    HttpResponse<String> replies =
        send(sender, "GET", "api/v1/messages/" + messageId + "/replies", null);
    assertEquals(200, replies.statusCode(), replies.body());
    JsonObject only = json(replies.body()).getJsonArray("replies").getJsonObject(0);
    assertEquals(replied.group(1), only.getString("replyId"), replies.body());
    assertEquals(replyText, only.getString("body"), replies.body());

    HandsetCommands.Result unknown = handset("", "ack", "msg-unknown");
    assertEquals(1, unknown.status(), unknown::toString);
    assertTrue(
        unknown.err().startsWith("portcullis-handset: refused (unknown-message): "),
        unknown::toString);

    HandsetCommands.Result delete = handset("", "delete", messageId);
    assertEquals(0, delete.status(), delete::toString);
    assertEquals(
        "Message " + messageId + " deleted from handset " + handsetId + ".\n", delete.out());
    assertEquals("DELETED", messageState(sender, messageId));

    assertFalse(
        log("first-start.log").contains(marker),
        "the server's console (its SMS notice included) must show nothing of the content");
    return handsetId;
  }

  /** Runs one command of the handset client on this test's handset. */
  private HandsetCommands.Result handset(String stdin, String... args) throws Exception {
    List<String> line = new ArrayList<>(List.of(args));
    line.addAll(List.of("--state", handsetState().toString()));
    return HandsetCommands.run(stdin, line.toArray(String[]::new));
  }

  private Path handsetState() {
    return handsetHome.resolve("handset");
  }

  /** The server OTP, as the demo SMS gateway shows the SMS that carries it. */
  private static String awaitEnrollmentCode() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      Matcher code = ENROLLMENT_CODE.matcher(log("first-start.log"));
      if (code.find()) {
        return code.group(1);
      }
      Thread.sleep(500);
    }
    fail("the demo SMS gateway never showed an enrollment code:\n" + tail(log("first-start.log")));
    return null;
  }

  private String messageState(String sender, String messageId) throws Exception {
    HttpResponse<String> status = send(sender, "GET", "api/v1/messages/" + messageId, null);
    assertEquals(200, status.statusCode(), status.body());
    return json(status.body()).getString("state");
  }

  /**
   * Staff test sends: the SMS reaches the demo gateway over SMPP and its delivery receipt comes
   * back (DELIVERED); the mail reaches the demo mail server over SMTP.
   */
  private void sendsThroughTheDemoPeers() throws Exception {
    String banner = log("first-start.log");
    assertTrue(banner.contains("demo SMS gateway on 127.0.0.1:"), tail(banner));
    assertTrue(banner.contains("demo mail server on 127.0.0.1:"), tail(banner));
    String code = Long.toString(100_000 + new SecureRandom().nextInt(900_000));

    HttpResponse<String> sms =
        send(
            "POST",
            "api/v1/admin/outbox/sms",
            "{\"to\":\"+15550109999\",\"text\":\"Launcher test %s\"}".formatted(code));
    HttpResponse<String> mail =
        send(
            "POST",
            "api/v1/admin/outbox/mail",
            "{\"to\":\"it@example.org\",\"subject\":\"Launcher test %s\",\"text\":\"Hello\"}"
                .formatted(code));
    assertEquals(202, sms.statusCode(), sms.body());
    assertEquals(202, mail.statusCode(), mail.body());

    long smsId = json(sms.body()).getJsonNumber("id").longValue();
    awaitLog("first-start.log", "demo SMS gateway received an SMS", "Launcher test " + code);
    awaitLog("first-start.log", "demo mail server received a mail", "Launcher test " + code);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String delivered = "";
    while (Instant.now().isBefore(deadline)) {
      delivered = send("GET", "api/v1/admin/outbox/sms?state=DELIVERED", null).body();
      try (var reader = Json.createReader(new StringReader(delivered))) {
        if (reader.readArray().getValuesAs(JsonObject.class).stream()
            .anyMatch(row -> row.getJsonNumber("id").longValue() == smsId)) {
          return;
        }
      }
      Thread.sleep(500);
    }
    fail("SMS " + smsId + " never DELIVERED (no delivery receipt?): " + delivered);
  }

  /** Waits until the console shows {@code marker} followed later by {@code text}. */
  private static void awaitLog(String logName, String marker, String text) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      String log = log(logName);
      int at = log.indexOf(marker);
      if (at >= 0 && log.indexOf(text, at) > 0) {
        return;
      }
      Thread.sleep(500);
    }
    fail("the console never showed '" + marker + "' with '" + text + "':\n" + tail(log(logName)));
  }

  private Process start(String logName) throws IOException {
    return start(logName, List.of(), Map.of());
  }

  private Process start(String logName, List<String> options, Map<String, String> environment)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "--port",
                Integer.toString(port),
                "--data",
                data.toString(),
                "--admin-password",
                adminPassword,
                "--demo"));
    command.addAll(options);
    return LauncherProcesses.start(logName, command, environment);
  }

  /**
   * An SMS queued while the gateway is unreachable is still there after a restart, and goes out
   * once a gateway answers: the outbox rows are the durable state.
   */
  @Test
  void anSmsQueuedWhileTheGatewayIsAwayIsSentAfterARestart() throws Exception {
    port = freePort();
    String text = "Queued across a restart " + randomToken().substring(0, 8);
    Process first =
        start(
            "gateway-away.log",
            List.of("--smsc", "127.0.0.1:" + freePort(), "--smsc-system-id", "portcullis"),
            Map.of("PORTCULLIS_SMSC_PASSWORD", "nobody01"));
    long smsId;
    try {
      awaitBanner(first, "gateway-away.log");
      HttpResponse<String> queued =
          send(
              "POST",
              "api/v1/admin/outbox/sms",
              "{\"to\":\"+15550109998\",\"text\":\"%s\"}".formatted(text));
      assertEquals(202, queued.statusCode(), queued.body());
      smsId = json(queued.body()).getJsonNumber("id").longValue();
      Thread.sleep(3000);
      HttpResponse<String> waiting = send("GET", "api/v1/admin/outbox/sms?state=QUEUED", null);
      assertTrue(
          waiting.body().contains("\"id\":" + smsId),
          "not waiting in the outbox: " + waiting.body());
      first.destroy();
      assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the launcher did not stop within 60 s");
    } finally {
      kill(first);
    }

    Process second = start("gateway-back.log"); // the demo gateway this time
    try {
      awaitBanner(second, "gateway-back.log");
      awaitLog("gateway-back.log", "demo SMS gateway received an SMS", text);
    } finally {
      kill(second);
    }
  }

  /**
   * A secure message's retention ends while the server is down: started again with its clock two
   * hours on (libfaketime moves the wall clock of the whole JVM), the retention timer finds it in
   * the database and expires it once. Then nothing of the message is readable in the data
   * directory: database files and logs.
   */
  @Test
  void aSecureMessageExpiresAfterARestartWithTheClockMovedAndLeavesNoPlaintext() throws Exception {
    port = freePort();
    String marker = "PLAINTEXT-" + randomToken().substring(0, 12);
    String account = "it-" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
    String messageId;
    String sender;
    Process first = start("retention-first.log");
    try {
      awaitBanner(first, "retention-first.log");
      HttpResponse<String> created =
          send(
              "POST",
              "api/v1/admin/customers",
              "{\"account\":\"%s\",\"msisdn\":\"+15550107777\"}".formatted(account));
      assertEquals(201, created.statusCode(), created.body());
      HttpResponse<String> registered =
          send(
              "POST",
              "api/v1/admin/systems",
              "{\"name\":\"Retention bank\",\"roles\":[\"SENDER\"]}");
      assertEquals(201, registered.statusCode(), registered.body());
      JsonObject system = json(registered.body());
      sender = basic(system.getString("systemId"), system.getString("secret"));
      HttpResponse<String> submitted =
          send(
              sender,
              "POST",
              "api/v1/messages",
              "{\"msisdn\":\"+15550107777\",\"subject\":\"%s\",\"body\":\"%s\",\"retention\":\"PT1H\"}"
                  .formatted(marker, marker));
      assertEquals(201, submitted.statusCode(), submitted.body());
      messageId = json(submitted.body()).getString("messageId");
      assertEquals("AWAITING_ENROLLMENT", json(submitted.body()).getString("state"));
      first.destroy();
      assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the launcher did not stop within 60 s");
    } finally {
      kill(first);
    }

    Process second = start("retention-second.log", List.of(), LauncherProcesses.clockAhead("+2h"));
    try {
      awaitBanner(second, "retention-second.log");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
      String state = "";
      while (Instant.now().isBefore(deadline)) {
        HttpResponse<String> status = send(sender, "GET", "api/v1/messages/" + messageId, null);
        assertEquals(200, status.statusCode(), status.body());
        state = json(status.body()).getString("state");
        if ("EXPIRED".equals(state)) {
          break;
        }
        Thread.sleep(2000);
      }
      assertEquals("EXPIRED", state, "the retention timer did not expire the message");
      HttpResponse<String> expiries =
          send("GET", "api/v1/admin/audit?action=message.expire&subject=" + messageId, null);
      assertEquals(1, Json.createReader(new StringReader(expiries.body())).readArray().size());
      second.destroy();
      assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the launcher did not stop within 60 s");
    } finally {
      kill(second);
    }

    List<Path> files;
    try (var walk = Files.walk(data)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".mv.db")), "no database files");
    List<Path> withAccount = filesContaining(files, account);
    assertFalse(withAccount.isEmpty(), "the scan does not even find the account name");
    assertEquals(List.of(), filesContaining(files, marker), "the message's text in clear");
  }

  private static List<Path> filesContaining(List<Path> files, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<Path> found = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      for (int i = 0; i <= bytes.length - needle.length; i++) {
        if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
          found.add(file);
          break;
        }
      }
    }
    return found;
  }

  /** Waits for the ready banner and returns the demo system ID it shows. */
  private static String awaitBanner(Process process, String logName) throws Exception {
    Matcher matcher = SYSTEM_ID.matcher(LauncherProcesses.awaitBanner(process, logName, SYSTEM_ID));
    matcher.find();
    return matcher.group(1);
  }

  private HttpResponse<String> send(String method, String path, String json)
      throws IOException, InterruptedException {
    return send(basic("admin", adminPassword), method, path, json);
  }

  private HttpResponse<String> send(String authorization, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/").resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
