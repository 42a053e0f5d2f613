package org.portcullis.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.embeddable.GlassFishException;

/**
 * {@code java -jar portcullis.jar}: starts Portcullis on embedded Payara in one command.
 *
 * <p>It prepares the data directory (keystore password, demo credentials), starts a demo SMS
 * gateway and mail server on loopback unless real ones are named ({@link Messaging}), hands the
 * settings to the domain and the application as system properties (MicroProfile Config reads
 * those), deploys the EAR shipped in {@code lib/} next to the jar, waits until {@code
 * /health/ready} answers, seeds the demo data once, and prints where to go. Ctrl-C or SIGTERM stops
 * Payara cleanly so that H2 closes its files.
 *
 * <p>Exit codes: 2 for a bad command line or environment, 1 when Portcullis cannot start.
 */
public final class Launcher {

  private static final Logger LOG = Logger.getLogger(Launcher.class.getName());

  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  private final LauncherOptions options;
  private final PrintStream console;
  private final SecureRandom random = new SecureRandom();
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private Launcher(LauncherOptions options, PrintStream console) {
    this.options = options;
    this.console = console;
  }

  /**
   * Starts Portcullis and keeps it running until the JVM is stopped; exits with {@value
   * #EXIT_USAGE} or {@value #EXIT_FAILED} when it cannot.
   */
  public static void main(String[] args) throws InterruptedException {
    // This is a command-line tool: usage, errors and the ready banner are its user interface.
    PrintStream out = System.out;
    PrintStream err = System.err;
    LauncherOptions options;
    try {
      options = LauncherOptions.parse(List.of(args), System.getenv());
    } catch (UsageException e) {
      err.println("portcullis: " + e.getMessage());
      err.println("Try 'java -jar portcullis.jar --help'.");
      System.exit(EXIT_USAGE);
      return;
    }
    if (options.help()) {
      out.print(LauncherOptions.USAGE);
      return;
    }
    try {
      new Launcher(options, out).start();
    } catch (UsageException e) {
      err.println("portcullis: " + e.getMessage());
      System.exit(EXIT_USAGE);
    } catch (StartupException e) {
      LOG.log(Level.FINE, "start-up failed", e);
      err.println("portcullis: did not start: " + e.getMessage());
      System.exit(EXIT_FAILED);
    }
    Thread.currentThread().join(); // Payara serves until Ctrl-C or SIGTERM
  }

