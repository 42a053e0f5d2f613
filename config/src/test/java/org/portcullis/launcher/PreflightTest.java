package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PreflightTest {

  private static String domainXml() throws IOException {
    try (InputStream in = EmbeddedPayara.class.getResourceAsStream("domain.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void anOffsetMovesEveryFixedInternalPortAndLeavesTheHttpPortAlone() throws IOException {
    String shifted = Preflight.shiftInternalPorts(domainXml(), 1000);
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
  void noOffsetIsTheDefault() {
    assertEquals(0, Preflight.internalPortOffset());
  }
}
