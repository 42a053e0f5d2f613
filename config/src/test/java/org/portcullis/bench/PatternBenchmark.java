package org.portcullis.bench;

import static org.portcullis.bench.LoadHarness.json;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Pattern verifications per second against a running launcher (issue 5): each verification is a
 * pair — the handset's challenge ({@code POST /api/v1/pattern/challenges} with its access token)
 * and the relying system's answer ({@code POST /api/v1/pattern/verifications}) — beside the empty
 * endpoint {@code GET /api/v1/ping} in the same run. A third load answers with the duress code, so
 * the answer's latency can be compared with a plain success (SPEC §3.3: same timing).
 *
 * <p>Set-up, through the real API: one customer per client thread, each registered with a pattern
 * (phone code, submission, confirmation grid) and with a handset enrolled by server OTP. The codes
 * are read off the launcher's console, where its demo SMS gateway shows every SMS, so the
 * launcher's output must go to a file:
 *
 * <pre>
 * java -Xmx1g -jar config/target/portcullis.jar --data /tmp/bench \
 *   -Dportcullis.throttle.enabled=false -Dportcullis.alerts.duty-email=duty@bank.test \
 *   &gt; /tmp/bench-console.txt &amp;
 * mvn -q -pl config exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.portcullis.bench.PatternBenchmark \
 *   -Dexec.args="http://127.0.0.1:8080 ADMIN_PASSWORD 16 15 /tmp/bench-console.txt"
 * </pre>
 */
public final class PatternBenchmark {

  private static final int[] CELLS = {1, 14, 27, 40, 5, 20};
  private static final int ADD = 3;

  private final LoadHarness load;
  private final String admin;
  private final ConsoleCodes console;

  private record Handset(String account, String handsetId, String token) {}

  private PatternBenchmark(LoadHarness.Options options) {
    this.load = new LoadHarness(options.base());
    this.admin = LoadHarness.basic("admin", options.adminPassword());
    this.console = options.consoleCodes();
  }

  public static void main(String[] args) throws Exception {
    LoadHarness.Options options = LoadHarness.Options.parse(args);
    new PatternBenchmark(options).run(options.threads(), options.seconds());
  }

  private void run(int threads, int seconds) throws Exception {
    JsonObject system =
        json(
            load.send(
                "POST",
                "/api/v1/admin/systems",
                admin,
                "{\"name\":\"Bench bank "
                    + System.nanoTime()
                    + "\",\"roles\":[\"VERIFIER\"],\"pattern\":{\"duressLockAfter\":\"NEVER\"}}",
                201));
    String systemAuth = LoadHarness.basic(system.getString("systemId"), system.getString("secret"));
    String systemId = system.getString("systemId");
    List<Handset> handsets = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      handsets.add(customer(t));
      System.out.printf("set up customer %d of %d%n", t + 1, threads);
    }

    ConcurrentLinkedQueue<Long> plainAnswers = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> duressAnswers = new ConcurrentLinkedQueue<>();
    LoadHarness.Result empty =
        load.measure(
            "empty endpoint (GET /api/v1/ping)",
            threads,
            seconds,
            thread -> load.send("GET", "/api/v1/ping", null, null, 204));
    LoadHarness.Result plain =
        load.measure(
            "pattern verification (challenge + answer)",
            threads,
            seconds,
            thread -> verify(handsets.get(thread), systemId, systemAuth, "", plainAnswers));
    LoadHarness.Result duress =
        load.measure(
            "pattern verification, duress code",
            threads,
            seconds,
            thread -> verify(handsets.get(thread), systemId, systemAuth, "2", duressAnswers));
    System.out.printf(
        "verifications / empty endpoint: %.2f (plain), %.2f (duress)%n",
        plain.perSecond() / empty.perSecond(), duress.perSecond() / empty.perSecond());
    System.out.printf(
        "answer alone: plain p50 %.1f ms p90 %.1f ms; duress p50 %.1f ms p90 %.1f ms%n",
        percentile(plainAnswers, 0.5),
        percentile(plainAnswers, 0.9),
        percentile(duressAnswers, 0.5),
        percentile(duressAnswers, 0.9));
  }

  private void verify(
      Handset handset,
      String systemId,
      String systemAuth,
      String functionCode,
      ConcurrentLinkedQueue<Long> answerNanos)
      throws Exception {
    JsonObject grid =
        json(
            load.send(
                "POST",
                "/api/v1/pattern/challenges",
                "Bearer " + handset.token(),
                handset.handsetId(),
                "{\"systemId\":\"" + systemId + "\"}",
                201));
    String password = password(grid.getString("digits")) + functionCode;
    long begin = System.nanoTime();
    String answer =
        load.send(
            "POST",
            "/api/v1/pattern/verifications",
            systemAuth,
            "{\"account\":\"" + handset.account() + "\",\"password\":\"" + password + "\"}",
            200);
    answerNanos.add(System.nanoTime() - begin);
    if (!answer.contains("\"OK\"")) {
      throw new IllegalStateException("Verification failed: " + answer);
    }
  }

  /** A customer with a formal pattern and an enrolled handset, all through the API. */
  private Handset customer(int thread) throws Exception {
    String account = "bench-" + System.nanoTime() + "-" + thread;
    String msisdn =
        "+1555" + String.format("%07d", (System.nanoTime() / 1000 + thread) % 10_000_000);
    load.send(
        "POST",
        "/api/v1/admin/customers",
        admin,
        "{\"account\":\"" + account + "\",\"msisdn\":\"" + msisdn + "\"}",
        201);
    String link =
        json(load.send(
                "POST",
                "/api/v1/admin/customers/" + account + "/pattern-registration",
                admin,
                "{\"tableId\":1}",
                201))
            .getString("link");
    String registration = "/api/v1/pattern/registrations/" + link.substring(link.indexOf('#') + 1);
    List<String> seen = console.codes(msisdn);
    load.send("POST", registration + "/phone-code", null, null, 202);
    load.send(
        "POST",
        registration + "/phone-confirmation",
        null,
        "{\"code\":\"" + console.awaitCode(msisdn, seen) + "\"}",
        200);
    JsonObject grid =
        json(
            load.send(
                "POST",
                registration,
                null,
                "{\"positions\":\"1,14,27,40,5,20\",\"rule\":\"+3\"}",
                200));
    load.send(
        "POST",
        registration + "/confirmation",
        null,
        "{\"password\":\"" + password(grid.getString("digits")) + "\"}",
        200);
    seen = console.codes(msisdn);
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
    return new Handset(account, enrolled.getString("handsetId"), enrolled.getString("token"));
  }

  private static String password(String digits) {
    StringBuilder password = new StringBuilder();
    for (int cell : CELLS) {
      password.append(Math.floorMod(digits.charAt(cell - 1) - '0' + ADD, 10));
    }
    return password.toString();
  }

  private static double percentile(ConcurrentLinkedQueue<Long> nanos, double fraction) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    return sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * fraction)) / 1e6;
  }
}
