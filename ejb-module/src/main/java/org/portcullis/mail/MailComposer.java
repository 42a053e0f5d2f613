package org.portcullis.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Assembles the MIME message of a mail:
 *
 * <pre>
 * multipart/related; type="multipart/alternative"     (only when there are inline images)
 * ├── multipart/alternative
 * │   ├── text/plain; charset=UTF-8
 * │   └── text/html; charset=UTF-8
 * └── image/png; Content-ID: &lt;qr@portcullis&gt;; Content-Disposition: inline   (one per image)
 * </pre>
 *
 * Without images the message is the {@code multipart/alternative} alone. The alternatives go from
 * plainest to richest, as RFC 2046 §5.1.4 asks; {@code multipart/related} carries the {@code type}
 * parameter RFC 2387 requires. The Message-ID is the caller's, so that a mail sent twice (a crash
 * between the server's acceptance and the outbox's record of it) carries the same id both times and
 * clients can tell the copies apart. Stateless and thread-safe.
 */
public final class MailComposer {

  private MailComposer() {}

  /**
   * @param messageId the Message-ID header, with its angle brackets
   */
  public static MimeMessage compose(
      Session session,
      InternetAddress from,
      String to,
      MailContent content,
      String messageId,
      Instant sentAt)
      throws MessagingException {
    MimeMessage message = new FixedIdMessage(session, messageId);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(sentAt));

    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(content.text(), StandardCharsets.UTF_8.name(), "plain");
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
    alternative.addBodyPart(html);

    if (content.images().isEmpty()) {
      message.setContent(alternative);
    } else {
      MimeMultipart related = new RelatedMultipart();
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(alternative);
      related.addBodyPart(body);
      for (InlineImage image : content.images()) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(
            new DataHandler(new ByteArrayDataSource(image.bytes(), image.mimeType())));
        part.setContentID("<" + image.contentId() + ">");
        part.setDisposition(Part.INLINE);
        part.setFileName(image.fileName());
        related.addBodyPart(part);
      }
      message.setContent(related);
    }
    message.saveChanges();
    return message;
  }

  /** Keeps the Message-ID it was given instead of generating one in {@code saveChanges()}. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

  /** {@code multipart/related} with the {@code type} parameter of its root part (RFC 2387 §3.1). */
  private static final class RelatedMultipart extends MimeMultipart {
    RelatedMultipart() throws MessagingException {
      super("related");
      ContentType type = new ContentType(contentType);
      type.setParameter("type", "multipart/alternative");
      contentType = type.toString();
    }
  }
}
