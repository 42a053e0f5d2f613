package org.portcullis.handset.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The handset API as a test scripts it: the JDK's HTTP server on a loopback port, answering each
 * {@code METHOD path} with the answer set for it (404 problem+json for anything else), and
 * remembering every request. For the command line's output and exit status; the real server's
 * behaviour is the integration tests' job.
 */
final class FakeHandsetApi implements AutoCloseable {

  /** A request as received. */
  record Request(String method, String path, String authorization, String body) {}

  private record Answer(int status, String contentType, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeHandsetApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The address to give the client, e.g. {@code http://127.0.0.1:41234/}. */
  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Answers {@code method path} with JSON. */
  FakeHandsetApi json(String method, String path, int status, String json) {
    answers.put(method + " " + path, new Answer(status, "application/json", json));
    return this;
  }

  /** Answers {@code method path} with no content. */
  FakeHandsetApi noContent(String method, String path) {
    answers.put(method + " " + path, new Answer(204, "", ""));
    return this;
  }

  /** Answers {@code method path} with a Portcullis problem. */
  FakeHandsetApi problem(String method, String path, int status, String slug, String detail) {
    answers.put(
        method + " " + path,
        new Answer(status, "application/problem+json", problem(status, slug, detail)));
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      requests.add(
          new Request(
              method,
              path,
              exchange.getRequestHeaders().getFirst("Authorization"),
              new String(body.readAllBytes(), StandardCharsets.UTF_8)));
      Answer answer =
          answers.getOrDefault(
              method + " " + path,
              new Answer(
                  404,
                  "application/problem+json",
                  problem(404, "not-found", "nothing at " + method + " " + path)));
      if (!answer.contentType().isEmpty()) {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String problem(int status, String slug, String detail) {
    return Json.createObjectBuilder()
        .add("type", ProblemException.TYPE_PREFIX + slug)
        .add("status", status)
        .add("detail", detail)
        .build()
        .toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
