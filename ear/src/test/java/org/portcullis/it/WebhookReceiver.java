package org.portcullis.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.portcullis.outbox.WebhookSignature;

/**
 * A real HTTP server on loopback that receives a sender's webhook pushes, as a bank's system would:
 * it records each push with its Standard Webhooks headers and can refuse the first ones (503) to
 * show that pushes are retried.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One push as it arrived. */
  record Push(String id, String timestamp, String signature, String body) {
    boolean validFor(String secret) {
      return new WebhookSignature(secret).verify(id, Long.parseLong(timestamp), body, signature);
    }
  }

  private final HttpServer server;
  private final List<Push> pushes = new ArrayList<>();
  private final AtomicInteger refusals;

  private WebhookReceiver(HttpServer server, int refuseFirst) {
    this.server = server;
    this.refusals = new AtomicInteger(refuseFirst);
  }

  /** A receiver that answers 503 to the first {@code refuseFirst} pushes and 204 to the rest. */
  static WebhookReceiver start(int refuseFirst) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookReceiver receiver = new WebhookReceiver(server, refuseFirst);
    server.createContext(
        "/hooks/replies",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            synchronized (receiver.pushes) {
              receiver.pushes.add(
                  new Push(
                      exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER),
                      exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                      exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                      body));
            }
            int status = receiver.refusals.getAndDecrement() > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
          } finally {
            exchange.close();
          }
        });
    server.start();
    return receiver;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/replies";
  }

  /** The first {@code count} pushes, once they have arrived. */
  List<Push> awaitPushes(int count) {
    return Peers.await(
        () -> {
          synchronized (pushes) {
            return pushes.size() >= count
                ? Optional.of(List.copyOf(pushes.subList(0, count)))
                : Optional.empty();
          }
        },
        count + " webhook pushes");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
