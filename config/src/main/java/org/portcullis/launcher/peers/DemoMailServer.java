package org.portcullis.launcher.peers;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A demo mail server: GreenMail's SMTP server on loopback, without authentication, that shows each
 * mail it receives on the console (recipient, sender, subject, the parts, and the text). Nothing is
 * relayed anywhere.
 *
 * <p>GreenMail keeps every mail in memory for its own mailboxes; nobody reads them here, so they
 * are emptied every {@value #PURGE_EVERY} deliveries. Thread-safe; {@link #close()} stops it.
 */
public final class DemoMailServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DemoMailServer.class.getName());

  static final int PURGE_EVERY = 100;
  private static final int KEPT = 50;
  private static final int MAX_SHOWN_CHARS = 2_000;

  private final GreenMail greenMail;
  private final Consumer<String> console;
  private final Recent<ReceivedMail> received = new Recent<>(KEPT);
  private final AtomicLong deliveries = new AtomicLong();

  /**
   * A mail as one recipient got it.
   *
   * @param receivedAt when it arrived
   * @param to the envelope recipient
   * @param from the From header
   * @param subject the subject
   * @param text the plain text (or, without one, the HTML without its tags)
   * @param parts each leaf part's type, e.g. {@code text/plain}, {@code image/png (inline)}
   */
  public record ReceivedMail(
      Instant receivedAt,
      String to,
      String from,
      String subject,
      String text,
      List<String> parts) {}

  private DemoMailServer(GreenMail greenMail, Consumer<String> console) {
    this.greenMail = greenMail;
    this.console = console;
  }

  /**
   * Starts the server.
   *
   * @param address where to listen, normally 127.0.0.1 and port 0 (any free port)
   * @param console where received mail is shown, one block of lines per recipient
   */
  public static DemoMailServer start(InetSocketAddress address, Consumer<String> console) {
    GreenMail greenMail =
        new GreenMail(
                new ServerSetup(
                    address.getPort(),
                    address.getAddress().getHostAddress(),
                    ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    DemoMailServer server = new DemoMailServer(greenMail, console);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // GreenMail's threads inherit this: Jakarta Mail finds its providers through it, and must
    // find the ones beside it rather than the older copies in Payara's jar
    thread.setContextClassLoader(DemoMailServer.class.getClassLoader());
    try {
      greenMail.start();
    } finally {
      thread.setContextClassLoader(previous);
    }
    UserManager users = greenMail.getUserManager();
    MessageDeliveryHandler delivering = users.getMessageDeliveryHandler();
    users.setMessageDeliveryHandler(
        (message, recipient) -> {
          server.show(message.getMessage(), recipient.getEmail());
          server.emptyMailboxesNowAndThen();
          return delivering.handle(message, recipient);
        });
    LOG.log(Level.INFO, "Demo mail server listening on {0}", server.address());
    return server;
  }

  /** Where it listens. */
  public InetSocketAddress address() {
    return new InetSocketAddress(greenMail.getSmtp().getBindTo(), greenMail.getSmtp().getPort());
  }

  /** The last mails received, oldest first (one per recipient). */
  public List<ReceivedMail> received() {
    return received.list();
  }

  /** The mails GreenMail holds, as they arrived (emptied now and then). */
  MimeMessage[] stored() {
    return greenMail.getReceivedMessages();
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  private void show(MimeMessage message, String to) {
    ReceivedMail mail;
    try {
      List<String> parts = new ArrayList<>();
      StringBuilder plain = new StringBuilder();
      StringBuilder html = new StringBuilder();
      walk(message, parts, plain, html);
      String text = plain.length() > 0 ? plain.toString() : withoutTags(html.toString());
      mail =
          new ReceivedMail(
              Instant.now(),
              to,
              addresses(message.getFrom()),
              message.getSubject() == null ? "" : message.getSubject(),
              text.strip(),
              List.copyOf(parts));
    } catch (MessagingException | IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Demo mail server could not read a mail to " + to, e);
      return;
    }
    received.add(mail);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("To", mail.to());
    fields.put("From", mail.from());
    fields.put("Subject", mail.subject());
    fields.put("Parts", String.join(", ", mail.parts()));
    String body = mail.text();
    if (body.length() > MAX_SHOWN_CHARS) {
      body = body.substring(0, MAX_SHOWN_CHARS) + "\n[… " + body.length() + " characters]";
    }
    console.accept(ConsoleBlock.render("demo mail server received a mail", fields, body));
  }

  /** Collects each leaf part's type, the first plain text and the first HTML. */
  private static void walk(Part part, List<String> parts, StringBuilder plain, StringBuilder html)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        walk(multipart.getBodyPart(i), parts, plain, html);
      }
      return;
    }
    String type = part.getContentType() == null ? "text/plain" : part.getContentType();
    type = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    boolean inline = !attached && part instanceof MimePart mime && mime.getContentID() != null;
    parts.add(type + (attached ? " (attachment)" : inline ? " (inline)" : ""));
    if (!attached && type.equals("text/plain") && plain.length() == 0) {
      plain.append(part.getContent());
    } else if (!attached && type.equals("text/html") && html.length() == 0) {
      html.append(part.getContent());
    }
  }

  private static String withoutTags(String html) {
    return html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", "")
        .replaceAll("<[^>]+>", " ")
        .replaceAll("[ \\t]+", " ");
  }

  private static String addresses(Address[] addresses) {
    if (addresses == null) {
      return "";
    }
    List<String> text = new ArrayList<>();
    for (Address address : addresses) {
      text.add(address.toString());
    }
    return String.join(", ", text);
  }

  private void emptyMailboxesNowAndThen() {
    if (deliveries.incrementAndGet() % PURGE_EVERY == 0) {
      try {
        greenMail.purgeEmailFromAllMailboxes();
      } catch (FolderException e) {
        LOG.log(Level.FINE, "Demo mail server could not empty its mailboxes", e);
      }
    }
  }
}
