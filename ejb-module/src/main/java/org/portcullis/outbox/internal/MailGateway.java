package org.portcullis.outbox.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import org.portcullis.mail.MailAddresses;
import org.portcullis.mail.MailComposer;
import org.portcullis.mail.MailContent;

/**
 * Hands one mail to the mail server through the Jakarta Mail session {@value #JNDI_NAME} that the
 * server configuration defines (host, port, TLS, credentials and timeouts live there; keep {@code
 * mail.smtp.connectiontimeout} and {@code mail.smtp.timeout} well below half of {@code
 * portcullis.outbox.claim-timeout}). Runs outside any transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailGateway {

  static final String JNDI_NAME = "mail/portcullis";

  @Resource(lookup = JNDI_NAME)
  Session session;

  @EJB OutboxSettings settings;

  /**
   * @return the Message-ID the mail went out with
   * @throws MessagingException the server refused the mail or could not be reached
   */
  public String send(MailOutboxMessage row, MailContent content, Instant now)
      throws MessagingException {
    InternetAddress from = settings.mailFrom();
    String messageId = row.stableMessageId(MailAddresses.domainOf(from));
    MimeMessage message =
        MailComposer.compose(session, from, row.recipient(), content, messageId, now);
    Transport.send(message);
    return messageId;
  }
}
