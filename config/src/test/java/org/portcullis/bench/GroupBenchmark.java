package org.portcullis.bench;

import static org.portcullis.bench.LoadHarness.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages relayed between live members of private groups (issue 13), beside the empty endpoint
 * {@code GET /api/v1/ping} measured in the same run on the same server.
 *
 * <p>Each message is a real post ({@code POST /api/v1/groups/{id}/messages}: token access with the
 * terminal-wide extension, the group's row lock, the entry and an audit record, the commit) whose
 * 64-byte ciphertext carries the sender's {@code System.nanoTime()}; every live member's WebSocket
 * receives it and the delivery latency is taken from the post's start to its arrival (sender and
 * members are in this one JVM, so the clocks agree).
 *
 * <ul>
 *   <li><b>one group</b>: {@code threads} senders and {@value #LISTENERS} live listeners in one
 *       group, where every post waits its turn on the group's row lock;
 *   <li><b>a group per sender</b>: {@code threads} groups, each with one sender and one live
 *       listener.
 * </ul>
 *
 * <p>Start the launcher without rate limits (a terminal may otherwise post 10 times a second):
 *
 * <pre>
 * java -jar config/target/portcullis.jar --data /tmp/bench -Dportcullis.throttle.enabled=false &amp;
 * mvn -q -pl config exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.portcullis.bench.GroupBenchmark \
 *   -Dexec.args="http://127.0.0.1:8080 ADMIN_PASSWORD [threads] [seconds]"
 * </pre>
 */
public final class GroupBenchmark {

  static final int LISTENERS = 3;
  private static final String PASSWORD = "benchmark password with spaces";
  private static final Pattern CIPHERTEXT = Pattern.compile("\"ciphertext\":\"([^\"]+)\"");

  private final LoadHarness load;
  private final String base;
  private final String admin;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<WebSocket> sockets = new ArrayList<>();
  private String account;
  private int terminals;

  private GroupBenchmark(String base, String adminPassword) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.load = new LoadHarness(base);
    this.admin = LoadHarness.basic("admin", adminPassword);
  }

  public static void main(String[] args) throws Exception {
    LoadHarness.Options options = LoadHarness.Options.parse(args);
    new GroupBenchmark(options.base(), options.adminPassword())
        .run(options.threads(), options.seconds());
    System.exit(0);
  }

  /** A logged-in terminal of the benchmark's customer. */
  private record Member(String bearer, String terminal) {}

  /** Arrival latencies (nanoseconds) of every delivery to the listeners. */
  private final ConcurrentLinkedQueue<Long> deliveries = new ConcurrentLinkedQueue<>();

  private final AtomicLong delivered = new AtomicLong();

  private void run(int threads, int seconds) throws Exception {
    account = "bench-" + System.nanoTime();
    load.send(
        "POST",
        "/api/v1/admin/customers",
        admin,
        "{\"account\":\"" + account + "\",\"msisdn\":\"+15550100997\"}",
        201);
    load.send(
        "PUT",
        "/api/v1/admin/customers/" + account + "/password",
        admin,
        "{\"password\":\"" + PASSWORD + "\"}",
        204);

    // one group: every sender and three listeners
    Member opener = member();
    String[] one = open(opener);
    List<Member> senders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      senders.add(join(one, member()));
    }
    for (int l = 0; l < LISTENERS; l++) {
      listen(one[0], join(one, member()));
    }
    // a group per sender: one sender and one listener each
    List<String> ownGroups = new ArrayList<>();
    List<Member> ownSenders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Member sender = member();
      String[] group = open(sender);
      listen(group[0], join(group, member()));
      ownGroups.add(group[0]);
      ownSenders.add(sender);
    }

    LoadHarness.Result empty =
        load.measure(
            "empty endpoint (GET /api/v1/ping)",
            threads,
            seconds,
            thread -> load.send("GET", "/api/v1/ping", null, null, 204));

    reset();
    LoadHarness.Result shared =
        load.measure(
            "post, one group (" + LISTENERS + " live listeners)",
            threads,
            seconds,
            thread -> post(one[0], senders.get(thread)));
    report("delivery, one group", LISTENERS);

    reset();
    LoadHarness.Result own =
        load.measure(
            "post, a group per sender (1 listener each)",
            threads,
            seconds,
            thread -> post(ownGroups.get(thread), ownSenders.get(thread)));
    report("delivery, a group per sender", 1);

    System.out.printf(
        "posts / empty endpoint: %.2f (one group), %.2f (a group per sender)%n",
        shared.perSecond() / empty.perSecond(), own.perSecond() / empty.perSecond());
    sockets.forEach(socket -> socket.abort());
  }

  private void reset() throws InterruptedException {
    Thread.sleep(1000); // the warm-up's and the last load's deliveries arrive
    deliveries.clear();
    delivered.set(0);
  }

  private void report(String name, int listeners) throws InterruptedException {
    Thread.sleep(1000); // the last posts' deliveries arrive
    long[] latencies = deliveries.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(latencies);
    if (latencies.length == 0) {
      System.out.println(name + ": nothing delivered");
      return;
    }
    System.out.printf(
        "%-44s %8d deliveries to %d listener(s)  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
        name,
        latencies.length,
        listeners,
        latencies[latencies.length / 2] / 1e6,
        latencies[(int) (latencies.length * 0.99)] / 1e6,
        latencies[latencies.length - 1] / 1e6);
  }

  private Member member() throws Exception {
    String terminal = "bench-group-" + System.nanoTime() + "-" + terminals++;
    String token =
        json(load.send(
                "POST",
                "/api/v1/tokens",
                null,
                "{\"account\":\""
                    + account
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\",\"appId\":\"bench\",\"terminalId\":\""
                    + terminal
                    + "\"}",
                201))
            .getString("token");
    return new Member("Bearer " + token, terminal);
  }

  /** Opens a group; {groupId, code}. */
  private String[] open(Member opener) throws Exception {
    var opened =
        json(
            load.send(
                "POST",
                "/api/v1/groups",
                opener.bearer(),
                opener.terminal(),
                "{\"validity\":\"PT2H\",\"rebroadcast\":false}",
                201));
    return new String[] {opened.getString("groupId"), opened.getString("code")};
  }

  private Member join(String[] group, Member member) throws Exception {
    String challenge =
        json(load.send(
                "POST",
                "/api/v1/groups/" + group[0] + "/joins",
                member.bearer(),
                member.terminal(),
                null,
                201))
            .getString("challengeId");
    load.send(
        "POST",
        "/api/v1/groups/" + group[0] + "/joins/" + challenge,
        member.bearer(),
        member.terminal(),
        "{\"code\":\"" + group[1] + "\"}",
        200);
    return member;
  }

  private void listen(String groupId, Member member) throws Exception {
    String url =
        json(load.send(
                "POST",
                "/api/v1/groups/" + groupId + "/live-tickets",
                member.bearer(),
                member.terminal(),
                null,
                201))
            .getString("url");
    sockets.add(
        http.newWebSocketBuilder()
            .buildAsync(URI.create(url), new Listener())
            .get(10, TimeUnit.SECONDS));
  }

  private void post(String groupId, Member sender) throws Exception {
    ByteBuffer payload = ByteBuffer.allocate(64).putLong(System.nanoTime());
    load.send(
        "POST",
        "/api/v1/groups/" + groupId + "/messages",
        sender.bearer(),
        sender.terminal(),
        "{\"ciphertext\":\"" + Base64.getEncoder().encodeToString(payload.array()) + "\"}",
        201);
  }

  /** Records each message's delivery latency. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      partial.append(data);
      if (last) {
        Matcher ciphertext = CIPHERTEXT.matcher(partial);
        if (ciphertext.find()) {
          long sent = ByteBuffer.wrap(Base64.getDecoder().decode(ciphertext.group(1))).getLong();
          deliveries.add(now - sent);
          delivered.incrementAndGet();
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }
  }
}
