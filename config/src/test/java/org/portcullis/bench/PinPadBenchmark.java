package org.portcullis.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load against a running Portcullis, printing throughput and latency of:
 *
 * <ol>
 *   <li>opening PIN pads: each request authenticates the relying system (HMAC), inserts a session
 *       and an audit record, so it measures the write path with the audit log in it;
 *   <li>whole verifications (open + answer): bound by the Argon2id PIN check by design.
 * </ol>
 *
 * Afterwards it verifies the audit chain, which must still be valid and include every record.
 *
 * <pre>
 * java -jar config/target/portcullis.jar --data /tmp/bench &amp;
 * mvn -q -pl config exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.portcullis.bench.PinPadBenchmark \
 *   -Dexec.args="http://127.0.0.1:8080 ADMIN_PASSWORD [threads] [seconds]"
 * </pre>
 */
public final class PinPadBenchmark {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String admin;

  private PinPadBenchmark(String base, String adminPassword) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.admin = basic("admin", adminPassword);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: BASE_URL ADMIN_PASSWORD [threads] [seconds]");
    }
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    new PinPadBenchmark(args[0], args[1]).run(threads, seconds);
  }

  private void run(int threads, int seconds) throws Exception {
    JsonObject system =
        json(
            send(
                "POST",
                "/api/v1/admin/systems",
                admin,
                "{\"name\":\"Benchmark\",\"roles\":[\"VERIFIER\"],\"pinpad\":{\"textMode\":true}}",
                201));
    String caller = basic(system.getString("systemId"), system.getString("secret"));
    String account = "bench-" + System.nanoTime();
    send(
        "POST",
        "/api/v1/admin/customers",
        admin,
        "{\"account\":\"" + account + "\",\"msisdn\":\"+15550100999\"}",
        201);
    send("PUT", "/api/v1/admin/customers/" + account + "/pin", admin, "{\"pin\":\"123456\"}", 204);
    long auditBefore =
        json(send("GET", "/api/v1/admin/audit/verify", admin, null, 200))
            .getJsonNumber("rows")
            .longValue();

    String open = "{\"account\":\"" + account + "\"}";
    measure(
        "open PIN pad (HMAC auth + 2 inserts)",
        threads,
        seconds,
        () -> {
          send("POST", "/api/v1/pinpad/sessions", caller, open, 201);
        });
    measure(
        "open + verify (Argon2id check)",
        threads,
        seconds,
        () -> {
          JsonObject pad = json(send("POST", "/api/v1/pinpad/sessions", caller, open, 201));
          String otc = clicks(pad, "123456");
          JsonObject result =
              json(
                  send(
                      "POST",
                      "/api/v1/pinpad/sessions/" + pad.getString("sessionKey") + "/verification",
                      caller,
                      "{\"otc\":\"" + otc + "\"}",
                      200));
          if (!"OK".equals(result.getString("result"))) {
            throw new IllegalStateException("verification answered " + result);
          }
        });

    long started = System.nanoTime();
    JsonObject chain = json(send("GET", "/api/v1/admin/audit/verify", admin, null, 200));
    System.out.printf(
        "audit chain: valid=%s, %d records (+%d during the run), verified in %d ms%n",
        chain.getBoolean("valid"),
        chain.getJsonNumber("rows").longValue(),
        chain.getJsonNumber("rows").longValue() - auditBefore,
        (System.nanoTime() - started) / 1_000_000);
  }

  interface Call {
    void run() throws Exception;
  }

  private void measure(String name, int threads, int seconds, Call call) throws Exception {
    // warm-up
    for (int i = 0; i < 50; i++) {
      call.run();
    }
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      results.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (running.get() && n < latencies.length) {
                  long begin = System.nanoTime();
                  call.run();
                  latencies[n++] = System.nanoTime() - begin;
                }
                return Arrays.copyOf(latencies, n);
              }));
    }
    Thread.sleep(seconds * 1000L);
    running.set(false);
    List<Long> all = new ArrayList<>();
    for (Future<long[]> result : results) {
      for (long latency : result.get()) {
        all.add(latency);
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    all.sort(null);
    System.out.printf(
        "%-40s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  (%d requests, %d threads, %.0f s)%n",
        name,
        all.size() / elapsed,
        all.get(all.size() / 2) / 1e6,
        all.get((int) (all.size() * 0.99)) / 1e6,
        all.size(),
        threads,
        elapsed);
  }

  private static String clicks(JsonObject pad, String pin) {
    StringBuilder otc = new StringBuilder();
    for (char digit : pin.toCharArray()) {
      otc.append(
          pad.getJsonArray("cells").getValuesAs(JsonObject.class).stream()
                  .filter(cell -> cell.getInt("digit") == digit - '0')
                  .findFirst()
                  .orElseThrow()
                  .getInt("location")
              % 10);
    }
    return otc.toString();
  }

  private String send(String method, String path, String authorization, String body, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(30));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
