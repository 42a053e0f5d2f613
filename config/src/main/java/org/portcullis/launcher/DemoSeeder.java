package org.portcullis.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the demo relying system and the demo customer through the real admin API, as a bank's
 * staff would, so that the demo exercises the same validation and audit as production.
 *
 * <p>Each step is saved as soon as it succeeds (through {@link Checkpoint}), so a start interrupted
 * half-way resumes with the missing steps instead of creating a second system. Not thread-safe.
 */
final class DemoSeeder {

  /** The demo customer's account name. */
  static final String DEMO_ACCOUNT = "demo";

  private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Saves progress; the launcher writes it to the data directory. */
  @FunctionalInterface
  interface Checkpoint {
    void save(DemoCredentials credentials) throws IOException;
  }

  private final HttpClient http;
  private final URI api;
  private final SecureRandom random;

  /**
   * @param http the client
   * @param baseUri the server's root, e.g. {@code http://127.0.0.1:8080/}
   * @param random the source of the demo PIN
   */
  DemoSeeder(HttpClient http, URI baseUri, SecureRandom random) {
    this.http = http;
    this.api = baseUri.resolve("/api/v1/admin/");
    this.random = random;
  }

  /**
   * Runs the steps {@code credentials} does not have yet, authenticating as {@code admin} with its
   * admin password.
   *
   * @return the complete credentials
   * @throws IOException when the server refuses a step; the message names the call and status
   */
  DemoCredentials seed(DemoCredentials credentials, Checkpoint checkpoint)
      throws IOException, InterruptedException {
    DemoCredentials current = credentials;
    String auth = basic("admin", current.adminPassword());
    if (current.systemId() == null) {
      String body =
          Json.createObjectBuilder()
              .add("name", "Demo online bank")
              .add("roles", Json.createArrayBuilder().add("VERIFIER"))
              .add(
                  "pinpad",
                  Json.createObjectBuilder()
                      .add("algorithm", "STANDARD")
                      .add("layout", "PHONE")
                      .add("shuffle", true)
                      .add("textMode", true)
                      .add("ttl", "PT2M"))
              .build()
              .toString();
      HttpResponse<String> response = send("POST", "systems", body, auth, 201);
      JsonObject created = parse(response.body());
      current = current.withSystem(text(created, "systemId"), text(created, "secret"));
      checkpoint.save(current);
      LOG.log(Level.INFO, "Demo relying system {0} created", current.systemId());
    }
    if (current.account() == null) {
      String body =
          Json.createObjectBuilder()
              .add("account", DEMO_ACCOUNT)
              .add("msisdn", "+15550100001")
              .add("email", "demo@example.org")
              .build()
              .toString();
      // 409: created by a start that stopped before saving it; the customer is there all the same
      send("POST", "customers", body, auth, 201, 409);
      current = current.withAccount(DEMO_ACCOUNT);
      checkpoint.save(current);
      LOG.log(Level.INFO, "Demo customer {0} created", DEMO_ACCOUNT);
    }
    if (current.pin() == null) {
      String pin = "%06d".formatted(random.nextInt(1_000_000));
      String body = Json.createObjectBuilder().add("pin", pin).build().toString();
      send("PUT", "customers/" + current.account() + "/pin", body, auth, 204);
      current = current.withPin(pin);
      checkpoint.save(current);
      LOG.log(Level.INFO, "Demo customer {0} has a PIN", current.account());
    }
    return current;
  }

  private HttpResponse<String> send(
      String method, String path, String json, String auth, int... expected)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(api.resolve(path))
            .timeout(TIMEOUT)
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response =
        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    for (int status : expected) {
      if (response.statusCode() == status) {
        return response;
      }
    }
    // the request body may hold the PIN: report only the call and the server's answer
    throw new IOException(
        "%s %s answered %d: %s"
            .formatted(
                method, request.uri().getPath(), response.statusCode(), abbreviate(response)));
  }

  private static JsonObject parse(String body) throws IOException {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new IOException("the admin API answered something that is not a JSON object", e);
    }
  }

  /** A member as text; the system ID is a string of digits, but a number is accepted too. */
  private static String text(JsonObject object, String name) throws IOException {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new IOException("the admin API's answer has no \"" + name + "\"");
    }
    return value.getValueType() == JsonValue.ValueType.STRING
        ? object.getString(name)
        : value.toString();
  }

  /** A problem+json or text answer, shortened; an HTML error page says nothing useful here. */
  private static String abbreviate(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.contains("json") && !type.startsWith("text/plain")) {
      return "(" + (type.isEmpty() ? "no body" : type) + "; Payara's log above says why)";
    }
    String body = response.body().strip();
    return body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
