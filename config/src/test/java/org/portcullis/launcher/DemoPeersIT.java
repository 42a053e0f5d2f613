package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo peers as the packaged launcher runs them: from {@code target/lib/demo-peers}, in their
 * own class loader, beside Payara's jar (on this test's class path, as on the launcher's), wired by
 * {@link Messaging} into the system properties the domain reads. SMS go in with jsmpp's client and
 * mail with the Jakarta Mail inside Payara's jar, the one Portcullis' mail session uses.
 */
class DemoPeersIT {

  private static final Path DEMO_PEERS =
      Path.of(System.getProperty("launcher.jar"))
          .resolveSibling("lib")
          .resolve(DemoPeers.DIRECTORY);

  private final List<String> console = new CopyOnWriteArrayList<>();
  private Properties saved;
  private DemoPeers peers;

  @BeforeEach
  void start() throws Exception {
    saved = (Properties) System.getProperties().clone();
    peers = DemoPeers.load(DEMO_PEERS);
  }

  @AfterEach
  void stop() {
    peers.close();
    System.setProperties(saved);
  }

  @Test
  void runApartFromPayarasMailLibraries() throws Exception {
    Class<?> ours = Class.forName("jakarta.mail.Session", false, peers.classLoader());
    Class<?> payaras = Session.class;

    assertNotSame(payaras, ours);
    assertTrue(
        payaras.getProtectionDomain().getCodeSource().getLocation().toString().contains("payara"),
        "this test should see Payara's Jakarta Mail, as the launcher does");
    assertTrue(
        ours.getProtectionDomain().getCodeSource().getLocation().toString().contains("demo-peers"),
        ours.getProtectionDomain().getCodeSource().getLocation().toString());
    Class<?> smsc =
        Class.forName("org.portcullis.launcher.peers.DemoSmsc", false, peers.classLoader());
    assertTrue(
        smsc.getProtectionDomain()
            .getCodeSource()
            .getLocation()
            .toString()
            .endsWith("portcullis-demo-peers.jar"));
  }

  @Test
  void theDemoGatewayTakesTheGeneratedCredentialsAndSendsReceipts() throws Exception {
    Messaging messaging = connectWithDefaults();

    assertEquals("127.0.0.1", System.getProperty("portcullis.smsc.host"));
    assertEquals("portcullis", System.getProperty("portcullis.smsc.system-id"));
    String password = System.getProperty("portcullis.smsc.password");
    assertEquals(8, password.length());
    assertEquals("70707", System.getProperty("portcullis.sms.source-address"));
    assertTrue(
        messaging
            .smsGateway()
            .startsWith(
                "demo SMS gateway on 127.0.0.1:" + System.getProperty("portcullis.smsc.port")),
        messaging.smsGateway());

    BlockingQueue<DeliverSm> receipts = new LinkedBlockingQueue<>();
    SMPPSession client = new SMPPSession();
    client.setMessageReceiverListener(new Receipts(receipts));
    try {
      client.connectAndBind(
          System.getProperty("portcullis.smsc.host"),
          Integer.parseInt(System.getProperty("portcullis.smsc.port")),
          new BindParameter(
              BindType.BIND_TRX,
              System.getProperty("portcullis.smsc.system-id"),
              password,
              "",
              TypeOfNumber.UNKNOWN,
              NumberingPlanIndicator.UNKNOWN,
              null));
      String id =
          client
              .submitShortMessage(
                  "",
                  TypeOfNumber.UNKNOWN,
                  NumberingPlanIndicator.UNKNOWN,
                  "70707",
                  TypeOfNumber.INTERNATIONAL,
                  NumberingPlanIndicator.ISDN,
                  "15550100",
                  new ESMClass(),
                  (byte) 0,
                  (byte) 1,
                  null,
                  null,
                  new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                  (byte) 0,
                  DataCodings.ZERO,
                  (byte) 0,
                  "Demo code 424242".getBytes(StandardCharsets.US_ASCII))
              .getMessageId();

      DeliverSm receipt = receipts.poll(10, TimeUnit.SECONDS);
      assertNotNull(receipt, "no delivery receipt");
      assertEquals(id, receipt.getShortMessageAsDeliveryReceipt().getId());
    } finally {
      client.unbindAndClose();
    }
    String shown = String.join("", console);
    assertTrue(shown.contains("demo SMS gateway received an SMS"), shown);
    assertTrue(shown.contains("+15550100"), shown);
    assertTrue(shown.contains("Demo code 424242"), shown);
  }

  @Test
  void theDemoMailServerReceivesWhatPayarasJakartaMailSends() throws Exception {
    Messaging messaging = connectWithDefaults();

    Properties mail = new Properties();
    mail.put("mail.smtp.host", System.getProperty("portcullis.smtp.host"));
    mail.put("mail.smtp.port", System.getProperty("portcullis.smtp.port"));
    mail.put("mail.from", System.getProperty("portcullis.mail.from"));
    mail.put("mail.smtp.connectiontimeout", "10000");
    mail.put("mail.smtp.timeout", "10000");
    MimeMessage message = new MimeMessage(Session.getInstance(mail));
    message.setFrom(); // mail.from, as the mail session mail/portcullis has it
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("demo@example.org"));
    message.setSubject("Your enrollment link");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Open https://portcullis.local/enroll/abc to continue.", "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent("<p>Open the link</p>", "text/html; charset=UTF-8");
    message.setContent(new MimeMultipart("alternative", text, html));

    Transport.send(message);

    String shown = String.join("", console);
    assertTrue(shown.contains("demo mail server received a mail"), shown);
    assertTrue(shown.contains("demo@example.org"), shown);
    assertTrue(shown.contains("Portcullis <no-reply@portcullis.local>"), shown);
    assertTrue(shown.contains("Your enrollment link"), shown);
    assertTrue(shown.contains("Open https://portcullis.local/enroll/abc to continue."), shown);
    assertTrue(
        messaging
            .mailServer()
            .startsWith(
                "demo mail server on 127.0.0.1:" + System.getProperty("portcullis.smtp.port")),
        messaging.mailServer());
  }

  private Messaging connectWithDefaults() throws Exception {
    return Messaging.connect(
        LauncherOptions.parse(List.of(), Map.of()).messaging(),
        Optional.of(peers),
        console::add,
        new SecureRandom());
  }

  private record Receipts(BlockingQueue<DeliverSm> receipts) implements MessageReceiverListener {
    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) {
      receipts.add(deliverSm);
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {}

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, org.jsmpp.session.Session source) {
      return null;
    }
  }
}
