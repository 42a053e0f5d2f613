package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DomainXmlTest {

  private static String domainXml() throws IOException {
    try (InputStream in = EmbeddedPayara.class.getResourceAsStream("domain.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void anOffsetMovesEveryFixedInternalPortAndLeavesTheHttpPortAlone() throws IOException {
    String shifted = DomainXml.shiftInternalPorts(domainXml(), 1000);
    for (String port : new String[] {"4848", "8181", "8686", "3700", "3820", "3920"}) {
      assertFalse(shifted.contains("port=\"" + port + "\""), port);
      assertTrue(
          shifted.contains("port=\"" + (Integer.parseInt(port) + 1000) + "\""), port + " moved");
    }
    assertTrue(shifted.contains("value=\"8676\""), "JMS");
    assertTrue(shifted.contains("das-port=\"5900\""), "data grid");
    assertTrue(shifted.contains("port=\"${portcullis.http.port}\""), "HTTP follows --port");
  }

  @Test
  void onPostgresTheApplicationsPoolReadsItsLoginFromTheEnvironment() throws IOException {
    String domain =
        DomainXml.onPostgres(
            domainXml(), new PostgresDatabase("db.example", 5433, "bank", "u", "secret-pw"));

    assertTrue(domain.contains("org.postgresql.ds.PGSimpleDataSource"), "the pool's driver");
    assertTrue(domain.contains("name=\"serverName\" value=\"db.example\""));
    assertTrue(domain.contains("name=\"portNumber\" value=\"5433\""));
    assertTrue(domain.contains("name=\"databaseName\" value=\"bank\""));
    assertTrue(domain.contains("value=\"${ENV=PORTCULLIS_DB_PASSWORD}\""));
    assertFalse(domain.contains("secret-pw"), "no password in the file");
    assertFalse(domain.contains("db/portcullis;"), "no H2 URL left for the application");
    assertTrue(domain.contains("db/ejbtimer"), "the other pools stay");
  }
}
