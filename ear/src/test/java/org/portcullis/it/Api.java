package org.portcullis.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client for the tests: real requests to the running server's API. */
public final class Api {

  /** Where the server under test answers; the build sets it for the embedded server. */
  public static final String BASE =
      System.getProperty("portcullis.test.base-url", "http://127.0.0.1:8080");

  public static final String ADMIN_PASSWORD =
      System.getProperty("portcullis.admin.password", "test-admin-password");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** One HTTP answer. */
  public record Reply(int status, HttpResponse<byte[]> response) {
    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new ByteArrayInputStream(response.body()))) {
        return reader.readObject();
      } catch (JsonException notJson) {
        throw notJson(notJson);
      }
    }

    public JsonArray jsonArray() {
      try (JsonReader reader = Json.createReader(new ByteArrayInputStream(response.body()))) {
        return reader.readArray();
      } catch (JsonException notJson) {
        throw notJson(notJson);
      }
    }

    /** A failure that says what came instead of JSON: the status and the start of the body. */
    private AssertionError notJson(JsonException cause) {
      String body = text();
      return new AssertionError(
          response.request().method()
              + " "
              + response.uri()
              + " answered "
              + status
              + " "
              + contentType()
              + ", not JSON: "
              + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body),
          cause);
    }

    public String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
      return response.body();
    }

    public Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }

  private final String authorization;
  private final String terminal;

  private Api(String authorization) {
    this(authorization, null);
  }

  private Api(String authorization, String terminal) {
    this.authorization = authorization;
    this.terminal = terminal;
  }

  /** A handset: its Bearer token and its handset id as the terminal ID. */
  public static Api handset(String token, String handsetId) {
    return new Api("Bearer " + token, handsetId);
  }

  public static Api anonymous() {
    return new Api(null);
  }

  public static Api admin() {
    return basic("admin", ADMIN_PASSWORD);
  }

  public static Api basic(String user, String password) {
    return new Api(
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply post(String path, String json) {
    return send("POST", path, json);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /** A client that sends {@code Authorization: Bearer <token>}. */
  public static Api bearer(String token) {
    return new Api("Bearer " + token);
  }

  public Reply put(String path, String json) {
    return send("PUT", path, json);
  }

  public Reply send(String method, String path, String json) {
    return send(method, path, json, Map.of());
  }

  /** A request with further headers, e.g. {@code Idempotency-Key}. */
  public Reply send(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (terminal != null) {
      request.header("Portcullis-Terminal-Id", terminal);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new IllegalStateException("Request " + method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
