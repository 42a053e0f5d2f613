package org.portcullis.bench;

import static org.portcullis.bench.LoadHarness.json;

import jakarta.json.JsonObject;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Secure messages per second against a running launcher (issue 12), beside the empty endpoint
 * {@code GET /api/v1/ping} in the same run:
 *
 * <ul>
 *   <li>submissions ({@code POST /api/v1/messages}, a 1 KiB body) to one customer with two
 *       handsets, an EC P-256 and an RSA 2048 one: each is one A256GCM encryption, three key wraps
 *       (server, ECDH-ES, RSA-OAEP), four inserts, an SMS outbox row and an audit record;
 *   <li>inbox fetches ({@code GET /api/v1/handsets/{id}/inbox} with the handset's token, which also
 *       extends its token) of a handset holding ten messages.
 * </ul>
 *
 * <p>The handsets enroll by server OTP, whose codes are read off the launcher's console (its demo
 * SMS gateway shows every SMS), so the launcher's output must go to a file; rate limits must be
 * off:
 *
 * <pre>
 * java -Xmx1g -jar config/target/portcullis.jar --data /tmp/bench \
 *   -Dportcullis.throttle.enabled=false &gt; /tmp/bench-console.txt &amp;
 * mvn -q -pl config exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.portcullis.bench.MessageBenchmark \
 *   -Dexec.args="http://127.0.0.1:8080 ADMIN_PASSWORD 16 15 /tmp/bench-console.txt"
 * </pre>
 */
public final class MessageBenchmark {

  private final LoadHarness load;
  private final String admin;
  private final ConsoleCodes console;

  private record Handset(String handsetId, String token) {}

  private MessageBenchmark(LoadHarness.Options options) {
    this.load = new LoadHarness(options.base());
    this.admin = LoadHarness.basic("admin", options.adminPassword());
    this.console = options.consoleCodes();
  }

  public static void main(String[] args) throws Exception {
    LoadHarness.Options options = LoadHarness.Options.parse(args);
    new MessageBenchmark(options).run(options.threads(), options.seconds());
  }

  private void run(int threads, int seconds) throws Exception {
    JsonObject system =
        json(
            load.send(
                "POST",
                "/api/v1/admin/systems",
                admin,
                "{\"name\":\"Bench sender " + System.nanoTime() + "\",\"roles\":[\"SENDER\"]}",
                201));
    String sender = LoadHarness.basic(system.getString("systemId"), system.getString("secret"));
    String recipient = customer("recipient");
    List<Handset> readers = List.of(handset(recipient, "EC"), handset(recipient, "RSA"));
    String inboxOwner = customer("inbox");
    List<Handset> inboxHandsets = List.of(handset(inboxOwner, "EC"), handset(inboxOwner, "RSA"));
    String body = "x".repeat(1024);
    for (int i = 0; i < 10; i++) {
      submit(sender, inboxOwner, body);
    }
    System.out.printf("set up: two customers with an EC and an RSA handset each%n");

    // the JIT warms up on the paths measured next; the SMS outbox drains the submissions' notices
    // long after their load, so the inbox fetches are measured before them
    load.measure(
        "warm-up: inbox fetches", threads, seconds, thread -> fetch(inboxHandsets.get(thread % 2)));
    LoadHarness.Result empty =
        load.measure(
            "empty endpoint (GET /api/v1/ping)",
            threads,
            seconds,
            thread -> load.send("GET", "/api/v1/ping", null, null, 204));
    LoadHarness.Result fetches =
        load.measure(
            "inbox fetches (10 messages)",
            threads,
            seconds,
            thread -> fetch(inboxHandsets.get(thread % 2)));
    AtomicLong sent = new AtomicLong();
    LoadHarness.Result submissions =
        load.measure(
            "message submissions (2 handsets, 1 KiB)",
            threads,
            seconds,
            thread -> {
              submit(sender, recipient, body);
              sent.incrementAndGet();
            });
    String readerInbox =
        load.send(
            "GET",
            "/api/v1/handsets/" + readers.get(0).handsetId() + "/inbox",
            "Bearer " + readers.get(0).token(),
            null,
            200);
    System.out.printf(
        "submissions / empty endpoint: %.3f; inbox fetches / empty endpoint: %.3f%n",
        submissions.perSecond() / empty.perSecond(), fetches.perSecond() / empty.perSecond());
    System.out.printf(
        "%d messages submitted; the EC handset's inbox lists %d (at most 200)%n",
        sent.get(), json(readerInbox).getJsonArray("messages").size());
  }

  private void fetch(Handset handset) throws Exception {
    String inbox =
        load.send(
            "GET",
            "/api/v1/handsets/" + handset.handsetId() + "/inbox",
            "Bearer " + handset.token(),
            null,
            200);
    if (!inbox.contains("\"ciphertext\"")) {
      throw new IllegalStateException("An empty inbox: " + inbox);
    }
  }

  private void submit(String sender, String msisdn, String body) throws Exception {
    load.send(
        "POST",
        "/api/v1/messages",
        sender,
        "{\"msisdn\":\"" + msisdn + "\",\"subject\":\"Bench\",\"body\":\"" + body + "\"}",
        201);
  }

  /** A new customer; returns its MSISDN. */
  private String customer(String name) throws Exception {
    String account = "bench-" + name + "-" + System.nanoTime();
    String msisdn = "+1555" + String.format("%07d", (System.nanoTime() / 1000) % 10_000_000);
    load.send(
        "POST",
        "/api/v1/admin/customers",
        admin,
        "{\"account\":\"" + account + "\",\"msisdn\":\"" + msisdn + "\"}",
        201);
    return msisdn;
  }

  /** A handset enrolled by server OTP for {@code msisdn}, with a new key of that kind uploaded. */
  private Handset handset(String msisdn, String kind) throws Exception {
    List<String> seen = console.codes(msisdn);
    String enrollmentId =
        json(load.send(
                "POST",
                "/api/v1/handsets/enrollments",
                null,
                "{\"msisdn\":\"" + msisdn + "\",\"deviceType\":\"bench\"}",
                202))
            .getString("enrollmentId");
    JsonObject enrolled =
        json(
            load.send(
                "POST",
                "/api/v1/handsets/enrollments/" + enrollmentId + "/otp",
                null,
                "{\"otp\":\"" + console.awaitCode(msisdn, seen) + "\"}",
                201));
    Handset handset = new Handset(enrolled.getString("handsetId"), enrolled.getString("token"));
    KeyPairGenerator generator = KeyPairGenerator.getInstance(kind);
    if (kind.equals("EC")) {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    } else {
      generator.initialize(2048);
    }
    String key =
        Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    load.send(
        "PUT",
        "/api/v1/handsets/" + handset.handsetId() + "/public-key",
        "Bearer " + handset.token(),
        "{\"publicKey\":\"" + key + "\"}",
        204);
    return handset;
  }
}
