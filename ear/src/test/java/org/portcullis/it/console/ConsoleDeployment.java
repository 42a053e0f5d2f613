package org.portcullis.it.console;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The deployment of the browser tests: the EAR exactly as the build assembled it, nothing added.
 * The tests run outside the server ({@code @RunAsClient}) and reach it as a browser does.
 */
final class ConsoleDeployment {

  private ConsoleDeployment() {}

  static EnterpriseArchive assembledEar() {
    File file = new File("target/portcullis.ear");
    if (!file.isFile()) {
      throw new IllegalStateException(
          "Build the EAR first (mvn package): " + file.getAbsolutePath());
    }
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
  }
}