  private void start() throws UsageException, StartupException {
    Instant started = Instant.now();
    Path ear = locateEar();
    Endpoint endpoint = Endpoint.of(options.bindAddress(), options.httpPort());
    Preflight.checkPortsFree(options.bindAddress(), options.httpPort(), options.portOffset());

    DataDirectory data;
    Optional<DemoCredentials> demo;
    try {
      data = DataDirectory.open(options.dataDir(), random);
      if (options.keystorePassword().isEmpty()) {
        data.keystorePassword(); // generated on the first start
      }
      demo = options.demo() ? Optional.of(demoCredentials(data)) : Optional.empty();
      configure(data, demo, endpoint);
      ServerLog.redirect(data.root());
    } catch (IOException e) {
      throw new StartupException("data directory " + options.dataDir() + ": " + e, e);
    }

    Optional<DemoPeers> demoPeers = Optional.empty();
    Messaging messaging;
    try {
      if (Messaging.needsDemoPeers(options.messaging())) {
        demoPeers =
            Optional.of(DemoPeers.load(launcherHome().resolve("lib").resolve(DemoPeers.DIRECTORY)));
      }
      messaging = Messaging.connect(options.messaging(), demoPeers, this::show, random);
    } catch (IOException e) {
      demoPeers.ifPresent(DemoPeers::close);
      throw new StartupException(e.getMessage(), e);
    }
    Optional<DemoPeers> peers = demoPeers;

    EmbeddedPayara payara = new EmbeddedPayara();
    // Told on the console, not the log: java.util.logging closes its handlers in its own shutdown
    // hook, which runs at the same time as this one, so log records written here are lost.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  console.println("Portcullis is stopping");
                  payara.close();
                  // after Payara: the adapter unbinds from the demo gateway as it stops
                  peers.ifPresent(DemoPeers::close);
                  console.println("Portcullis stopped");
                },
                "portcullis-shutdown"));
    try {
      LOG.log(Level.INFO, "Starting Portcullis with {0}", options);
      payara.start(options.portOffset(), options.database());
      LOG.log(Level.INFO, "Deploying {0}", ear);
      payara.deploy(ear);
      Preflight.awaitReady(http, endpoint.resolve("health/ready"));
      // the application created the first admin (if any) while deploying
      data.deleteAdminPasswordFile();
      LOG.log(
          Level.INFO,
          "Portcullis ready after {0} s",
          Duration.between(started, Instant.now()).toSeconds());
      if (demo.isPresent() && !demo.get().complete()) {
        demo =
            Optional.of(
                new DemoSeeder(http, endpoint.baseUri(), random)
                    .seed(demo.get(), data::writeDemoCredentials));
      }
    } catch (GlassFishException | IOException e) {
      payara.close();
      throw new StartupException(e.getMessage() != null ? e.getMessage() : e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      payara.close();
      throw new StartupException("interrupted", e);
    }
    String database =
        options
            .database()
            .map(db -> "PostgreSQL " + db)
            .orElse("H2 under " + data.root().resolve("db"));
    console.print(
        Banner.render(endpoint, data.root(), options.nodeName(), database, messaging, demo));
    console.flush();
  }

  /** Shows a block of text from a demo peer: what it received, for the person at the console. */
  private void show(String block) {
    synchronized (console) {
      console.print(block);
      console.flush();
    }
  }

  /** The EAR given with {@code --ear}, else {@code lib/portcullis.ear} beside this jar. */
  private Path locateEar() throws UsageException, StartupException {
    if (options.ear().isPresent()) {
      Path ear = options.ear().get().toAbsolutePath();
      if (!Files.isRegularFile(ear)) {
        throw new UsageException("--ear: " + ear + " is not a file");
      }
      return ear;
    }
    Path ear = launcherHome().resolve("lib").resolve("portcullis.ear");
    if (!Files.isRegularFile(ear)) {
      throw new StartupException(
          ear + " is missing: build with 'mvn package' or name an EAR with --ear", null);
    }
    return ear;
  }

  /** The directory holding this jar (or, when run from an IDE, the classes directory's parent). */
  private static Path launcherHome() throws StartupException {
    try {
      URI location = Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      return Path.of(location).toAbsolutePath().getParent();
    } catch (URISyntaxException | RuntimeException e) {
      throw new StartupException("cannot tell where the launcher's jar is: " + e, e);
    }
  }

  /**
   * Demo credentials from an earlier start, or new ones. The admin password is saved at once when
   * generated: the application creates the admin account with it on this start, and a later start
   * that failed to remember it could never log in again.
   */
  private DemoCredentials demoCredentials(DataDirectory data) throws IOException {
    Optional<DemoCredentials> stored = data.readDemoCredentials();
    String adminPassword =
        options
            .adminPassword()
            .or(() -> stored.map(DemoCredentials::adminPassword))
            .orElseGet(data::newAdminPassword);
    DemoCredentials credentials =
        stored.orElse(DemoCredentials.unseeded(adminPassword)).withAdminPassword(adminPassword);
    if (!stored.equals(Optional.of(credentials))) {
      data.writeDemoCredentials(credentials);
    }
    return credentials;
  }

  /**
   * The domain ({@code ${portcullis.*}} in domain.xml) and the application (MicroProfile Config)
   * read their settings from system properties, so they must be set before Payara boots. Secrets go
   * by file (deleted once read, for the admin password) or environment instead.
   */
  private void configure(DataDirectory data, Optional<DemoCredentials> demo, Endpoint endpoint)
      throws IOException {
    // links the server sends (pattern registration) point here unless the operator says otherwise
    if (System.getProperty("portcullis.public-url") == null
        && System.getenv("PORTCULLIS_PUBLIC_URL") == null) {
      String publicUrl = endpoint.baseUri().toString();
      System.setProperty("portcullis.public-url", publicUrl.substring(0, publicUrl.length() - 1));
    }
    options.settings().forEach(System::setProperty); // -Dname=value given to the launcher
    System.setProperty("portcullis.data", data.root().toString());
    System.setProperty("portcullis.http.port", Integer.toString(options.httpPort()));
    System.setProperty("portcullis.node.name", options.nodeName());
    System.setProperty("portcullis.bind.address", options.bindAddress());
    // Secrets reach the application as files or through the environment, never as system
    // properties: the embedded server's diagnostics list every system property.
    if (options.keystorePassword().isEmpty()) {
      System.setProperty("portcullis.keystore.password-file", data.keystoreSecretFile().toString());
    } // else MicroProfile Config reads PORTCULLIS_KEYSTORE_PASSWORD from the environment
    System.setProperty("portcullis.demo", Boolean.toString(options.demo()));
    // Payara stops the data grid itself, in order; Hazelcast's own hook would race with it
    System.setProperty("hazelcast.shutdownhook.enabled", "false");
    Optional<String> adminPassword =
        options.adminPassword().or(() -> demo.map(DemoCredentials::adminPassword));
    if (adminPassword.isPresent()) {
      System.setProperty(
          "portcullis.admin.password-file",
          data.writeAdminPasswordFile(adminPassword.get()).toString());
    } else {
      LOG.info(
          "No --admin-password: if no staff account exists yet, none is created; give one on"
              + " the first start");
    }
  }

  /** Portcullis could not start; the message says why, for the operator. */
  static final class StartupException extends Exception {

    private static final long serialVersionUID = 1L;

    StartupException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
