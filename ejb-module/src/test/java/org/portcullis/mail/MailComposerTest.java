package org.portcullis.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Assembles mails and reads them back as a mail client would: from the bytes on the wire. */
class MailComposerTest {

  private static final Session SESSION = Session.getInstance(new Properties());
  private static final InternetAddress FROM =
      MailAddresses.sender("Portcullis <no-reply@portcullis.local>");
  private static final Instant SENT = Instant.parse("2026-03-01T10:15:30Z");
  private static final String MESSAGE_ID = "<outbox.4711.1772360130000@portcullis.local>";
  // the 8-byte PNG signature and a bit more: the composer does not look inside
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', -1, 0, 127
  };

  private static MimeMessage wire(MailContent content) throws Exception {
    MimeMessage composed =
        MailComposer.compose(SESSION, FROM, "alice@example.org", content, MESSAGE_ID, SENT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    composed.writeTo(bytes);
    return new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
  }

  @Test
  void inlineImageTravelsInAMultipartRelatedBesideTheAlternatives() throws Exception {
    String html = "<p>Scan this: <img src=\"cid:qr@portcullis\" alt=\"QR\"></p>";
    MimeMessage mail =
        wire(
            new MailContent(
                "Your invitation – Zürich",
                "Join with code ABCD-EFGH",
                html,
                List.of(new InlineImage("qr@portcullis", "image/png", PNG))));

    assertTrue(mail.isMimeType("multipart/related"));
    assertEquals(
        "multipart/alternative", new ContentType(mail.getContentType()).getParameter("type"));
    MimeMultipart related = assertInstanceOf(MimeMultipart.class, mail.getContent());
    assertEquals(2, related.getCount());

    BodyPart body = related.getBodyPart(0);
    assertTrue(body.isMimeType("multipart/alternative"));
    MimeMultipart alternative = assertInstanceOf(MimeMultipart.class, body.getContent());
    assertEquals(2, alternative.getCount());
    assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
    assertEquals("Join with code ABCD-EFGH", alternative.getBodyPart(0).getContent());
    assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
    assertEquals(html, alternative.getBodyPart(1).getContent());
    assertEquals(
        "UTF-8",
        new ContentType(alternative.getBodyPart(1).getContentType()).getParameter("charset"));

    MimeBodyPart image = (MimeBodyPart) related.getBodyPart(1);
    assertTrue(image.isMimeType("image/png"));
    assertEquals("<qr@portcullis>", image.getContentID());
    assertEquals(Part.INLINE, image.getDisposition());
    assertEquals("qr-portcullis.png", image.getFileName());
    assertEquals("base64", image.getEncoding());
    try (InputStream in = image.getInputStream()) {
      assertArrayEquals(PNG, in.readAllBytes());
    }
  }

  @Test
  void headersAreTheOutboxes() throws Exception {
    MimeMessage mail = wire(new MailContent("Your invitation – Zürich", "Hello", null, List.of()));

    assertEquals(MESSAGE_ID, mail.getMessageID());
    assertEquals("Your invitation – Zürich", mail.getSubject());
    assertEquals(FROM, mail.getFrom()[0]);
    assertEquals(
        new InternetAddress("alice@example.org"), mail.getRecipients(Message.RecipientType.TO)[0]);
    assertEquals(Date.from(SENT), mail.getSentDate());
  }

  @Test
  void withoutImagesTheMailIsTheAlternativesAlone() throws Exception {
    MimeMessage mail = wire(new MailContent("Code", "Your code: <1234> & more\nbye", null, null));

    assertTrue(mail.isMimeType("multipart/alternative"));
    MimeMultipart alternative = assertInstanceOf(MimeMultipart.class, mail.getContent());
    assertEquals(2, alternative.getCount());
    assertEquals("Your code: <1234> & more\nbye", alternative.getBodyPart(0).getContent());
    String html = (String) alternative.getBodyPart(1).getContent();
    assertTrue(html.contains("Your code: &lt;1234&gt; &amp; more<br>bye"), html);
  }

  @Test
  void severalImagesKeepTheirOrderAndIds() throws Exception {
    MimeMessage mail =
        wire(
            new MailContent(
                "Two",
                "text",
                "<img src=\"cid:a\"><img src=\"cid:b\">",
                List.of(
                    new InlineImage("a", "image/gif", new byte[] {1, 2, 3}),
                    new InlineImage("b", "image/jpeg", new byte[] {4, 5}))));

    MimeMultipart related = (MimeMultipart) mail.getContent();
    assertEquals(3, related.getCount());
    assertEquals("<a>", ((MimeBodyPart) related.getBodyPart(1)).getContentID());
    assertTrue(related.getBodyPart(1).isMimeType("image/gif"));
    assertEquals("<b>", ((MimeBodyPart) related.getBodyPart(2)).getContentID());
    assertEquals("b.jpg", related.getBodyPart(2).getFileName());
  }
}
