package org.portcullis.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwe.JsonWebEncryption;
import org.portcullis.handset.client.HandsetClient;
import org.slf4j.LoggerFactory;

/**
 * The deployment of every in-container test: the EAR exactly as the build assembled it, plus one
 * web module that carries the tests. The tests get a module of their own because the application's
 * web module sits at the context root {@code /}, where the Payara adapter cannot find Arquillian's
 * servlet; a module of their own also keeps test classes out of the application's.
 */
public final class Deployments {

  private static final String TEST_MODULE = "arquillian-tests.war";

  private Deployments() {}

  public static EnterpriseArchive assembledEar() {
    File file = new File("target/portcullis.ear");
    if (!file.isFile()) {
      throw new IllegalStateException(
          "Build the EAR first (mvn package): " + file.getAbsolutePath());
    }
    EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
    WebArchive tests =
        ShrinkWrap.create(WebArchive.class, TEST_MODULE)
            .addPackage(Deployments.class.getPackage())
            .addPackage(HandsetClient.class.getPackage())
            // the reference client reads secure messages with jose4j (which logs through SLF4J)
            .addAsLibraries(jarOf(JsonWebEncryption.class), jarOf(LoggerFactory.class))
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    ear.addAsModule(Testable.archiveToTest(tests));
    ear.setApplicationXML(new StringAsset(withTestModule(applicationXml(ear))));
    return ear;
  }

  /** The jar on the test class path that holds {@code type}. */
  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String applicationXml(EnterpriseArchive ear) {
    try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String withTestModule(String applicationXml) {
    String module =
        "  <module>\n    <web>\n      <web-uri>"
            + TEST_MODULE
            + "</web-uri>\n      <context-root>/arquillian-tests</context-root>\n    </web>\n"
            + "  </module>\n";
    int at = applicationXml.indexOf("  <library-directory>");
    if (at < 0) {
      throw new IllegalStateException("Unexpected application.xml:\n" + applicationXml);
    }
    return applicationXml.substring(0, at) + module + applicationXml.substring(at);
  }
}
