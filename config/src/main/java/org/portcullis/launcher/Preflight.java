package org.portcullis.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.portcullis.launcher.Launcher.StartupException;

/**
 * The launcher's checks around Payara's start: ports free before, readiness after. Payara itself
 * reports both only deep in its log ("Server failed to start"), so the launcher says plainly what
 * is wrong.
 */
final class Preflight {

  /** How long the application may take to report ready once deployed. */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  /**
   * The fixed loopback ports of domain.xml's admin, IIOP and JMS listeners, before {@code
   * --port-offset} moves them: the reason a second node on one host needs an offset. (Hazelcast
   * moves to the next free port by itself.)
   */
  private static final Map<Integer, String> PAYARA_PORTS =
      new TreeMap<>(Map.of(4848, "Payara admin", 3700, "IIOP", 7676, "JMS"));

  private Preflight() {}

  /**
   * @throws UsageException when the bind address is not a known host
   * @throws StartupException naming the first port already in use
   */
  static void checkPortsFree(String bindAddress, int httpPort, int offset)
      throws UsageException, StartupException {
    InetAddress address;
    try {
      address = InetAddress.getByName(bindAddress);
    } catch (UnknownHostException e) {
      throw new UsageException("--bind: unknown host " + bindAddress);
    }
    checkPortFree(address, httpPort, "HTTP", "choose another with --port or --port-offset");
    for (Map.Entry<Integer, String> port : PAYARA_PORTS.entrySet()) {
      checkPortFree(
          InetAddress.getLoopbackAddress(),
          port.getKey() + offset,
          port.getValue(),
          "another node runs on this host: give this one a --port-offset");
    }
  }

  /** Polls {@code ready} until it answers 200, within {@link #READY_TIMEOUT}. */
  static void awaitReady(HttpClient http, URI ready) throws StartupException, InterruptedException {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build();
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        // the health report names the check that is down
        String body = response.body().strip();
        last =
            "status %d %s"
                .formatted(
                    response.statusCode(), body.length() <= 400 ? body : body.substring(0, 400));
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new StartupException(
        "%s did not answer 200 within %d s (last: %s)"
            .formatted(ready, READY_TIMEOUT.toSeconds(), last),
        null);
  }

  private static void checkPortFree(InetAddress address, int port, String what, String hint)
      throws StartupException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port));
    } catch (IOException e) {
      throw new StartupException(
          "%s port %d on %s is in use (%s): is another Portcullis or Payara running? %s"
              .formatted(what, port, address.getHostAddress(), e.getMessage(), hint),
          e);
    }
  }
}
