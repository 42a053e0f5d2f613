package org.portcullis.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The demo SMS gateway and demo mail server ({@code org.portcullis.launcher.peers}), for when the
 * operator names no real ones.
 *
 * <p>They run from {@code lib/demo-peers/} in a class loader of their own whose parent is the JDK's
 * platform loader, not the launcher's: GreenMail brings Jakarta Mail 2.1.5 and Angus Mail 2, while
 * Payara's jar on the launcher's class path holds Jakarta Mail 2.1.0 and Angus Mail 1 (under {@code
 * com.sun.mail}); on one class path the two would mix API classes with providers. Only JDK types
 * ({@link InetSocketAddress}, {@link String}, {@link Consumer}, {@link AutoCloseable}) cross
 * between the loaders, so the launcher reaches the peers by reflection, here and nowhere else.
 *
 * <p>Not thread-safe: the launcher starts the peers from its main thread; {@link #close()} may run
 * once more from the shutdown hook and does nothing the second time.
 */
final class DemoPeers implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DemoPeers.class.getName());

  /** The directory beside {@code portcullis.ear} in {@code lib/}. */
  static final String DIRECTORY = "demo-peers";

  private static final String SMSC = "org.portcullis.launcher.peers.DemoSmsc";
  private static final String MAIL_SERVER = "org.portcullis.launcher.peers.DemoMailServer";

  private final URLClassLoader loader;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private boolean closed;

  private DemoPeers(URLClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Prepares the class loader over every jar in {@code directory}; starts nothing yet.
   *
   * @throws IOException when the directory is missing or holds no jar
   */
  static DemoPeers load(Path directory) throws IOException {
    List<URL> jars = new ArrayList<>();
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
          jars.add(url(jar));
        }
      }
    }
    if (jars.isEmpty()) {
      throw new IOException(
          "the demo SMS gateway and mail server are missing from "
              + directory
              + ": build with 'mvn package', or name real ones with --smsc and --smtp");
    }
    return new DemoPeers(
        new URLClassLoader(
            "portcullis-demo-peers",
            jars.toArray(URL[]::new),
            ClassLoader.getPlatformClassLoader()));
  }

  /**
   * Starts the demo SMS gateway on 127.0.0.1, on a free port.
   *
   * @param systemId the system id it accepts
   * @param password the password it accepts
   * @param console where it shows what it receives
   * @return where it listens
   */
  InetSocketAddress startSmsc(String systemId, String password, Consumer<String> console)
      throws IOException {
    return start(
        SMSC,
        new Class<?>[] {InetSocketAddress.class, String.class, String.class, Consumer.class},
        loopback(),
        systemId,
        password,
        console);
  }

  /**
   * Starts the demo mail server on 127.0.0.1, on a free port.
   *
   * @param console where it shows what it receives
   * @return where it listens
   */
  InetSocketAddress startMailServer(Consumer<String> console) throws IOException {
    return start(
        MAIL_SERVER, new Class<?>[] {InetSocketAddress.class, Consumer.class}, loopback(), console);
  }

  /** The class loader the peers run in (for tests). */
  ClassLoader classLoader() {
    return loader;
  }

  /** Stops the peers, the last started first, and releases their jars. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) { // AutoCloseable.close() declares Exception
        LOG.log(Level.WARNING, "A demo peer did not stop cleanly", e);
      }
    }
    try {
      loader.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "demo peers' class loader not closed", e);
    }
  }

  private InetSocketAddress start(String className, Class<?>[] parameters, Object... arguments)
      throws IOException {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // threads the peer starts inherit this, and libraries look their providers up through it
    thread.setContextClassLoader(loader);
    try {
      Class<?> type = Class.forName(className, true, loader);
      Object peer = type.getMethod("start", parameters).invoke(null, arguments);
      running.push((AutoCloseable) peer);
      return (InetSocketAddress) type.getMethod("address").invoke(peer);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new IOException(className + " did not start: " + cause, cause);
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new IOException(className + " cannot be used: " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static InetSocketAddress loopback() throws IOException {
    // the IPv4 literal, not "localhost": what the banner and the domain are told must be exact
    return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
  }

  private static URL url(Path jar) throws MalformedURLException {
    return jar.toAbsolutePath().toUri().toURL();
  }
}
