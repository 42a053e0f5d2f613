package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.it.PinPadIT.assertProblem;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.inboundsms.InboundSmsService;
import org.portcullis.inboundsms.ReceivedSms;
import org.portcullis.mail.InlineImage;
import org.portcullis.outbox.OutboxService;

/**
 * The SMS and mail outboxes against real peers: the node-smpp SMSC simulator through the SMPP
 * resource adapter, and GreenMail through the mail session.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Inject OutboxService outbox;
  @Inject InboundSmsService inbound;
  @Resource UserTransaction transaction;

  private static String nonce() {
    return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
  }

  private static String msisdn() {
    return "+4477009" + (10000 + RANDOM.nextInt(89999));
  }

  private static JsonObject awaitSmsState(long id, String state) {
    return Peers.await(
        () ->
            Optional.of(Fixtures.outboxRow("sms", id))
                .filter(row -> state.equals(row.getString("state"))),
        "SMS " + id + " to become " + state);
  }

  private static long testSms(String to, String text) {
    Api.Reply queued =
        Api.admin()
            .post("/api/v1/admin/outbox/sms", "{\"to\":\"" + to + "\",\"text\":\"" + text + "\"}");
    assertEquals(202, queued.status(), queued::toString);
    return queued.json().getJsonNumber("id").longValue();
  }

  @Test
  void anSmsReachesTheGatewayAndItsReceiptMarksItDelivered() {
    String to = msisdn();
    String text = "Portcullis test " + nonce();
    long id = testSms(to, text);

    JsonObject received = Peers.awaitSms(text);
    assertTrue(received.getString("to").endsWith(to.substring(1)), received::toString);
    assertEquals("70707", received.getString("from"));

    JsonObject row = awaitSmsState(id, "DELIVERED");
    assertEquals(to, row.getString("recipient"));
    assertFalse(row.getJsonArray("gatewayIds").isEmpty());
    assertEquals(
        received.getJsonArray("messageIds").getString(0),
        row.getJsonArray("gatewayIds").getString(0));
    assertFalse(
        Api.admin().get("/api/v1/admin/outbox/sms?limit=200").text().contains(text),
        "the admin listing never shows a text");
  }

  @Test
  void longAndUnicodeTextsArriveWhole() {
    String unicode = "Ваш код " + nonce() + " — 日本語 ✓ " + "€".repeat(3) + " " + "x".repeat(90);
    String gsm = "Long GSM text " + nonce() + " " + "0123456789".repeat(35) + " [€]";
    long first = testSms(msisdn(), unicode);
    long second = testSms(msisdn(), gsm);

    JsonObject ucs2 = Peers.awaitSms(unicode);
    assertEquals(8, ucs2.getInt("dataCoding"), "UCS-2 for Cyrillic and Japanese");
    assertTrue(ucs2.getInt("total") >= 2, ucs2::toString);
    JsonObject septets = Peers.awaitSms(gsm);
    assertEquals(0, septets.getInt("dataCoding"), "GSM 7-bit when every character fits");
    assertEquals(3, septets.getInt("total"), septets::toString);
    assertEquals(
        ucs2.getInt("total"), awaitSmsState(first, "DELIVERED").getJsonArray("gatewayIds").size());
    assertEquals(3, awaitSmsState(second, "DELIVERED").getJsonArray("gatewayIds").size());
  }

  @Test
  void aRefusedSmsFailsAndStaffCanRetryIt() {
    String to = "+4477009999" + (10 + RANDOM.nextInt(89));
    Peers.smsc("POST", "/faults", "{\"rejectDestinationPrefix\":\"" + to.substring(1) + "\"}");
    long id;
    try {
      id = testSms(to, "Refused " + nonce());
      JsonObject failed = awaitSmsState(id, "FAILED");
      assertTrue(failed.getString("lastError").contains("ESME_RINVDSTADR"), failed::toString);
    } finally {
      Peers.smsc("DELETE", "/faults", null);
    }
    Api.Reply retried = Api.admin().post("/api/v1/admin/outbox/sms/" + id + "/retry", null);
    assertEquals(200, retried.status(), retried::toString);
    awaitSmsState(id, "DELIVERED");
    assertProblem(
        Api.admin().post("/api/v1/admin/outbox/sms/" + id + "/retry", null),
        409,
        "outbox-not-retryable");
  }

  @Test
  void nothingIsLostOrSentTwiceWhileTheGatewayIsDown() throws InterruptedException {
    Peers.smsc("POST", "/outage", "{\"durationMs\":8000}");
    List<String> texts = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String text = "During the outage " + i + " " + nonce();
      texts.add(text);
      ids.add(testSms(msisdn(), text));
    }
    Thread.sleep(3000);
    List<JsonObject> waiting = ids.stream().map(id -> Fixtures.outboxRow("sms", id)).toList();
    for (JsonObject row : waiting) {
      // waiting, or claimed by a drain round that finds the gateway away and gives it back
      assertTrue(List.of("QUEUED", "SENDING").contains(row.getString("state")), row::toString);
      assertEquals(0, row.getInt("attempts"), "an outage uses up no attempt: " + row);
    }
    // the drain stops at the first message the gateway cannot take; that one says why
    assertTrue(
        waiting.stream().anyMatch(row -> !row.getString("lastError", "").isEmpty()),
        waiting::toString);

    for (long id : ids) {
      awaitSmsState(id, "DELIVERED");
    }
    List<JsonObject> received =
        Peers.smsc("GET", "/messages", null).getJsonArray("messages").getValuesAs(JsonObject.class);
    for (String text : texts) {
      assertEquals(
          1,
          received.stream().filter(m -> text.equals(m.getString("text"))).count(),
          () -> "exactly once: " + text);
    }
  }

  @Test
  void aMobileOriginatedSmsReachesTheApplication() {
    String from = msisdn();
    String text = "REG " + nonce();
    Instant before = Instant.now().minusSeconds(5);
    String mo = "{\"from\":\"" + from + "\",\"to\":\"70707\",\"text\":\"" + text + "\"}";
    // the simulator answers 409 while no session is bound (say, just after an outage)
    Peers.await(
        () -> {
          try {
            return Optional.of(Peers.smsc("POST", "/mo", mo));
          } catch (IllegalStateException notBoundYet) {
            return Optional.empty();
          }
        },
        "a bound session to carry the MO SMS");

    ReceivedSms received =
        Peers.await(
            () -> inbound.recentFrom(from, before).stream().findFirst(), "the MO SMS from " + from);
    assertEquals(text, received.text());
    assertEquals("70707", received.recipient());
  }

  @Test
  void aMailArrivesAsTextAndHtmlWithItsInlineImage() throws Exception {
    String to = "alice-" + nonce() + "@example.org";
    String subject = "Your group code " + nonce();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
    transaction.begin();
    outbox.queueMail(
        to,
        subject,
        "Scan the code.",
        "<p>Scan the code: <img src=\"cid:qr\"></p>",
        List.of(new InlineImage("qr", "image/png", png)));
    transaction.commit();

    Message mail = Peers.awaitMail(to, m -> subjectOf(m).equals(subject));
    List<String> types = new ArrayList<>();
    collect(mail, types);
    assertTrue(types.stream().anyMatch(t -> t.startsWith("text/plain")), types::toString);
    assertTrue(types.stream().anyMatch(t -> t.startsWith("text/html")), types::toString);
    assertTrue(types.stream().anyMatch(t -> t.startsWith("image/png")), types::toString);
    assertTrue(mail.getFrom()[0].toString().contains("no-reply@portcullis.test"));
  }

  @Test
  void mailWaitsWhileTheMailServerIsAwayAndGoesOutAfter() throws InterruptedException {
    Peers.mailOutage(6000);
    String to = "carol-" + nonce() + "@example.org";
    String subject = "Sent after the outage " + nonce();
    Api.Reply queued =
        Api.admin()
            .post(
                "/api/v1/admin/outbox/mail",
                "{\"to\":\"" + to + "\",\"subject\":\"" + subject + "\",\"text\":\"Hello\"}");
    assertEquals(202, queued.status(), queued::toString);
    long id = queued.json().getJsonNumber("id").longValue();
    Thread.sleep(3000);
    JsonObject waiting = Fixtures.outboxRow("mail", id);
    assertTrue(
        List.of("QUEUED", "SENDING").contains(waiting.getString("state")), waiting::toString);
    assertEquals(0, waiting.getInt("attempts"), "an outage uses up no attempt: " + waiting);

    Peers.awaitMail(to, m -> subjectOf(m).equals(subject));
    Peers.await(
        () ->
            Optional.of(Fixtures.outboxRow("mail", id))
                .filter(row -> "SENT".equals(row.getString("state"))),
        "mail " + id + " to be SENT");
  }

  @Test
  void aTestMailFromStaffArrives() {
    String to = "bob-" + nonce() + "@example.org";
    String subject = "Gateway check " + nonce();
    Api.Reply queued =
        Api.admin()
            .post(
                "/api/v1/admin/outbox/mail",
                "{\"to\":\"" + to + "\",\"subject\":\"" + subject + "\",\"text\":\"Hello\"}");
    assertEquals(202, queued.status(), queued::toString);
    Peers.awaitMail(to, m -> subjectOf(m).equals(subject));
  }

  @Test
  void badOutboxInputIsAProblemAndQueuesNothing() {
    int before = Api.admin().get("/api/v1/admin/outbox/sms?limit=200").jsonArray().size();
    Api.Reply badNumber =
        Api.admin().post("/api/v1/admin/outbox/sms", "{\"to\":\"12345\",\"text\":\"x\"}");
    assertProblem(badNumber, 400, badNumber.json().getString("type").substring(23));
    assertTrue(badNumber.json().containsKey("fields"), badNumber::toString);
    assertEquals(
        400,
        Api.admin()
            .post("/api/v1/admin/outbox/sms", "{\"to\":\"+447700900123\",\"text\":\"\"}")
            .status());
    assertEquals(
        400,
        Api.admin()
            .post(
                "/api/v1/admin/outbox/mail",
                "{\"to\":\"not-an-address\",\"subject\":\"s\",\"text\":\"t\"}")
            .status());
    assertEquals(400, Api.admin().get("/api/v1/admin/outbox/sms?state=LOST").status());
    assertProblem(
        Api.admin().post("/api/v1/admin/outbox/sms/987654321/retry", null),
        404,
        "unknown-outbox-message");
    assertEquals(before, Api.admin().get("/api/v1/admin/outbox/sms?limit=200").jsonArray().size());
  }

  private static String subjectOf(Message message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (MessagingException e) {
      return "";
    }
  }

  private static void collect(Part part, List<String> types)
      throws MessagingException, IOException {
    types.add(part.getContentType().toLowerCase());
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        collect(body, types);
      }
    } else if (part.isMimeType("image/*")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      part.getDataHandler().writeTo(bytes);
      assertTrue(bytes.size() > 0);
    }
  }
}
