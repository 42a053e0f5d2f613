package org.portcullis.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Connects Portcullis to the SMS gateway and the mail server: the operator's when named, else the
 * demo peers on loopback. The domain ({@code resource-adapter-config} of the SMS adapter, {@code
 * mail-resource} {@code mail/portcullis}) reads the result from system properties, so {@link
 * #connect} runs before Payara boots.
 *
 * <p>The SMSC password is one of the adapter's configuration properties: the domain reads it
 * through MicroProfile Config, from {@code PORTCULLIS_SMSC_PASSWORD} when the operator set that
 * variable (so it never becomes a system property), else from the system property {@code
 * portcullis.smsc.password}, set here for {@code --smsc-password} (already visible in {@code ps})
 * and for the demo gateway's generated password.
 *
 * @param smsGateway where SMS go, for the banner
 * @param serviceNumber the number customers text and the sender of every SMS
 * @param mailServer where mail goes, for the banner
 * @param mailFrom the sender of every mail
 */
record Messaging(String smsGateway, String serviceNumber, String mailServer, String mailFrom) {

  /** The system id the launcher binds to its demo SMS gateway with. */
  static final String DEMO_SYSTEM_ID = "portcullis";

  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  /**
   * Starts what demo peers are needed and sets the system properties the domain reads.
   *
   * @param options where the operator wants SMS and mail to go
   * @param demoPeers the demo peers, present when the operator left out {@code --smsc} or {@code
   *     --smtp}
   * @param console where the demo peers show what they receive
   */
  static Messaging connect(
      LauncherOptions.MessagingOptions options,
      Optional<DemoPeers> demoPeers,
      Consumer<String> console,
      SecureRandom random)
      throws IOException {
    String smsGateway;
    if (options.smsc().isPresent()) {
      HostPort smsc = options.smsc().get();
      String systemId = options.smscSystemId().orElseThrow();
      System.setProperty("portcullis.smsc.host", smsc.host());
      System.setProperty("portcullis.smsc.port", Integer.toString(smsc.port()));
      System.setProperty("portcullis.smsc.system-id", systemId);
      if (!options.smscPasswordInEnvironment()) {
        System.setProperty("portcullis.smsc.password", options.smscPassword().orElseThrow());
      }
      smsGateway = smsc + " as " + systemId;
    } else {
      // generated per start: the demo gateway forgets it at exit, and SMPP allows 8 characters
      String password = randomPassword(random, LauncherOptions.MAX_SMSC_PASSWORD);
      InetSocketAddress address =
          demoPeers.orElseThrow().startSmsc(DEMO_SYSTEM_ID, password, console);
      System.setProperty("portcullis.smsc.host", address.getAddress().getHostAddress());
      System.setProperty("portcullis.smsc.port", Integer.toString(address.getPort()));
      System.setProperty("portcullis.smsc.system-id", DEMO_SYSTEM_ID);
      System.setProperty("portcullis.smsc.password", password);
      smsGateway = "demo SMS gateway on " + hostPort(address) + " (shows here what it receives)";
    }
    System.setProperty("portcullis.sms.source-address", options.serviceNumber());
    System.setProperty("portcullis.smsc.rate", Integer.toString(options.smscRate()));

    String mailServer;
    if (options.smtp().isPresent()) {
      HostPort smtp = options.smtp().get();
      System.setProperty("portcullis.smtp.host", smtp.host());
      System.setProperty("portcullis.smtp.port", Integer.toString(smtp.port()));
      mailServer = smtp.toString();
    } else {
      InetSocketAddress address = demoPeers.orElseThrow().startMailServer(console);
      System.setProperty("portcullis.smtp.host", address.getAddress().getHostAddress());
      System.setProperty("portcullis.smtp.port", Integer.toString(address.getPort()));
      mailServer = "demo mail server on " + hostPort(address) + " (shows here what it receives)";
    }
    System.setProperty("portcullis.mail.from", options.mailFrom());
    return new Messaging(smsGateway, options.serviceNumber(), mailServer, options.mailFrom());
  }

  /** Whether {@link #connect} needs demo peers for these options. */
  static boolean needsDemoPeers(LauncherOptions.MessagingOptions options) {
    return options.smsc().isEmpty() || options.smtp().isEmpty();
  }

  private static String hostPort(InetSocketAddress address) {
    return new HostPort(address.getAddress().getHostAddress(), address.getPort()).toString();
  }

  private static String randomPassword(SecureRandom random, int length) {
    StringBuilder password = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }
}
