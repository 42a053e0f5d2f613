package org.portcullis.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The real peers the build starts for every server of the run: the node-smpp SMSC simulator
 * (control API on loopback) and GreenMail (SMTP in, IMAP out). Ports are fixed by ear/pom.xml.
 */
public final class Peers {

  static final String SMSC_CONTROL = "http://127.0.0.1:12776";
  static final int IMAP_PORT = 13143;
  static final String SMTP_PROXY_CONTROL = "http://127.0.0.1:13027";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Peers() {}

  /** The simulator's control API: GET /messages, POST /mo, POST /faults … */
  public static JsonObject smsc(String method, String path, String json) {
    return control(SMSC_CONTROL, method, path, json);
  }

  /** Takes the mail server away from the servers (the proxy in front of it) for a while. */
  public static void mailOutage(int durationMs) {
    control(SMTP_PROXY_CONTROL, "POST", "/outage", "{\"durationMs\":" + durationMs + "}");
  }

  private static JsonObject control(String base, String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + base + path + " → " + response.statusCode());
      }
      String body = response.body();
      if (body == null || body.isBlank()) {
        return JsonObject.EMPTY_JSON_OBJECT;
      }
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new IllegalStateException(base + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every reassembled message the simulator received so far. */
  private static Stream<JsonObject> received() {
    return smsc("GET", "/messages", null)
        .getJsonArray("messages")
        .getValuesAs(JsonObject.class)
        .stream();
  }

  /** Whether a message went to {@code msisdn} (the gateway may drop the plus). */
  private static boolean isTo(JsonObject message, String msisdn) {
    return message.getString("to").replaceFirst("^\\+", "").equals(msisdn.replaceFirst("^\\+", ""));
  }

  /** The reassembled message the simulator received with this exact text, once it has. */
  static JsonObject awaitSms(String text) {
    return await(
        () ->
            received()
                .filter(m -> m.getBoolean("complete") && text.equals(m.getString("text")))
                .findFirst(),
        "the SMS gateway to receive \"" + text + "\"");
  }

  /** The text of the first complete SMS the simulator received for {@code msisdn} that matches. */
  static String awaitSmsTo(String msisdn, Predicate<String> matches) {
    return await(
        () ->
            received()
                .filter(m -> m.getBoolean("complete") && isTo(m, msisdn))
                .map(m -> m.getString("text"))
                .filter(matches)
                .findFirst(),
        "an SMS to " + msisdn);
  }

  /** The SMS texts the simulator received for {@code msisdn} so far. */
  static List<String> smsTextsTo(String msisdn) {
    return received().filter(m -> isTo(m, msisdn)).map(m -> m.getString("text")).toList();
  }

  /**
   * A mobile-originated SMS from {@code from} to the service number, through the simulator and the
   * application's SMPP session (retried while the simulator has no bound session, e.g. after an
   * outage).
   */
  static void sendMo(String from, String to, String text) {
    String mo =
        Json.createObjectBuilder()
            .add("from", from)
            .add("to", to)
            .add("text", text)
            .build()
            .toString();
    await(
        () -> {
          try {
            return Optional.of(smsc("POST", "/mo", mo));
          } catch (IllegalStateException notBoundYet) {
            return Optional.empty();
          }
        },
        "a bound session to carry the MO SMS");
  }

  /** The first message in {@code address}'s IMAP inbox that matches, once there is one. */
  static Message awaitMail(String address, Predicate<Message> matches) {
    return await(
        () -> {
          Properties properties = new Properties();
          properties.put("mail.imap.host", "127.0.0.1");
          properties.put("mail.imap.port", Integer.toString(IMAP_PORT));
          try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(address, address); // GreenMail runs with authentication disabled
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
              if (matches.test(message)) {
                // read it whole before the folder closes
                jakarta.mail.internet.MimeMessage copy =
                    new jakarta.mail.internet.MimeMessage(
                        (jakarta.mail.internet.MimeMessage) message);
                store.close();
                return Optional.of((Message) copy);
              }
            }
            store.close();
            return Optional.empty();
          } catch (MessagingException e) {
            return Optional.empty(); // the user's mailbox appears with the first mail
          }
        },
        "a mail for " + address);
  }

  public static <T> T await(Supplier<Optional<T>> probe, String what) {
    Instant deadline = Instant.now().plusSeconds(45);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Timed out waiting for " + what);
  }
}
