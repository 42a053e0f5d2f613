package org.portcullis.bench;

import static org.portcullis.bench.LoadHarness.json;

import jakarta.json.JsonObject;

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

  private final LoadHarness load;
  private final String admin;

  private PinPadBenchmark(String base, String adminPassword) {
    this.load = new LoadHarness(base);
    this.admin = LoadHarness.basic("admin", adminPassword);
  }

  public static void main(String[] args) throws Exception {
    LoadHarness.Options options = LoadHarness.Options.parse(args);
    new PinPadBenchmark(options.base(), options.adminPassword())
        .run(options.threads(), options.seconds());
  }

  private void run(int threads, int seconds) throws Exception {
    JsonObject system =
        json(
            load.send(
                "POST",
                "/api/v1/admin/systems",
                admin,
                "{\"name\":\"Benchmark\",\"roles\":[\"VERIFIER\"],\"pinpad\":{\"textMode\":true}}",
                201));
    String caller = LoadHarness.basic(system.getString("systemId"), system.getString("secret"));
    String account = "bench-" + System.nanoTime();
    load.send(
        "POST",
        "/api/v1/admin/customers",
        admin,
        "{\"account\":\"" + account + "\",\"msisdn\":\"+15550100999\"}",
        201);
    load.send(
        "PUT", "/api/v1/admin/customers/" + account + "/pin", admin, "{\"pin\":\"123456\"}", 204);
    long auditBefore =
        json(load.send("GET", "/api/v1/admin/audit/verify", admin, null, 200))
            .getJsonNumber("rows")
            .longValue();

    String open = "{\"account\":\"" + account + "\"}";
    load.measure(
        "open PIN pad (HMAC auth + 2 inserts)",
        threads,
        seconds,
        thread -> {
          load.send("POST", "/api/v1/pinpad/sessions", caller, open, 201);
        });
    load.measure(
        "open + verify (Argon2id check)",
        threads,
        seconds,
        thread -> {
          JsonObject pad = json(load.send("POST", "/api/v1/pinpad/sessions", caller, open, 201));
          String otc = clicks(pad, "123456");
          JsonObject result =
              json(
                  load.send(
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
    JsonObject chain = json(load.send("GET", "/api/v1/admin/audit/verify", admin, null, 200));
    System.out.printf(
        "audit chain: valid=%s, %d records (+%d during the run), verified in %d ms%n",
        chain.getBoolean("valid"),
        chain.getJsonNumber("rows").longValue(),
        chain.getJsonNumber("rows").longValue() - auditBefore,
        (System.nanoTime() - started) / 1_000_000);
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
}
