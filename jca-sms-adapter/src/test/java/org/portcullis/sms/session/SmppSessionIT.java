package org.portcullis.sms.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portcullis.sms.api.InboundSms;
import org.portcullis.sms.api.OutboundSms;
import org.portcullis.sms.api.SubmitResult;
import org.portcullis.sms.testing.SmscSimulator;

/**
 * The session layer against node-smpp's SMSC simulator on loopback: binding, sending in both
 * alphabets and in parts, receipts and mobile-originated messages, bind failures, a gateway that
 * dies and comes back, and the rate limit.
 */
class SmppSessionIT {

  private static final Logger LOG = Logger.getLogger(SmppSessionIT.class.getName());
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CUSTOMER = "+447700900123";

  private SmscSimulator smsc;
  private SmppSessionManager manager;
  private final BlockingQueue<InboundSms> inbound = new LinkedBlockingQueue<>();

  @BeforeEach
  void startSimulator() {
    smsc = SmscSimulator.builder().systemId("portcullis").password("secret").start();
  }

  @AfterEach
  void stopEverything() {
    if (manager != null) {
      manager.close();
    }
    smsc.close();
  }

  private SmppSettings.Builder settings() {
    return SmppSettings.builder()
        .host("127.0.0.1")
        .port(smsc.smppPort())
        .systemId(smsc.systemId())
        .password(smsc.password())
        .sourceAddress("12345")
        .ratePerSecond(0)
        .responseTimeoutMillis(3_000)
        .reconnectMinMillis(100)
        .reconnectMaxMillis(1_000);
  }

  private SmppSessionManager start(UnaryOperator<SmppSettings.Builder> customise) {
    manager = new SmppSessionManager(customise.apply(settings()).build(), inbound::add);
    manager.start();
    return manager;
  }

  private SmppSessionManager startBound() throws InterruptedException {
    start(b -> b);
    assertTrue(manager.awaitBound(WAIT), "bound: " + manager.lastError());
    return manager;
  }

