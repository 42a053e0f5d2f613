package org.portcullis.bench;

import static org.portcullis.bench.LoadHarness.json;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Token access requests per second against a running Portcullis (issue 4), beside the empty
 * endpoint {@code GET /api/v1/ping} measured in the same run on the same server.
 *
 * <p>Set-up: one customer with an app password; one terminal per client thread holding {@value
 * #TOKENS_PER_TERMINAL} tokens (ten apps logged in). Each request presents a random token of its
 * thread's terminal to {@code POST /api/v1/tokens/access}: the server finds and locks the
 * terminal's ten tokens, checks the secret's HMAC, extends all ten and writes an audit record. A
 * second load puts every thread on one shared terminal, where accesses queue on its row locks.
 *
 * <pre>
 * java -jar config/target/portcullis.jar --data /tmp/bench &amp;
 * mvn -q -pl config exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.portcullis.bench.TokenBenchmark \
 *   -Dexec.args="http://127.0.0.1:8080 ADMIN_PASSWORD [threads] [seconds]"
 * </pre>
 */
public final class TokenBenchmark {

  static final int TOKENS_PER_TERMINAL = 10;
  private static final String PASSWORD = "benchmark password with spaces";

  private final LoadHarness load;
  private final String admin;

  private TokenBenchmark(String base, String adminPassword) {
    this.load = new LoadHarness(base);
    this.admin = LoadHarness.basic("admin", adminPassword);
  }

  public static void main(String[] args) throws Exception {
    LoadHarness.Options options = LoadHarness.Options.parse(args);
    new TokenBenchmark(options.base(), options.adminPassword())
        .run(options.threads(), options.seconds());
  }

  private void run(int threads, int seconds) throws Exception {
    String account = "bench-" + System.nanoTime();
    load.send(
        "POST",
        "/api/v1/admin/customers",
        admin,
        "{\"account\":\"" + account + "\",\"msisdn\":\"+15550100998\"}",
        201);
    load.send(
        "PUT",
        "/api/v1/admin/customers/" + account + "/password",
        admin,
        "{\"password\":\"" + PASSWORD + "\"}",
        204);

    List<List<String>> terminals = new ArrayList<>();
    List<String> terminalIds = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String terminal = "bench-" + System.nanoTime() + "-" + t;
      terminalIds.add(terminal);
      terminals.add(loginApps(account, terminal));
    }
    String shared = "bench-shared-" + System.nanoTime();
    List<String> sharedTokens = loginApps(account, shared);

    LoadHarness.Result empty =
        load.measure(
            "empty endpoint (GET /api/v1/ping)",
            threads,
            seconds,
            thread -> load.send("GET", "/api/v1/ping", null, null, 204));
    LoadHarness.Result own =
        load.measure(
            "token access, own terminal per thread",
            threads,
            seconds,
            thread -> access(terminals.get(thread), terminalIds.get(thread)));
    LoadHarness.Result contended =
        load.measure(
            "token access, all threads on one terminal",
            threads,
            seconds,
            thread -> access(sharedTokens, shared));
    System.out.printf(
        "token access / empty endpoint: %.2f (own terminals), %.2f (one terminal)%n",
        own.perSecond() / empty.perSecond(), contended.perSecond() / empty.perSecond());
  }

  private List<String> loginApps(String account, String terminal) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int app = 0; app < TOKENS_PER_TERMINAL; app++) {
      tokens.add(
          json(load.send(
                  "POST",
                  "/api/v1/tokens",
                  null,
                  "{\"account\":\""
                      + account
                      + "\",\"password\":\""
                      + PASSWORD
                      + "\",\"appId\":\"app-"
                      + app
                      + "\",\"terminalId\":\""
                      + terminal
                      + "\"}",
                  201))
              .getString("token"));
    }
    return tokens;
  }

  private void access(List<String> tokens, String terminal) throws Exception {
    String token = tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()));
    load.send(
        "POST",
        "/api/v1/tokens/access",
        "Bearer " + token,
        "{\"terminalId\":\"" + terminal + "\"}",
        200);
  }
}
