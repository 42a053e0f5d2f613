package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.portcullis.handset.client.GroupClient;

/**
 * The members the group tests need, made through the real API: customers with an e-mail address and
 * an app password, logged in on a terminal of their own, each with a {@link GroupClient} of the
 * reference client.
 */
public final class GroupFixtures {

  private static final SecureRandom RANDOM = new SecureRandom();

  private GroupFixtures() {}

  /** A customer logged in on one terminal: a member to be. */
  public record Person(String account, String email, String token, String terminal) {

    /** The reference client as this person. */
    public GroupClient client() {
      return new GroupClient(URI.create(Api.BASE), token, terminal);
    }

    /** Raw HTTP as this person (Bearer and terminal). */
    public Api api() {
      return Api.handset(token, terminal);
    }

    /** The same customer logged in on another terminal: another member to be. */
    public Person onAnotherTerminal() {
      String other = Fixtures.terminal();
      return new Person(account, email, login(account, other), other);
    }

    @Override
    public String toString() {
      return "Person[" + account + "]";
    }
  }

  /** A new customer with an address at {@code @portcullis.test}, logged in on a fresh terminal. */
  public static Person person() {
    String account = "grp-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    String email = account + "@portcullis.test";
    String msisdn = "+4478" + String.format("%09d", RANDOM.nextInt(1_000_000_000));
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/admin/customers",
                "{\"account\":\""
                    + account
                    + "\",\"msisdn\":\""
                    + msisdn
                    + "\",\"email\":\""
                    + email
                    + "\"}");
    assertEquals(201, created.status(), created::toString);
    Api.Reply password =
        Api.admin()
            .put(
                "/api/v1/admin/customers/" + account + "/password",
                "{\"password\":\"" + Fixtures.PASSWORD + "\"}");
    assertEquals(204, password.status(), password::toString);
    String terminal = Fixtures.terminal();
    return new Person(account, email, login(account, terminal), terminal);
  }

  /** Logs a customer's app in on {@code terminal}; returns the token. */
  static String login(String account, String terminal) {
    Api.Reply reply =
        Api.anonymous()
            .post(
                "/api/v1/tokens",
                "{\"account\":\""
                    + account
                    + "\",\"password\":\""
                    + Fixtures.PASSWORD
                    + "\",\"appId\":\"groups\",\"terminalId\":\""
                    + terminal
                    + "\"}");
    assertEquals(201, reply.status(), reply::toString);
    return reply.json().getString("token");
  }

  /** Several people at once. */
  public static List<Person> people(int count) {
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      people.add(person());
    }
    return people;
  }

  /** The problem type's slug of a refused reply. */
  public static String problem(Api.Reply reply) {
    String type = reply.json().getString("type");
    return type.substring("urn:portcullis:problem:".length());
  }

  /** The text decoded from a QR code PNG (ZXing, with a luminance source from the pixels). */
  public static String decodeQr(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    return new MultiFormatReader()
        .decode(
            new BinaryBitmap(
                new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
        .getText();
  }

  /** The first mail in {@code address}'s inbox that matches, read from GreenMail over IMAP. */
  public static Message awaitMail(String address, Predicate<Message> matches) {
    return Peers.awaitMail(address, matches);
  }

  /** A mail's subject, or "" when it cannot be read. */
  public static String subject(Message mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      return "";
    }
  }

  /** The plain-text part of a mail. */
  public static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = text(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  /** The bytes of the mail's first inline image. */
  public static Optional<byte[]> image(Part part) throws Exception {
    if (part.isMimeType("image/*")) {
      try (InputStream in = part.getInputStream()) {
        return Optional.of(in.readAllBytes());
      }
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        Optional<byte[]> found = image(body);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** A staff view of one group. */
  public static JsonObject adminView(String groupId) {
    Api.Reply reply = Api.admin().get("/api/v1/admin/groups/" + groupId);
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }
}
