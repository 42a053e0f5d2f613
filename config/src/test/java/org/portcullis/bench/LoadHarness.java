package org.portcullis.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * What every benchmark needs: HTTP calls that fail loudly on an unexpected status, and a
 * closed-loop load of N threads for S seconds that prints throughput and latency percentiles.
 */
final class LoadHarness {

  /** One request of a load: it throws if the server did not answer as expected. */
  interface Call {
    void run(int thread) throws Exception;
  }

  /**
   * What every benchmark is given: {@code BASE_URL ADMIN_PASSWORD [threads] [seconds]
   * [LAUNCHER_CONSOLE_FILE]}; the last only for benchmarks that read SMS codes off the console.
   */
  record Options(String base, String adminPassword, int threads, int seconds, Path console) {
    static Options parse(String[] args) {
      if (args.length < 2) {
        throw new IllegalArgumentException(
            "usage: BASE_URL ADMIN_PASSWORD [threads (16)] [seconds per load (20)]"
                + " [launcher console file]");
      }
      return new Options(
          args[0],
          args[1],
          args.length > 2 ? Integer.parseInt(args[2]) : 16,
          args.length > 3 ? Integer.parseInt(args[3]) : 20,
          args.length > 4 ? Path.of(args[4]) : null);
    }

    /** The codes on the launcher's console, which this benchmark needs. */
    ConsoleCodes consoleCodes() {
      if (console == null) {
        throw new IllegalArgumentException(
            "usage: BASE_URL ADMIN_PASSWORD threads seconds LAUNCHER_CONSOLE_FILE");
      }
      return new ConsoleCodes(console);
    }
  }

  /** What one measured load achieved. */
  record Result(String name, double perSecond, double p50Millis, double p99Millis, long requests) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  LoadHarness(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /**
   * Runs {@code call} on {@code threads} threads for {@code seconds} after a warm-up; prints it.
   */
  Result measure(String name, int threads, int seconds, Call call) throws Exception {
    for (int i = 0; i < 50; i++) {
      call.run(i % threads);
    }
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (running.get() && n < latencies.length) {
                  long begin = System.nanoTime();
                  call.run(thread);
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
    Result result =
        new Result(
            name,
            all.size() / elapsed,
            all.get(all.size() / 2) / 1e6,
            all.get((int) (all.size() * 0.99)) / 1e6,
            all.size());
    System.out.printf(
        "%-44s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  (%d requests, %d threads, %.0f s)%n",
        name,
        result.perSecond(),
        result.p50Millis(),
        result.p99Millis(),
        result.requests(),
        threads,
        elapsed);
    return result;
  }

  /** Sends a request and returns the body; throws unless the status is {@code expected}. */
  String send(String method, String path, String authorization, String body, int expected)
      throws Exception {
    return send(method, path, authorization, null, body, expected);
  }

  /** {@link #send} with the {@code Portcullis-Terminal-Id} header of a customer's app. */
  String send(
      String method, String path, String authorization, String terminal, String body, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (terminal != null) {
      request.header("Portcullis-Terminal-Id", terminal);
    }
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

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