  private SmscSimulator.Message onlyMessage() throws InterruptedException {
    List<SmscSimulator.Message> messages = smsc.awaitMessages(1, WAIT);
    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).complete());
    return messages.get(0);
  }

  @Test
  void sendsAShortGsmTextAsOnePart() throws Exception {
    startBound();
    SubmitResult result =
        manager.send(OutboundSms.to(CUSTOMER, "Your code is 123456 (valid 5 min) @ £5 €"));

    assertEquals(1, result.messageIds().size());
    SmscSimulator.Message message = onlyMessage();
    assertEquals("Your code is 123456 (valid 5 min) @ £5 €", message.text());
    assertEquals(List.of(result.messageId()), message.messageIds());
    SmscSimulator.Submission submission = smsc.submissions().get(0);
    assertEquals(0x00, submission.dataCoding());
    assertEquals(0x00, submission.esmClass());
    assertEquals(1, submission.registeredDelivery());
    assertEquals("447700900123", submission.destinationAddr());
    assertEquals(1, submission.destAddrTon());
    assertEquals(1, submission.destAddrNpi());
    assertEquals("12345", submission.sourceAddr());
  }

  @Test
  void sendsALongGsmTextInThreeConcatenatedParts() throws Exception {
    startBound();
    String text = ("Dear customer, [ref] {1} your statement is ready. ").repeat(8).trim();
    assertTrue(Gsm7Length.of(text) > 306 && Gsm7Length.of(text) <= 459, "needs three parts");

    SubmitResult result = manager.send(OutboundSms.to(CUSTOMER, text));

    assertEquals(3, result.messageIds().size());
    SmscSimulator.Message message = onlyMessage();
    assertEquals(text, message.text());
    assertEquals(3, message.total());
    assertEquals(result.messageIds(), message.messageIds(), "ids in part order");
    List<SmscSimulator.Submission> parts = smsc.submissions();
    String reference = parts.get(0).udhHex().substring(6, 8);
    for (int i = 0; i < 3; i++) {
      assertEquals(0x40, parts.get(i).esmClass(), "UDHI");
      assertEquals("050003" + reference + "030" + (i + 1), parts.get(i).udhHex());
    }
  }

  @Test
  void sendsUnicodeAsUcs2() throws Exception {
    startBound();
    String text = "Ваш код: 123456 ✓";
    manager.send(OutboundSms.to(CUSTOMER, text));
    SmscSimulator.Message message = onlyMessage();
    assertEquals(0x08, message.dataCoding());
    assertEquals(text, message.text());
  }

  @Test
  void sendsALongUnicodeTextWithEmojiInParts() throws Exception {
    startBound();
    String text = "Привет 😀 ".repeat(15).trim(); // 10 UTF-16 units each: ~149 units
    SubmitResult result = manager.send(OutboundSms.to(CUSTOMER, text));
    assertEquals(3, result.messageIds().size());
    SmscSimulator.Message message = onlyMessage();
    assertEquals(0x08, message.dataCoding());
    assertEquals(text, message.text(), "no surrogate pair split across parts");
  }

  @Test
  void asksForNoReceiptWhenTheMessageSaysSo() throws Exception {
    startBound();
    manager.send(new OutboundSms(CUSTOMER, "no receipt", null, false));
    smsc.awaitMessages(1, WAIT);
    assertEquals(0, smsc.submissions().get(0).registeredDelivery());
    assertNull(inbound.poll(1, TimeUnit.SECONDS), "no receipt comes");
  }

  @Test
  void aDeliveryReceiptArrivesWithTheSubmittedMessageId() throws Exception {
    startBound();
    SubmitResult result = manager.send(OutboundSms.to(CUSTOMER, "Your code is 654321"));

    InboundSms receipt = inbound.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(receipt, "receipt");
    assertEquals(InboundSms.Kind.DELIVERY_RECEIPT, receipt.kind());
    assertEquals(result.messageId(), receipt.receiptMessageId());
    assertEquals("DELIVRD", receipt.receiptState());
    assertTrue(receipt.delivered());
    assertEquals(CUSTOMER, receipt.from());
    assertTrue(receipt.text().startsWith("id:" + result.messageId() + " sub:001"), receipt.text());

    smsc.sendReceipt(result.messageId(), "UNDELIV");
    InboundSms failed = inbound.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(failed);
    assertEquals("UNDELIV", failed.receiptState());
    assertFalse(failed.delivered());
  }

  @Test
  void mobileOriginatedMessagesArriveReassembled() throws Exception {
    startBound();
    assertEquals(1, smsc.sendMo(CUSTOMER, "12345", "JOIN 123456"));
    InboundSms mo = inbound.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(mo);
    assertEquals(InboundSms.Kind.MOBILE_ORIGINATED, mo.kind());
    assertEquals(CUSTOMER, mo.from());
    assertEquals("12345", mo.to());
    assertEquals("JOIN 123456", mo.text());

    String longText = "A long reply from a handset, with € and [brackets]. ".repeat(5);
    smsc.sendMo(CUSTOMER, "12345", longText);
    InboundSms whole = inbound.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(whole);
    assertEquals(longText, whole.text());

    String unicode = "Ответ 😀 ".repeat(12);
    smsc.sendMo(CUSTOMER, "12345", unicode);
    InboundSms ucs2 = inbound.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(ucs2);
    assertEquals(unicode, ucs2.text());
    assertNull(inbound.poll(500, TimeUnit.MILLISECONDS), "nothing else");
  }

  @Test
  void wrongPasswordIsAClearBindFailureAndSendsFailFast() throws Exception {
    start(b -> b.password("wrong"));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while ((manager.lastError() == null || !manager.lastError().contains("ESME_RBINDFAIL"))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(
        "bind_transceiver refused by the gateway: ESME_RBINDFAIL (0x0000000D);"
            + " check systemId and password",
        manager.lastError());

    long start = System.nanoTime();
    ResourceException e =
        assertThrows(ResourceException.class, () -> manager.send(OutboundSms.to(CUSTOMER, "x")));
    assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500), "fails fast");
    assertTrue(
        e.getMessage().startsWith("gateway not bound: " + manager.lastError()), e.getMessage());
    assertEquals(SmppSessionManager.NOT_BOUND, e.getErrorCode());
    assertTrue(smsc.submissions().isEmpty());
  }

  @Test
  void rebindsByItselfAfterTheGatewayDiesAndComesBack() throws Exception {
    startBound();
    manager.send(OutboundSms.to(CUSTOMER, "before"));

    smsc.kill();
    ResourceException e = null;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (e == null && System.nanoTime() < deadline) {
      try {
        manager.send(OutboundSms.to(CUSTOMER, "while down"));
        Thread.sleep(20);
      } catch (ResourceException expected) {
        e = expected;
      }
    }
    assertNotNull(e, "sending fails while the gateway is gone");
    assertFalse(manager.isBound());

    smsc.start(); // same ports
    assertTrue(manager.awaitBound(WAIT), "rebound: " + manager.lastError());
    SubmitResult result = manager.send(OutboundSms.to(CUSTOMER, "after"));
    SmscSimulator.Message message = onlyMessage(); // a fresh simulator only saw this one
    assertEquals("after", message.text());
    assertEquals(result.messageIds(), message.messageIds());
  }

  @Test
  void aGatewayThatIsDownAtFirstIsBoundOnceItComesUp() throws Exception {
    smsc.stop();
    start(b -> b);
    Thread.sleep(300);
    assertFalse(manager.isBound());
    assertTrue(manager.lastError().startsWith("cannot connect to 127.0.0.1:"), manager.lastError());
    smsc.start();
    assertTrue(manager.awaitBound(WAIT), manager.lastError());
  }

  @Test
  void theRateLimitHolds() throws Exception {
    start(b -> b.ratePerSecond(10));
    assertTrue(manager.awaitBound(WAIT));
    long started = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      manager.send(new OutboundSms(CUSTOMER, "paced " + i, null, false));
    }
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    List<SmscSimulator.Submission> submissions = smsc.submissions();
    assertEquals(30, submissions.size());
    long spanMillis =
        Duration.between(submissions.get(0).time(), submissions.get(29).time()).toMillis();
    LOG.info(
        () ->
            "30 submissions at 10/s: span at the simulator "
                + spanMillis
                + " ms, sender took "
                + elapsedMillis
                + " ms");
    assertTrue(spanMillis >= 2_700, "30 messages at 10/s span at least 2.9 s, got " + spanMillis);
    for (int i = 0; i + 10 < submissions.size(); i++) {
      long window =
          Duration.between(submissions.get(i).time(), submissions.get(i + 10).time()).toMillis();
      assertTrue(window >= 900, "11 submissions within " + window + " ms at " + i);
    }
  }

  @Test
  void aRefusalCarriesTheSmppStatusName() throws Exception {
    startBound();
    smsc.faults("447700900999", 0x0B, 0);
    ResourceException e =
        assertThrows(
            ResourceException.class, () -> manager.send(OutboundSms.to("+447700900999", "x")));
    assertEquals("ESME_RINVDSTADR", e.getErrorCode());
    assertTrue(e.getMessage().contains("ESME_RINVDSTADR (0x0000000B)"), e.getMessage());
    assertTrue(manager.isBound(), "a refusal does not drop the session");
  }

  @Test
  void aLateAnswerIsATimeout() throws Exception {
    start(b -> b.responseTimeoutMillis(500));
    assertTrue(manager.awaitBound(WAIT));
    smsc.faults(null, 0, 1_500);
    ResourceException e =
        assertThrows(ResourceException.class, () -> manager.send(OutboundSms.to(CUSTOMER, "x")));
    assertEquals(SmppSessionManager.TIMEOUT, e.getErrorCode());
  }

  @Test
  void enquireLinkKeepsAnIdleSessionBound() throws Exception {
    start(b -> b.enquireLinkSeconds(1));
    assertTrue(manager.awaitBound(WAIT));
    Thread.sleep(2_500); // two enquire_link round trips
    assertTrue(manager.isBound());
    manager.send(OutboundSms.to(CUSTOMER, "still here"));
    assertEquals("still here", onlyMessage().text());
  }

  /** Septet counting as the encoder does, to pick test texts of the right length. */
  private static final class Gsm7Length {
    static int of(String text) {
      return org.portcullis.sms.codec.Gsm7.countSeptets(text);
    }
  }
}
