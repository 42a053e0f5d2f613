package org.portcullis.launcher;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The admin API of a launcher on loopback, as the launcher tests call it (HTTP Basic, JSON). */
final class LauncherApi {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String authorization;

  LauncherApi(int port, String adminPassword) {
    this.base = URI.create("http://127.0.0.1:" + port + "/");
    this.authorization = basic("admin", adminPassword);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return send("POST", path, json);
  }

  HttpResponse<String> send(String method, String path, String json)
      throws IOException, InterruptedException {
    return send(authorization, method, path, json);
  }

  /** A customer's sign-in with a password: {@code POST /api/v1/tokens}, as the bank's app does. */
  HttpResponse<String> signIn(String account, String password, String terminalId)
      throws IOException, InterruptedException {
    return send(
        null,
        "POST",
        "api/v1/tokens",
        "{\"account\":\"%s\",\"password\":\"%s\",\"appId\":\"launcher-it\",\"terminalId\":\"%s\"}"
            .formatted(account, password, terminalId));
  }

  /** A call with another caller's {@code Authorization} (none when {@code null}). */
  HttpResponse<String> send(String authorization, String method, String path, String json)
      throws IOException, InterruptedException {
    return send(authorization, null, method, path, json);
  }

  /** A customer's app on a terminal: its Bearer token and {@code Portcullis-Terminal-Id}. */
  HttpResponse<String> send(
      String authorization, String terminalId, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (terminalId != null) {
      request.header("Portcullis-Terminal-Id", terminalId);
    }
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static JsonArray jsonArray(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readArray();
    }
  }

  static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
