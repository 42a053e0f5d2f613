package org.portcullis.launcher.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo mail server, sent to with Jakarta Mail as the mail outbox would. */
class DemoMailServerTest {

  // the smallest valid PNG: one transparent pixel
  private static final byte[] PIXEL =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  private final List<String> console = new CopyOnWriteArrayList<>();
  private DemoMailServer server;

  @BeforeEach
  void start() {
    server =
        DemoMailServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), console::add);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void listensOnLoopbackOnAFreePort() {
    assertTrue(server.address().getAddress().isLoopbackAddress());
    assertTrue(server.address().getPort() > 0);
  }

  @Test
  void receivesAMultipartMailWithAnInlineImageAndShowsIt() throws Exception {
    Session session = session();
    MimeMessage mail = new MimeMessage(session);
    mail.setFrom(new InternetAddress("Portcullis <no-reply@portcullis.local>"));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.org"));
    mail.setSubject("Your Portcullis invitation", "UTF-8");
    mail.setContent(textHtmlAndImage("Scan the code to join — ünïcode too."));

    Transport.send(mail);

    assertEquals(1, server.received().size());
    DemoMailServer.ReceivedMail received = server.received().get(0);
    assertEquals("alice@example.org", received.to());
    assertEquals("Portcullis <no-reply@portcullis.local>", received.from());
    assertEquals("Your Portcullis invitation", received.subject());
    assertEquals("Scan the code to join — ünïcode too.", received.text());
    assertEquals(List.of("text/plain", "text/html", "image/png (inline)"), received.parts());

    // and GreenMail holds the very mail, image and all
    MimeMessage stored = server.stored()[0];
    Multipart related = (Multipart) stored.getContent();
    MimeBodyPart image = (MimeBodyPart) related.getBodyPart(1);
    assertEquals("<qr@portcullis>", image.getContentID());
    assertEquals(PIXEL.length, image.getInputStream().readAllBytes().length);

    String shown = String.join("", console);
    assertTrue(shown.contains("demo mail server received a mail"), shown);
    assertTrue(shown.contains("alice@example.org"), shown);
    assertTrue(shown.contains("Your Portcullis invitation"), shown);
    assertTrue(shown.contains("Scan the code to join"), shown);
  }

  @Test
  void showsOneBlockPerRecipient() throws Exception {
    MimeMessage mail = new MimeMessage(session());
    mail.setFrom(new InternetAddress("no-reply@portcullis.local"));
    mail.setRecipients(
        Message.RecipientType.TO, InternetAddress.parse("a@example.org, b@example.org"));
    mail.setSubject("Hello");
    mail.setText("Plain only");

    Transport.send(mail);

    assertEquals(2, server.received().size());
    assertEquals(List.of("text/plain"), server.received().get(0).parts());
    assertEquals("Plain only", server.received().get(1).text());
  }

  @Test
  void showsHtmlOnlyMailAsText() throws Exception {
    MimeMessage mail = new MimeMessage(session());
    mail.setFrom(new InternetAddress("no-reply@portcullis.local"));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress("c@example.org"));
    mail.setSubject("HTML");
    mail.setContent("<p>Your code is <b>482915</b></p>", "text/html; charset=UTF-8");

    Transport.send(mail);

    assertTrue(server.received().get(0).text().contains("482915"), server.received().toString());
  }

  /** Like the mail session mail/portcullis: no authentication, short timeouts. */
  private Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(server.address().getPort()));
    properties.put("mail.smtp.connectiontimeout", "10000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.writetimeout", "10000");
    return Session.getInstance(properties);
  }

  /** multipart/related: (multipart/alternative: text, HTML) and the image the HTML shows. */
  private static MimeMultipart textHtmlAndImage(String text) throws MessagingException {
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(
        "<p>" + text + "</p><img src=\"cid:qr@portcullis\">", "text/html; charset=UTF-8");
    MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);

    MimeBodyPart image = new MimeBodyPart();
    image.setDataHandler(new DataHandler(new ByteArrayDataSource(PIXEL, "image/png")));
    image.setContentID("<qr@portcullis>");
    image.setDisposition(MimeBodyPart.INLINE);
    return new MimeMultipart("related", body, image);
  }
}
