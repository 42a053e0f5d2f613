package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the domain is told when the operator names real peers. (The demo peers: DemoPeersIT.) */
class MessagingTest {

  private Properties saved;

  @BeforeEach
  void saveSystemProperties() {
    saved = (Properties) System.getProperties().clone();
    for (String name : List.of("portcullis.smsc.password", "portcullis.smsc.rate")) {
      System.clearProperty(name);
    }
  }

  @AfterEach
  void restoreSystemProperties() {
    System.setProperties(saved);
  }

  @Test
  void pointsTheAdapterAndTheMailSessionAtTheNamedPeers() throws Exception {
    Messaging messaging = connect(Map.of("PORTCULLIS_SMSC_PASSWORD", "envpass"));

    assertEquals("smsc.example.net", System.getProperty("portcullis.smsc.host"));
    assertEquals("2775", System.getProperty("portcullis.smsc.port"));
    assertEquals("bank01", System.getProperty("portcullis.smsc.system-id"));
    assertEquals("81234", System.getProperty("portcullis.sms.source-address"));
    assertEquals("10", System.getProperty("portcullis.smsc.rate"));
    assertEquals("mail.internal", System.getProperty("portcullis.smtp.host"));
    assertEquals("25", System.getProperty("portcullis.smtp.port"));
    assertEquals("Bank <alerts@bank.example>", System.getProperty("portcullis.mail.from"));
    assertEquals("smsc.example.net:2775 as bank01", messaging.smsGateway());
    assertEquals("mail.internal:25", messaging.mailServer());
  }

  @Test
  void aPasswordFromTheEnvironmentNeverBecomesASystemProperty() throws Exception {
    connect(Map.of("PORTCULLIS_SMSC_PASSWORD", "envpass"));

    // the domain reads it with ${MPCONFIG=portcullis.smsc.password}, which sees the environment
    assertNull(System.getProperty("portcullis.smsc.password"));
    assertFalse(System.getProperties().containsValue("envpass"));
  }

  @Test
  void aPasswordFlagBecomesTheSystemPropertyTheDomainReads() throws Exception {
    connect(Map.of(), "--smsc-password", "flagpw");

    assertEquals("flagpw", System.getProperty("portcullis.smsc.password"));
  }

  @Test
  void passesTheRateOn() throws Exception {
    connect(Map.of("PORTCULLIS_SMSC_PASSWORD", "envpass", "PORTCULLIS_SMSC_RATE", "0"));

    assertEquals("0", System.getProperty("portcullis.smsc.rate"));
  }

  private static Messaging connect(Map<String, String> env, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--smsc=smsc.example.net:2775",
                "--smsc-system-id=bank01",
                "--service-number=81234",
                "--smtp=mail.internal:25",
                "--mail-from=Bank <alerts@bank.example>"));
    args.addAll(List.of(more));
    LauncherOptions options = LauncherOptions.parse(args, env);
    return Messaging.connect(options.messaging(), Optional.empty(), text -> {}, new SecureRandom());
  }
}
