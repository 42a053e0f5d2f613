package org.portcullis.sms.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.portcullis.sms.api.OutboundSms;
import org.portcullis.sms.testing.SmscSimulator;

/**
 * Not a test: measures SMS submissions per second through the adapter's session to the node-smpp
 * simulator on loopback, rate limit off, from a few sending threads. Prints the figure.
 *
 * <pre>
 * mvn -o -q -pl jca-sms-adapter test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.portcullis.sms.session.SubmitBenchmark -Dexec.args="20000 4"
 * </pre>
 *
 * Arguments: messages (default 20000), sending threads (default 4). Each message is one short GSM
 * part without a receipt request, so the figure is submit_sm round trips per second.
 */
public final class SubmitBenchmark {

  private SubmitBenchmark() {}

  public static void main(String[] args) throws Exception {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    try (SmscSimulator smsc = SmscSimulator.builder().start()) {
      SmppSettings settings =
          SmppSettings.builder()
              .host("127.0.0.1")
              .port(smsc.smppPort())
              .systemId(smsc.systemId())
              .password(smsc.password())
              .sourceAddress("12345")
              .ratePerSecond(0)
              .build();
      try (SmppSessionManager manager = new SmppSessionManager(settings, sms -> {})) {
        manager.start();
        if (!manager.awaitBound(Duration.ofSeconds(10))) {
          throw new IllegalStateException("not bound: " + manager.lastError());
        }
        run(manager, Math.min(2_000, messages / 10 + 1), threads); // warm-up
        smsc.clear();
        long started = System.nanoTime();
        int failures = run(manager, messages, threads);
        double seconds = (System.nanoTime() - started) / 1e9;
        int received = smsc.submissions().size();
        System.out.printf(
            "%d submissions from %d threads in %.2f s: %.0f submissions/s"
                + " (simulator received %d, failures %d)%n",
            messages, threads, seconds, messages / seconds, received, failures);
      }
    }
  }

  private static int run(SmppSessionManager manager, int messages, int threads) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> senders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        senders.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < messages) {
                    try {
                      manager.send(
                          new OutboundSms(
                              "+4477009" + (10_000 + i % 90_000), "Code " + i, null, false));
                    } catch (Exception e) {
                      failures.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> sender : senders) {
        sender.get();
      }
    } finally {
      pool.shutdown();
    }
    return failures.get();
  }
}
