package org.portcullis.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.embeddable.BootstrapProperties;
import org.glassfish.embeddable.GlassFish;
import org.glassfish.embeddable.GlassFishException;
import org.glassfish.embeddable.GlassFishProperties;
import org.glassfish.embeddable.GlassFishRuntime;

/**
 * Embedded Payara running Portcullis' domain ({@code domain.xml} shipped in this jar).
 *
 * <p>The domain reads {@code portcullis.data}, {@code portcullis.http.port}, {@code
 * portcullis.bind.address} and the SMS gateway's and mail server's settings ({@link Messaging})
 * from system properties, which must therefore be set before {@link #start()}. Payara's own
 * instance root is a temporary directory deleted at exit; everything that must survive lives under
 * {@code portcullis.data}.
 *
 * <p>{@link #close()} may be called from the main thread and from the shutdown hook at once; it
 * stops the server only once.
 */
final class EmbeddedPayara implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedPayara.class.getName());

  /** The application name; {@code application.xml} and the MDBs' resource adapter name use it. */
  static final String APPLICATION = "portcullis";

  private final AtomicBoolean closed = new AtomicBoolean();
  private GlassFishRuntime runtime;
  private GlassFish glassFish;
  private Path domainXml;

  /**
   * Boots Payara with Portcullis' domain, its internal ports moved by {@code offset}, on H2 under
   * the data directory or on {@code database}.
   */
  void start(int offset, Optional<PostgresDatabase> database)
      throws GlassFishException, IOException {
    domainXml = Files.createTempFile("portcullis-domain-", ".xml");
    String domain;
    try (InputStream in = EmbeddedPayara.class.getResourceAsStream("domain.xml")) {
      if (in == null) {
        throw new IOException("domain.xml is missing from the launcher's jar");
      }
      domain = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (offset != 0) {
      domain = DomainXml.shiftInternalPorts(domain, offset);
    }
    if (database.isPresent()) {
      domain = DomainXml.onPostgres(domain, database.get());
    }
    Files.writeString(domainXml, domain, StandardCharsets.UTF_8);
    GlassFishProperties properties = new GlassFishProperties();
    properties.setConfigFileURI(domainXml.toUri().toString());
    // read-only: Payara must not write its runtime changes back into our copy
    properties.setConfigFileReadOnly(true);

    runtime = GlassFishRuntime.bootstrap(new BootstrapProperties());
    glassFish = runtime.newGlassFish(properties);
    glassFish.start();
  }

  /**
   * Deploys the EAR under the name {@value #APPLICATION}; its context roots come from its {@code
   * application.xml}.
   *
   * @throws GlassFishException when Payara refuses the deployment (the cause is in Payara's log)
   */
  void deploy(Path ear) throws GlassFishException {
    String name = glassFish.getDeployer().deploy(ear.toFile(), "--name=" + APPLICATION);
    if (name == null) {
      throw new GlassFishException("deployment of " + ear + " failed; Payara's log says why");
    }
  }

  /** Stops and disposes Payara so that H2 closes its database files cleanly. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (glassFish != null) {
        glassFish.stop();
        glassFish.dispose();
      }
      if (runtime != null) {
        runtime.shutdown();
      }
    } catch (GlassFishException | RuntimeException e) {
      LOG.log(Level.WARNING, "Payara did not stop cleanly", e);
    } finally {
      try {
        if (domainXml != null) {
          Files.deleteIfExists(domainXml);
        }
      } catch (IOException e) {
        LOG.log(Level.FINE, "temporary domain.xml not deleted", e);
      }
    }
  }
}
