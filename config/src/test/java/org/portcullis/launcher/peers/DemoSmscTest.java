package org.portcullis.launcher.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo SMS gateway against jsmpp's client side, as the adapter would use it. */
class DemoSmscTest {

  private static final String SYSTEM_ID = "portcullis";
  private static final String PASSWORD = "s3cr3t!x";

  private final List<String> console = new CopyOnWriteArrayList<>();
  private final BlockingQueue<DeliverSm> delivered = new LinkedBlockingQueue<>();
  private DemoSmsc smsc;
  private SMPPSession client;

  @BeforeEach
  void start() throws IOException {
    smsc =
        DemoSmsc.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            SYSTEM_ID,
            PASSWORD,
            console::add);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.unbindAndClose();
    }
    smsc.close();
  }

  @Test
  void listensOnLoopbackOnAFreePort() {
    assertTrue(smsc.address().getAddress().isLoopbackAddress());
    assertTrue(smsc.address().getPort() > 0);
  }

  @Test
  void acceptsASubmitAnswersAMessageIdAndSendsADeliveryReceipt() throws Exception {
    bind(PASSWORD);

    String messageId = submit("Your Portcullis code is 482915", DataCodings.ZERO, true);

    DeliverSm receipt = delivered.poll(10, TimeUnit.SECONDS);
    assertTrue(receipt != null, "no delivery receipt within 10 s");
    assertTrue(receipt.isSmscDeliveryReceipt(), "esm_class 0x04");
    DeliveryReceipt text = receipt.getShortMessageAsDeliveryReceipt();
    assertEquals(messageId, text.getId());
    assertEquals(DeliveryReceiptState.DELIVRD, text.getFinalStatus());
    assertEquals(
        messageId,
        receipt
            .getOptionalParameter(OptionalParameter.Receipted_message_id.class)
            .getValueAsString());
    // the receipt goes back from the handset to the service number
    assertEquals("447700900123", receipt.getSourceAddr());
    assertEquals("70707", receipt.getDestAddress());

    String shown = String.join("", console);
    assertTrue(shown.contains("demo SMS gateway received an SMS"), shown);
    assertTrue(shown.contains("+447700900123"), shown);
    assertTrue(shown.contains("Your Portcullis code is 482915"), shown);
    assertEquals("Your Portcullis code is 482915", smsc.received().get(0).text());
    assertEquals(List.of(messageId), smsc.received().get(0).messageIds());
  }

  @Test
  void sendsNoReceiptWhenNoneIsAsked() throws Exception {
    bind(PASSWORD);

    submit("no receipt please", DataCodings.ZERO, false);

    assertEquals(
        null, delivered.poll(2 * DemoSmsc.RECEIPT_DELAY.toMillis(), TimeUnit.MILLISECONDS));
    assertEquals("no receipt please", smsc.received().get(0).text());
  }

  @Test
  void refusesAWrongPassword() {
    IOException refused = assertThrows(IOException.class, () -> bind("wrong"));

    NegativeResponseException status =
        assertInstanceOf(NegativeResponseException.class, refused.getCause());
    assertEquals(SMPPConstant.STAT_ESME_RINVPASWD, status.getCommandStatus());
    client = null; // never bound
  }

  @Test
  void refusesAnUnknownSystemId() {
    client = new SMPPSession();
    IOException refused =
        assertThrows(
            IOException.class,
            () ->
                client.connectAndBind(
                    "127.0.0.1",
                    smsc.address().getPort(),
                    new BindParameter(
                        BindType.BIND_TRX,
                        "someone",
                        PASSWORD,
                        "",
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        null)));

    NegativeResponseException status =
        assertInstanceOf(NegativeResponseException.class, refused.getCause());
    assertEquals(SMPPConstant.STAT_ESME_RINVSYSID, status.getCommandStatus());
    client = null;
  }

  @Test
  void answersEnquireLink() throws Exception {
    bind(PASSWORD);
    client.setEnquireLinkTimer(200); // jsmpp's client sends enquire_link when the link is idle

    Thread.sleep(1_000);

    assertTrue(client.getSessionState().isBound(), "unbound after enquire_link");
    submit("still there", DataCodings.ZERO, false);
  }

  @Test
  void showsAConcatenatedUnicodeMessageOnceWhole() throws Exception {
    bind(PASSWORD);
    String first = "Привет, ваш код ";
    String second = "— 482915";

    submitPart(first, 0x2A, 2, 1);
    assertFalse(String.join("", console).contains("Привет"), "shown before it was whole");
    submitPart(second, 0x2A, 2, 2);

    assertEquals(first + second, smsc.received().get(0).text());
    assertEquals(2, smsc.received().get(0).messageIds().size());
    assertTrue(String.join("", console).contains(first + second), String.join("", console));
  }

  private void bind(String password) throws IOException {
    client = new SMPPSession();
    client.setMessageReceiverListener(new Receipts());
    client.connectAndBind(
        "127.0.0.1",
        smsc.address().getPort(),
        new BindParameter(
            BindType.BIND_TRX,
            SYSTEM_ID,
            password,
            "",
            TypeOfNumber.UNKNOWN,
            NumberingPlanIndicator.UNKNOWN,
            null));
  }

  private String submit(String text, DataCoding coding, boolean receipt) throws Exception {
    return client
        .submitShortMessage(
            "",
            TypeOfNumber.UNKNOWN,
            NumberingPlanIndicator.UNKNOWN,
            "70707",
            TypeOfNumber.INTERNATIONAL,
            NumberingPlanIndicator.ISDN,
            "447700900123",
            new ESMClass(),
            (byte) 0,
            (byte) 1,
            null,
            null,
            new RegisteredDelivery(
                receipt ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
            (byte) 0,
            coding,
            (byte) 0,
            text.getBytes(StandardCharsets.ISO_8859_1))
        .getMessageId();
  }

  /** One UCS-2 part with an 8-bit concatenation header, as TS 23.040 §9.2.3.24.1 has it. */
  private void submitPart(String text, int reference, int total, int sequence) throws Exception {
    byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
    byte[] userData = new byte[6 + body.length];
    userData[0] = 5;
    userData[1] = 0;
    userData[2] = 3;
    userData[3] = (byte) reference;
    userData[4] = (byte) total;
    userData[5] = (byte) sequence;
    System.arraycopy(body, 0, userData, 6, body.length);
    client.submitShortMessage(
        "",
        TypeOfNumber.UNKNOWN,
        NumberingPlanIndicator.UNKNOWN,
        "70707",
        TypeOfNumber.INTERNATIONAL,
        NumberingPlanIndicator.ISDN,
        "447700900123",
        new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI),
        (byte) 0,
        (byte) 1,
        null,
        null,
        new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT),
        (byte) 0,
        new RawDataCoding((byte) 0x08),
        (byte) 0,
        userData);
  }

  private final class Receipts implements MessageReceiverListener {
    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) {
      delivered.add(deliverSm);
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {}

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
      return null;
    }
  }
}
