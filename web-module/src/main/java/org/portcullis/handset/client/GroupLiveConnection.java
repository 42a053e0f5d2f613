package org.portcullis.handset.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A member's live socket of a group ({@code java.net.http.WebSocket}): the frames the server pushes
 * (welcome, entries, presence, relayed signalling, errors) arrive in a queue to take them from, and
 * the member sends WebRTC signalling frames to another member by its member id. The server closes
 * it with 4000 when the group closes, 4001 when the member leaves, 4401 when the ticket was
 * refused.
 *
 * <p>Thread-safe: frames are taken from a concurrent queue, sends are serialised (the JDK's
 * WebSocket allows one outstanding send).
 */
public final class GroupLiveConnection implements AutoCloseable {

  /** How the server closed the socket (or 1006 when the connection dropped). */
  public record Closed(int code, String reason) {}

  private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private GroupLiveConnection(HttpClient http, URI url) throws IOException, InterruptedException {
    try {
      socket =
          http.newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(url, new Receiver())
              .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // the URL carries the ticket: never in a message
      throw new IOException("the live socket did not open: " + rootCause(e), e);
    }
  }

  /** Opens the socket at {@code url} (the ticket's). */
  static GroupLiveConnection open(HttpClient http, URI url)
      throws IOException, InterruptedException {
    return new GroupLiveConnection(http, url);
  }

  /**
   * Opens the socket at a ticket's URL ({@link GroupClient.Ticket#url()}); {@link GroupClient#live}
   * gets the ticket and does this in one step.
   */
  public static GroupLiveConnection connect(URI ticketUrl)
      throws IOException, InterruptedException {
    return new GroupLiveConnection(HttpClient.newHttpClient(), ticketUrl);
  }

  /** The next frame, waiting up to {@code timeout}; empty if none came. */
  public Optional<JsonObject> next(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  /**
   * The first frame that matches, waiting up to {@code timeout}; the frames before it are dropped.
   *
   * @throws TimeoutException when none matched in time
   */
  public JsonObject await(Predicate<JsonObject> matches, Duration timeout)
      throws InterruptedException, TimeoutException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<JsonObject> frame = next(Duration.between(Instant.now(), deadline));
      if (frame.isPresent() && matches.test(frame.get())) {
        return frame.get();
      }
    }
    throw new TimeoutException("no matching frame within " + timeout);
  }

  /** The first frame of the given type. */
  public JsonObject await(String type, Duration timeout)
      throws InterruptedException, TimeoutException {
    return await(frame -> type.equals(frame.getString("type", "")), timeout);
  }

  /** Every frame that arrived so far and was not taken. */
  public List<JsonObject> drain() {
    List<JsonObject> taken = new ArrayList<>();
    frames.drainTo(taken);
    return taken;
  }

  /**
   * Sends a WebRTC signalling frame ({@code offer}, {@code answer}, {@code candidate}, {@code
   * hangup}) to one member; {@code data} goes through untouched.
   */
  public void signal(String type, String toMemberId, JsonValue data) throws IOException {
    send(
        Json.createObjectBuilder()
            .add("type", type)
            .add("to", toMemberId)
            .add("data", data == null ? JsonValue.NULL : data)
            .build()
            .toString());
  }

  /** Sends any text: for tests of what the server refuses. */
  public void sendRaw(String text) throws IOException {
    send(text);
  }

  public void ping() throws IOException {
    send("{\"type\":\"ping\"}");
  }

  /** Completes when the socket has closed, with the server's code. */
  public CompletableFuture<Closed> closed() {
    return closed;
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }

  private synchronized void send(String text) throws IOException {
    try {
      socket.sendText(text, true).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("the frame was not sent: " + rootCause(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while sending", e);
    }
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName();
  }

  /** Collects text frames (which may come in parts) into the queue. */
  private final class Receiver implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try (var reader = Json.createReader(new StringReader(text))) {
          frames.add(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
          frames.add(Json.createObjectBuilder().add("type", "unreadable").build());
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(new Closed(1006, error.getClass().getSimpleName()));
    }
  }
}
