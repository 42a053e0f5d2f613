package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.handset.client.EnrolledHandset;
import org.portcullis.handset.client.HandsetClient;
import org.portcullis.handset.client.HandsetKeys;
import org.portcullis.handset.client.InboxMessage;
import org.portcullis.handset.client.KeyAlgorithm;
import org.portcullis.handset.client.MessageReader;
import org.portcullis.handset.client.ProblemException;
import org.portcullis.handset.client.ReadMessage;
import org.portcullis.handset.client.UnreadableMessageException;
import org.portcullis.it.Fixtures.TestCustomer;
import org.portcullis.it.Fixtures.TestSystem;
import org.portcullis.message.internal.MessageRetention;
import org.portcullis.time.PortcullisClock;

/**
 * Secure messages end to end (docs/secure-messages.md), with the reference handset client (which
 * decrypts with jose4j while the server encrypts with Nimbus), the SMPP simulator as the SMS
 * gateway and a real HTTP receiver for the sender's webhook.
 */
@ExtendWith(ArquillianExtension.class)
class SecureMessagesIT {

  private static final String MESSAGES = "/api/v1/messages";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Inject PortcullisClock clock;

  @Inject MessageRetention retention;

  @Resource(lookup = "jdbc/portcullis")
  DataSource database;

  private final HandsetClient client = new HandsetClient(URI.create(Api.BASE));

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** A handset of the customer with its key pair, enrolled through the reference client. */
  record Phone(EnrolledHandset handset, KeyPair keys) {
    String id() {
      return handset.handsetId();
    }
  }

  private Phone phone(TestCustomer customer, KeyAlgorithm algorithm) throws Exception {
    EnrolledHandset handset = PatternFixtures.enroll(customer);
    KeyPair keys = HandsetKeys.generate(algorithm);
    client.uploadPublicKey(handset, keys.getPublic());
    return new Phone(handset, keys);
  }

  private static TestSystem sender() {
    return Fixtures.system("[\"SENDER\"]", "");
  }

  private static String marker() {
    return "PLAINTEXT-" + UUID.randomUUID();
  }

  private static String message(String msisdn, String subject, String body, String retention) {
    return "{\"msisdn\":\""
        + msisdn
        + "\""
        + (subject == null ? "" : ",\"subject\":\"" + subject + "\"")
        + ",\"body\":\""
        + body
        + "\""
        + (retention == null ? "" : ",\"retention\":\"" + retention + "\"")
        + "}";
  }

  private static String submit(TestSystem sender, String msisdn, String marker, String state) {
    Api.Reply reply =
        sender.api().post(MESSAGES, message(msisdn, "About " + marker, "Body " + marker, null));
    assertEquals(201, reply.status(), reply::toString);
    JsonObject answer = reply.json();
    assertEquals(state, answer.getString("state"), answer::toString);
    assertTrue(answer.getString("messageId").startsWith("msg-"), answer::toString);
    return answer.getString("messageId");
  }

  private static JsonObject status(TestSystem sender, String messageId) {
    Api.Reply reply = sender.api().get(MESSAGES + "/" + messageId);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private ReadMessage read(Phone phone, String messageId) throws Exception {
    return MessageReader.read(inboxEntry(phone, messageId), phone.id(), phone.keys().getPrivate());
  }

  private InboxMessage inboxEntry(Phone phone, String messageId) throws Exception {
    return client.inbox(phone.handset()).stream()
        .filter(m -> m.messageId().equals(messageId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(messageId + " is not in " + phone.id() + "'s inbox"));
  }

  /** The notice the simulator received for this message, which must carry none of its content. */
  private static String noticeTo(String msisdn, String contains, String marker) {
    String text = Peers.awaitSmsTo(msisdn, t -> t.contains(contains));
    assertFalse(text.contains(marker), text);
    assertFalse(text.contains("About"), text);
    return text;
  }

  private String column(String sql, String messageId) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, messageId);
      try (ResultSet rows = statement.executeQuery()) {
        assertTrue(rows.next(), sql);
        return rows.getString(1);
      }
    }
  }

  private String serverKeyOf(String messageId) throws SQLException {
    return column("SELECT server_key FROM secure_message WHERE message_id = ?", messageId);
  }

  @Test
  void aMessageReachesAnEcAndAnRsaHandsetAndOnlyThem() throws Exception {
    TestSystem sender = sender();
    TestCustomer customer = Fixtures.customer();
    Phone ec = phone(customer, KeyAlgorithm.EC_P256);
    Phone rsa = phone(customer, KeyAlgorithm.RSA_2048);
    String marker = marker();

    String messageId = submit(sender, customer.msisdn(), marker, "NOTIFIED");
    String notice = noticeTo(customer.msisdn(), messageId, marker);
    assertTrue(notice.contains("secure message from Test bank"), notice);
    assertNotNull(serverKeyOf(messageId), "the server's wrap exists until delivery");

    for (Phone phone : List.of(ec, rsa)) {
      ReadMessage read = read(phone, messageId);
      assertEquals("About " + marker, read.subject());
      assertEquals("Body " + marker, read.body());
      assertTrue(read.senderName().startsWith("Test bank"), read::toString);
    }
    JsonObject before = status(sender, messageId);
    assertEquals("NOTIFIED", before.getString("state"));
    assertEquals(2, before.getJsonArray("handsets").size(), before::toString);

    // a copy whose header names another handset is refused by the reader, and its key opens nothing
    InboxMessage forEc = inboxEntry(ec, messageId);
    assertThrows(
        UnreadableMessageException.class,
        () -> MessageReader.read(forEc, rsa.id(), rsa.keys().getPrivate()));
    InboxMessage relabelled =
        new InboxMessage(
            forEc.messageId(),
            forEc.senderSystemId(),
            forEc.senderName(),
            forEc.state(),
            forEc.submittedAt(),
            forEc.expiresAt(),
            forEc.deliveredAt(),
            parse(forEc.jwe().toString().replace(ec.id(), rsa.id())));
    assertThrows(
        UnreadableMessageException.class,
        () -> MessageReader.read(relabelled, rsa.id(), rsa.keys().getPrivate()));

    InboxMessage acknowledged = client.acknowledge(ec.handset(), messageId);
    assertTrue(acknowledged.isDelivered());
    assertNull(serverKeyOf(messageId), "delivered: the server can no longer read the message");
    // a second fetch still lists it, as delivered; the other handset's copy is untouched
    assertTrue(inboxEntry(ec, messageId).isDelivered());
    assertEquals("Body " + marker, read(ec, messageId).body());
    assertFalse(inboxEntry(rsa, messageId).isDelivered());
    assertEquals("Body " + marker, read(rsa, messageId).body());
    // acknowledging again changes nothing
    assertTrue(client.acknowledge(ec.handset(), messageId).isDelivered());

    JsonObject after = status(sender, messageId);
    assertEquals("DELIVERED", after.getString("state"), after::toString);
    assertTrue(after.containsKey("deliveredAt"), after::toString);
  }

  @Test
  void aCustomerWithoutAHandsetIsToldToEnrollAndEveryHandsetEnrolledLaterReadsIt()
      throws Exception {
    TestSystem sender = sender();
    TestCustomer customer = Fixtures.customer();
    String marker = marker();
    String messageId = submit(sender, customer.msisdn(), marker, "AWAITING_ENROLLMENT");
    String notice = noticeTo(customer.msisdn(), "enroll", marker);
    assertTrue(notice.contains("/app/#/enroll"), notice);

    // enrolled by the handset's own SMS, REG <code>, through the simulator
    EnrolledHandset first =
        client.enrollWithHandsetOtp(
            customer.msisdn(),
            "ios",
            "REG",
            (from, text) -> Peers.sendMo(from.substring(1), "70707", text),
            Duration.ofSeconds(45));
    assertEquals("AWAITING_ENROLLMENT", status(sender, messageId).getString("state"));
    assertTrue(client.inbox(first).isEmpty(), "no key yet: nothing it could read");
    KeyPair firstKeys = HandsetKeys.generate(KeyAlgorithm.EC_P256);
    client.uploadPublicKey(first, firstKeys.getPublic());
    Phone one = new Phone(first, firstKeys);
    assertEquals("NOTIFIED", status(sender, messageId).getString("state"));
    assertEquals("Body " + marker, read(one, messageId).body());

    // a second handset, still before delivery, gets it too
    Phone two = phone(customer, KeyAlgorithm.RSA_2048);
    assertEquals("About " + marker, read(two, messageId).subject());
    client.acknowledge(two.handset(), messageId);
    assertNull(serverKeyOf(messageId));

    // after delivery a third handset cannot be given it: the server has nothing to wrap
    Phone three = phone(customer, KeyAlgorithm.EC_P256);
    assertTrue(
        client.inbox(three.handset()).stream().noneMatch(m -> m.messageId().equals(messageId)));
  }

  @Test
  void aKeyReplacedBeforeDeliveryReadsTheMessageAndTheOldKeyNoLonger() throws Exception {
    TestSystem sender = sender();
    TestCustomer customer = Fixtures.customer();
    Phone old = phone(customer, KeyAlgorithm.RSA_2048);
    String marker = marker();
    String messageId = submit(sender, customer.msisdn(), marker, "NOTIFIED");

    KeyPair replacement = HandsetKeys.generate(KeyAlgorithm.EC_P256);
    client.uploadPublicKey(old.handset(), replacement.getPublic());
    Phone renewed = new Phone(old.handset(), replacement);
    assertEquals("Body " + marker, read(renewed, messageId).body());
    assertThrows(UnreadableMessageException.class, () -> read(old, messageId));

    client.acknowledge(renewed.handset(), messageId);
    assertNull(serverKeyOf(messageId), "the server's wrap is erased at delivery");
    assertNull(column("SELECT server_header FROM secure_message WHERE message_id = ?", messageId));
  }

  @Test
  void deletingOnEveryHandsetDeletesTheMessageAndStaffCanDeleteOne() throws Exception {
    TestSystem sender = sender();
    TestCustomer customer = Fixtures.customer();
    Phone a = phone(customer, KeyAlgorithm.EC_P256);
    Phone b = phone(customer, KeyAlgorithm.EC_P256);
    String messageId = submit(sender, customer.msisdn(), marker(), "NOTIFIED");

    client.delete(a.handset(), messageId);
    assertTrue(client.inbox(a.handset()).stream().noneMatch(m -> m.messageId().equals(messageId)));
    ProblemException gone =
        assertThrows(ProblemException.class, () -> client.acknowledge(a.handset(), messageId));
    assertEquals(404, gone.status());
    JsonObject half = status(sender, messageId);
    assertEquals("NOTIFIED", half.getString("state"));
    assertTrue(half.toString().contains("\"state\":\"DELETED\""), half::toString);
    assertNotNull(column("SELECT ciphertext FROM secure_message WHERE message_id = ?", messageId));

    client.delete(b.handset(), messageId);
    assertEquals("DELETED", status(sender, messageId).getString("state"));
    assertNull(column("SELECT ciphertext FROM secure_message WHERE message_id = ?", messageId));
    assertEquals(
        "0",
        column(
            "SELECT COUNT(*) FROM secure_message_copy c JOIN secure_message m ON c.message_ref ="
                + " m.id WHERE m.message_id = ? AND c.encrypted_key IS NOT NULL",
            messageId));

    // staff delete a message sent by mistake; the audit log says who, never what
    String mistake = submit(sender, customer.msisdn(), marker(), "NOTIFIED");
    Api.Reply deleted = Api.admin().delete("/api/v1/admin/messages/" + mistake);
    assertEquals(200, deleted.status(), deleted::toString);
    assertEquals("DELETED", deleted.json().getString("state"));
    assertEquals("DELETED", status(sender, mistake).getString("state"));
    assertEquals(409, Api.admin().delete("/api/v1/admin/messages/" + mistake).status());
    Api.Reply audit =
        Api.admin().get("/api/v1/admin/audit?action=message.delete&subject=" + mistake);
    assertTrue(audit.text().contains("staff:admin"), audit::toString);

    // staff see messages without content, with the MSISDN masked
    Api.Reply listed = Api.admin().get("/api/v1/admin/messages?sender=" + sender.systemId());
    assertEquals(200, listed.status(), listed::toString);
    assertEquals("2", listed.header("X-Total-Count").orElseThrow());
    assertFalse(listed.text().contains(customer.msisdn()), listed::toString);
    assertTrue(listed.text().contains(customer.account()), listed::toString);
  }

  @Test
  void retentionEndsWithTheClockMovedAndEverythingOfTheMessageIsErased() throws Exception {
    TestSystem sender = sender();
    TestCustomer customer = Fixtures.customer();
    Phone phone = phone(customer, KeyAlgorithm.EC_P256);
    Api.Reply submitted =
        sender
            .api()
            .post(MESSAGES, message(customer.msisdn(), null, "Short-lived " + marker(), "PT10M"));
    assertEquals(201, submitted.status(), submitted::toString);
    String messageId = submitted.json().getString("messageId");
    client.reply(phone.handset(), messageId, "A reply that must go too");
    assertEquals(1, replies(sender, messageId).size());

    clock.advance(Duration.ofMinutes(11));
    assertTrue(retention.run() >= 1);

    assertEquals("EXPIRED", status(sender, messageId).getString("state"));
    assertTrue(client.inbox(phone.handset()).isEmpty());
    assertTrue(replies(sender, messageId).isEmpty());
    assertNull(column("SELECT ciphertext FROM secure_message WHERE message_id = ?", messageId));
    assertEquals(
        "0",
        column(
            "SELECT COUNT(*) FROM secure_message_reply r JOIN secure_message m ON r.message_ref"
                + " = m.id WHERE m.message_id = ?",
            messageId));
    // a second round (another node) does nothing more
    assertEquals(0, retention.run());
    Api.Reply audit =
        Api.admin().get("/api/v1/admin/audit?action=message.expire&subject=" + messageId);
    assertEquals(1, audit.jsonArray().size(), audit::toString);
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static List<JsonObject> replies(TestSystem sender, String messageId) {
    Api.Reply reply = sender.api().get(MESSAGES + "/" + messageId + "/replies");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("replies").getValuesAs(JsonObject.class);
  }

  @Test
  void repliesReachTheSenderAndItsWebhookSignedAndRetried() throws Exception {
    TestSystem sender = sender();
    try (WebhookReceiver receiver = WebhookReceiver.start(1)) {
      Api.Reply set =
          Api.admin()
              .put(
                  "/api/v1/admin/systems/" + sender.systemId() + "/webhook",
                  "{\"url\":\"" + receiver.url() + "\"}");
      assertEquals(200, set.status(), set::toString);
      String secret = set.json().getString("secret");
      assertTrue(secret.startsWith("whsec_"));

      TestCustomer customer = Fixtures.customer();
      Phone phone = phone(customer, KeyAlgorithm.EC_P256);
      String messageId = submit(sender, customer.msisdn(), marker(), "NOTIFIED");
      String replyText = "Yes, please call me after 5 pm ✓";
      String replyId = client.reply(phone.handset(), messageId, replyText);

      List<JsonObject> fetched = replies(sender, messageId);
      assertEquals(1, fetched.size());
      assertEquals(replyId, fetched.get(0).getString("replyId"));
      assertEquals(replyText, fetched.get(0).getString("body"));

      // the receiver refuses the first push; the outbox tries again with the same webhook-id
      List<WebhookReceiver.Push> pushes = receiver.awaitPushes(2);
      for (WebhookReceiver.Push push : pushes) {
        assertEquals(replyId, push.id());
        assertTrue(push.validFor(secret), push::toString);
        JsonObject body = parse(push.body());
        assertEquals("message.reply", body.getString("type"));
        assertEquals(messageId, body.getJsonObject("data").getString("messageId"));
        assertEquals(replyText, body.getJsonObject("data").getString("body"));
      }
      assertFalse(pushes.get(0).validFor("whsec_" + "A".repeat(43) + "="));
      // once accepted, the outbox keeps no copy of the reply
      String state =
          Peers.await(
              () -> {
                try {
                  String row =
                      column("SELECT state FROM webhook_outbox WHERE event_id = ?", replyId);
                  return "SENT".equals(row) ? Optional.of(row) : Optional.empty();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              },
              "the push to be recorded as sent");
      assertEquals("SENT", state);
      assertNull(column("SELECT sealed_content FROM webhook_outbox WHERE event_id = ?", replyId));
    }
  }

  @Test
  void aRepeatedIdempotencyKeyGetsTheFirstAnswerAndSendsNothingAgain() throws Exception {
    TestSystem sender = sender();
    TestCustomer customer = Fixtures.customer();
    phone(customer, KeyAlgorithm.EC_P256);
    String body = message(customer.msisdn(), null, "Once only " + marker(), null);
    Map<String, String> key = Map.of("Idempotency-Key", "order-" + UUID.randomUUID());

    Api.Reply first = sender.api().send("POST", MESSAGES, body, key);
    assertEquals(201, first.status(), first::toString);
    String messageId = first.json().getString("messageId");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Api.Reply>> repeats = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        repeats.add(pool.submit(() -> sender.api().send("POST", MESSAGES, body, key)));
      }
      for (Future<Api.Reply> repeat : repeats) {
        Api.Reply reply = repeat.get();
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(first.json(), reply.json());
      }
    } finally {
      pool.shutdownNow();
    }
    Peers.awaitSmsTo(customer.msisdn(), t -> t.contains(messageId));
    Thread.sleep(3000); // a second notice would have arrived by now
    assertEquals(
        1,
        Peers.smsTextsTo(customer.msisdn()).stream()
            .filter(t -> t.contains("secure message"))
            .count());
    Api.Reply listed = Api.admin().get("/api/v1/admin/messages?sender=" + sender.systemId());
    assertEquals("1", listed.header("X-Total-Count").orElseThrow());
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsStoredOrSent() throws Exception {
    TestSystem sender = sender();
    TestCustomer customer = Fixtures.customer();
    Phone phone = phone(customer, KeyAlgorithm.EC_P256);
    String msisdn = customer.msisdn();
    String big = "x".repeat(64 * 1024 + 1);
    Map<String, String> refusals =
        Map.of(
            "{\"body\":\"no number\"}",
            "msisdn",
            message("07700900123", null, "national form", null),
            "msisdn",
            message(msisdn, null, big, null),
            "body",
            message(msisdn, "s".repeat(201), "long subject", null),
            "subject",
            message(msisdn, "two\\nlines", "body", null),
            "subject",
            message(msisdn, null, "", null),
            "body",
            message(msisdn, null, "too long kept", "P8D"),
            "retention",
            message(msisdn, null, "too short kept", "PT1M"),
            "retention",
            message(msisdn, null, "not a duration", "soon"),
            "retention");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      Api.Reply reply = sender.api().post(MESSAGES, refusal.getKey());
      assertEquals(400, reply.status(), refusal.getKey().length() > 300 ? "big" : refusal.getKey());
      assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
      assertTrue(
          reply.json().getJsonObject("fields").containsKey(refusal.getValue()), reply::toString);
    }
    Api.Reply badKey =
        sender
            .api()
            .send(
                "POST",
                MESSAGES,
                message(msisdn, null, "body", null),
                Map.of("Idempotency-Key", "k".repeat(256)));
    assertEquals(400, badKey.status(), badKey::toString);

    // not a sender; another sender; another handset's inbox
    TestSystem verifier = Fixtures.system("[\"VERIFIER\"]", "");
    Api.Reply notSender = verifier.api().post(MESSAGES, message(msisdn, null, "hello", null));
    assertEquals(403, notSender.status(), notSender::toString);
    assertEquals("urn:portcullis:problem:role-required", notSender.json().getString("type"));

    assertEquals(
        "0",
        Api.admin()
            .get("/api/v1/admin/messages?sender=" + sender.systemId())
            .header("X-Total-Count")
            .orElseThrow());
    assertTrue(client.inbox(phone.handset()).isEmpty());
    assertTrue(
        Peers.smsTextsTo(msisdn).stream().noneMatch(t -> t.contains("secure message")),
        "nothing was texted");

    String messageId = submit(sender, msisdn, marker(), "NOTIFIED");
    assertEquals(404, sender().api().get(MESSAGES + "/" + messageId).status());
    assertEquals(404, sender().api().get(MESSAGES + "/" + messageId + "/replies").status());
    TestCustomer other = Fixtures.customer();
    Phone stranger = phone(other, KeyAlgorithm.EC_P256);
    Api.Reply foreign =
        Api.bearer(stranger.handset().token()).get("/api/v1/handsets/" + phone.id() + "/inbox");
    assertTrue(foreign.status() == 401 || foreign.status() == 403, foreign::toString);
    assertTrue(foreign.contentType().startsWith("application/problem+json"), foreign::toString);
    ProblemException notInInbox =
        assertThrows(
            ProblemException.class, () -> client.acknowledge(stranger.handset(), messageId));
    assertEquals(404, notInInbox.status());
    ProblemException emptyReply =
        assertThrows(ProblemException.class, () -> client.reply(phone.handset(), messageId, " "));
    assertEquals(400, emptyReply.status());
  }

  @Test
  void aNumberThatIsNoCustomersIsAnsweredTheSameAndNothingIsTexted() throws Exception {
    TestSystem sender = sender();
    String nobody = "+4479" + String.format("%09d", (int) (Math.random() * 1_000_000_000));
    Api.Reply reply = sender.api().post(MESSAGES, message(nobody, "Hello", "Hello", null));
    assertEquals(201, reply.status(), reply::toString);
    assertEquals("AWAITING_ENROLLMENT", reply.json().getString("state"));
    assertTrue(reply.json().containsKey("expiresAt"));
    String messageId = reply.json().getString("messageId");
    assertEquals("AWAITING_ENROLLMENT", status(sender, messageId).getString("state"));
    Thread.sleep(3000); // the outbox drains every 2 s
    assertTrue(Peers.smsTextsTo(nobody).isEmpty(), "nothing is texted to a number of no customer");
    assertNull(column("SELECT ciphertext FROM secure_message WHERE message_id = ?", messageId));
  }

  @Test
  void nothingOfAMessageIsLeftReadableInTheDatabaseFilesOrTheServerLog() throws Exception {
    TestSystem sender = sender();
    try (WebhookReceiver receiver = WebhookReceiver.start(0)) {
      Api.admin()
          .put(
              "/api/v1/admin/systems/" + sender.systemId() + "/webhook",
              "{\"url\":\"" + receiver.url() + "\"}");
      TestCustomer customer = Fixtures.customer();
      Phone phone = phone(customer, KeyAlgorithm.RSA_2048);
      String marker = marker();
      String messageId = submit(sender, customer.msisdn(), marker, "NOTIFIED");
      noticeTo(customer.msisdn(), messageId, marker);
      assertEquals("Body " + marker, read(phone, messageId).body());
      client.acknowledge(phone.handset(), messageId);
      String replyMarker = marker();
      client.reply(phone.handset(), messageId, "Reply " + replyMarker);
      receiver.awaitPushes(1);

      DiskScan scan = DiskScan.of(database);
      assertTrue(scan.databaseFiles() > 0, "the database files were not found");
      // the scan finds what is stored in clear (an account name), so its silence below means
      // something
      assertFalse(scan.filesContaining(customer.account()).isEmpty());
      assertEquals(List.of(), scan.filesContaining(marker), "the message's plaintext");
      // the reply is sealed at rest: its text is in no file either
      assertEquals(List.of(), scan.filesContaining(replyMarker), "the reply's plaintext");
    }
  }
}
