package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LauncherOptionsTest {

  private static LauncherOptions parse(Map<String, String> env, String... args)
      throws UsageException {
    return LauncherOptions.parse(List.of(args), env);
  }

  @Test
  void defaultsAreLoopbackPort8080DataAndDemo() throws UsageException {
    LauncherOptions options = parse(Map.of());

    assertEquals(8080, options.port());
    assertEquals("127.0.0.1", options.bindAddress());
    assertEquals(Path.of("data"), options.dataDir());
    assertEquals(Optional.empty(), options.adminPassword());
    assertTrue(options.demo());
    assertEquals(Optional.empty(), options.ear());
    assertEquals(Optional.empty(), options.keystorePassword());
    assertFalse(options.help());
  }

  @Test
  void withoutPeersTheDemoGatewayAndMailServerAreUsed() throws UsageException {
    LauncherOptions.MessagingOptions messaging = parse(Map.of()).messaging();

    assertEquals(Optional.empty(), messaging.smsc());
    assertEquals(Optional.empty(), messaging.smscSystemId());
    assertEquals(Optional.empty(), messaging.smscPassword());
    assertEquals(10, messaging.smscRate());
    assertEquals("70707", messaging.serviceNumber());
    assertEquals(Optional.empty(), messaging.smtp());
    assertEquals("Portcullis <no-reply@portcullis.local>", messaging.mailFrom());
  }

  @Test
  void readsThePeersFromTheCommandLine() throws UsageException {
    LauncherOptions.MessagingOptions messaging =
        parse(
                Map.of(),
                "--smsc",
                "smsc.example.net:2775",
                "--smsc-system-id=bank01",
                "--smsc-password",
                "pw 1=2",
                "--smsc-rate=25",
                "--service-number",
                "+447700900000",
                "--smtp=[::1]:2525",
                "--mail-from",
                "Bank <alerts@bank.example>")
            .messaging();

    assertEquals(Optional.of(new HostPort("smsc.example.net", 2775)), messaging.smsc());
    assertEquals(Optional.of("bank01"), messaging.smscSystemId());
    assertEquals(Optional.of("pw 1=2"), messaging.smscPassword());
    assertFalse(messaging.smscPasswordInEnvironment(), "a flag must become a system property");
    assertEquals(25, messaging.smscRate());
    assertEquals("+447700900000", messaging.serviceNumber());
    assertEquals(Optional.of(new HostPort("::1", 2525)), messaging.smtp());
    assertEquals("[::1]:2525", messaging.smtp().get().toString());
    assertEquals("Bank <alerts@bank.example>", messaging.mailFrom());
  }

  @Test
  void readsThePeersFromTheEnvironment() throws UsageException {
    LauncherOptions.MessagingOptions messaging =
        parse(
                Map.of(
                    "PORTCULLIS_SMSC", "10.0.0.7:3000",
                    "PORTCULLIS_SMSC_SYSTEM_ID", "bank01",
                    "PORTCULLIS_SMSC_PASSWORD", "envpass",
                    "PORTCULLIS_SMSC_RATE", "0",
                    "PORTCULLIS_SERVICE_NUMBER", "81234",
                    "PORTCULLIS_SMTP", "mail.internal:25",
                    "PORTCULLIS_MAIL_FROM", "alerts@bank.example"))
            .messaging();

    assertEquals(Optional.of(new HostPort("10.0.0.7", 3000)), messaging.smsc());
    assertEquals(Optional.of("envpass"), messaging.smscPassword());
    assertTrue(messaging.smscPasswordInEnvironment(), "the domain reads it from there");
    assertEquals(0, messaging.smscRate(), "no limit");
    assertEquals("81234", messaging.serviceNumber());
    assertEquals(Optional.of(new HostPort("mail.internal", 25)), messaging.smtp());
    assertEquals("alerts@bank.example", messaging.mailFrom());
  }

  @Test
  void aPasswordFlagWinsOverTheEnvironmentAndIsNoLongerReadFromThere() throws UsageException {
    LauncherOptions.MessagingOptions messaging =
        parse(
                Map.of("PORTCULLIS_SMSC_PASSWORD", "envpass"),
                "--smsc=smsc:2775",
                "--smsc-system-id=bank01",
                "--smsc-password=flagpass")
            .messaging();

    assertEquals(Optional.of("flagpass"), messaging.smscPassword());
    assertFalse(messaging.smscPasswordInEnvironment());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--smsc=smsc.example.net                 | --smsc: 'smsc.example.net' is not host:port"
            + " (e.g. smtp.example.net:25, [::1]:2775)",
        "--smsc=smsc:0                           | --smsc: 'smsc:0' is not host:port"
            + " (e.g. smtp.example.net:25, [::1]:2775)",
        "--smsc=smsc:70000                       | --smsc: 'smsc:70000' is not host:port"
            + " (e.g. smtp.example.net:25, [::1]:2775)",
        "--smsc=::1:2775                         | --smsc: '::1:2775' is not host:port"
            + " (e.g. smtp.example.net:25, [::1]:2775)",
        "--smtp=mail server:25                   | --smtp: 'mail server:25' is not host:port"
            + " (e.g. smtp.example.net:25, [::1]:2775)",
        "--smtp=:25                              | --smtp: ':25' is not host:port"
            + " (e.g. smtp.example.net:25, [::1]:2775)",
        "--service-number=BANK                   | --service-number: 'BANK' is not a number"
            + " customers can text (3 to 15 digits, optionally after +)",
        "--service-number=12                     | --service-number: '12' is not a number"
            + " customers can text (3 to 15 digits, optionally after +)",
        "--smsc-rate=-1                          | --smsc-rate: '-1' is not a rate (0 to 1000000"
            + " SMS per second, 0 for no limit)",
        "--smsc-rate=fast                        | --smsc-rate: 'fast' is not a rate (0 to 1000000"
            + " SMS per second, 0 for no limit)",
        "--mail-from=nobody                      | --mail-from: 'nobody' is not a mail address"
            + " (name@example.org or \"Name <name@example.org>\")",
        "--smsc-system-id=bank01                 | --smsc-system-id is set but --smsc"
            + " (PORTCULLIS_SMSC) is not: name the SMPP gateway, or leave both out for the demo"
            + " SMS gateway",
      })
  void refusesBadPeerSettings(String arg, String message) {
    UsageException e = assertThrows(UsageException.class, () -> parse(Map.of(), arg));
    assertEquals(message, e.getMessage());
  }

  @Test
  void anSmscNeedsASystemIdAndAPassword() {
    UsageException noId =
        assertThrows(
            UsageException.class,
            () -> parse(Map.of("PORTCULLIS_SMSC_PASSWORD", "pw"), "--smsc", "smsc:2775"));
    UsageException noPassword =
        assertThrows(
            UsageException.class,
            () -> parse(Map.of(), "--smsc", "smsc:2775", "--smsc-system-id", "bank01"));

    assertEquals("--smsc needs --smsc-system-id (PORTCULLIS_SMSC_SYSTEM_ID)", noId.getMessage());
    assertEquals(
        "--smsc needs a password: set PORTCULLIS_SMSC_PASSWORD (or --smsc-password, which shows"
            + " in ps)",
        noPassword.getMessage());
  }

  @Test
  void aPasswordWithoutAnSmscIsRefusedWithoutShowingIt() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> parse(Map.of("PORTCULLIS_SMSC_PASSWORD", "hunter2")));

    assertTrue(
        e.getMessage().startsWith("PORTCULLIS_SMSC_PASSWORD is set but --smsc"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void smppLimitsAreCheckedAtOnceAndThePasswordIsNeverEchoed() {
    UsageException longId =
        assertThrows(
            UsageException.class,
            () ->
                parse(
                    Map.of("PORTCULLIS_SMSC_PASSWORD", "pw"),
                    "--smsc=smsc:2775",
                    "--smsc-system-id=sixteen-chars-id"));
    UsageException longPassword =
        assertThrows(
            UsageException.class,
            () ->
                parse(
                    Map.of("PORTCULLIS_SMSC_PASSWORD", "ninechars"),
                    "--smsc=smsc:2775",
                    "--smsc-system-id=bank01"));

    assertEquals(
        "--smsc-system-id: 'sixteen-chars-id' must be 1 to 15 printable ASCII characters"
            + " (SMPP 3.4)",
        longId.getMessage());
    assertEquals(
        "PORTCULLIS_SMSC_PASSWORD must be 1 to 8 printable ASCII characters (SMPP 3.4)",
        longPassword.getMessage());
  }

  @Test
  void readsEveryOptionInBothForms() throws UsageException {
    LauncherOptions options =
        parse(
            Map.of(),
            "--port",
            "9090",
            "--bind=0.0.0.0",
            "--data",
            "/var/lib/portcullis",
            "--admin-password=s3cret=with=equals",
            "--no-demo",
            "--ear",
            "app.ear");

    assertEquals(9090, options.port());
    assertEquals("0.0.0.0", options.bindAddress());
    assertEquals(Path.of("/var/lib/portcullis"), options.dataDir());
    assertEquals(Optional.of("s3cret=with=equals"), options.adminPassword());
    assertFalse(options.demo());
    assertEquals(Optional.of(Path.of("app.ear")), options.ear());
  }

  @Test
  void fallsBackToTheEnvironment() throws UsageException {
    LauncherOptions options =
        parse(
            Map.of(
                "PORTCULLIS_PORT", "8181",
                "PORTCULLIS_BIND", "::1",
                "PORTCULLIS_DATA", "/srv/data",
                "PORTCULLIS_ADMIN_PASSWORD", "from-env",
                "PORTCULLIS_DEMO", "FALSE",
                "PORTCULLIS_KEYSTORE_PASSWORD", "ks"));

    assertEquals(8181, options.port());
    assertEquals("::1", options.bindAddress());
    assertEquals(Path.of("/srv/data"), options.dataDir());
    assertEquals(Optional.of("from-env"), options.adminPassword());
    assertFalse(options.demo());
    assertEquals(Optional.of("ks"), options.keystorePassword());
  }

  @Test
  void commandLineWinsOverEnvironment() throws UsageException {
    LauncherOptions options =
        parse(
            Map.of("PORTCULLIS_PORT", "not-a-port", "PORTCULLIS_DEMO", "false"),
            "--port",
            "7000",
            "--demo");

    assertEquals(7000, options.port());
    assertTrue(options.demo());
  }

  @Test
  void emptyEnvironmentValuesCountAsUnset() throws UsageException {
    LauncherOptions options = parse(Map.of("PORTCULLIS_PORT", "", "PORTCULLIS_DEMO", " "));

    assertEquals(8080, options.port());
    assertTrue(options.demo());
  }

  @Test
  void helpIsRecognised() throws UsageException {
    assertTrue(parse(Map.of(), "--help").help());
    assertTrue(parse(Map.of(), "-h").help());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--bogus               | unknown option --bogus",
        "--port=0              | --port: '0' is not a port number (1-65535)",
        "--port=65536          | --port: '65536' is not a port number (1-65535)",
        "--port=http           | --port: 'http' is not a port number (1-65535)",
        "--port                | --port needs a value",
        "--data=               | --data needs a non-empty value",
        "--demo=yes            | --demo takes no value",
        "--bind=a/b            | --bind: 'a/b' is not an IP address or host name",
        "stray                 | unexpected argument 'stray'",
      })
  void refusesBadCommandLines(String arg, String message) {
    UsageException e = assertThrows(UsageException.class, () -> parse(Map.of(), arg));
    assertEquals(message, e.getMessage());
  }

  @Test
  void aValueMayNotBeTheNextOption() {
    UsageException e =
        assertThrows(UsageException.class, () -> parse(Map.of(), "--data", "--no-demo"));
    assertEquals("--data needs a value", e.getMessage());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "PORTCULLIS_PORT, 80a, PORTCULLIS_PORT: '80a' is not a port number (1-65535)",
    "PORTCULLIS_DEMO, yes, PORTCULLIS_DEMO: 'yes' is neither true nor false",
    "PORTCULLIS_BIND, 'a b', PORTCULLIS_BIND: 'a b' is not an IP address or host name",
  })
  void refusesBadEnvironmentValues(String name, String value, String message) {
    UsageException e = assertThrows(UsageException.class, () -> parse(Map.of(name, value)));
    assertEquals(message, e.getMessage());
  }

  @Test
  void toStringHidesThePasswords() throws UsageException {
    String text =
        parse(
                Map.of("PORTCULLIS_KEYSTORE_PASSWORD", "ks-secret"),
                "--admin-password",
                "pw-secret",
                "--smsc=smsc:2775",
                "--smsc-system-id=bank01",
                "--smsc-password=smscpw")
            .toString();

    assertFalse(text.contains("pw-secret"), text);
    assertFalse(text.contains("ks-secret"), text);
    assertFalse(text.contains("smscpw"), text);
    assertTrue(text.contains("smsc=smsc:2775"), text);
  }

  @Test
  void passesApplicationSettingsThroughInOrder() throws UsageException {
    LauncherOptions options =
        parse(
            Map.of(),
            "-Dportcullis.token.policy=SAME_DATE",
            "--port",
            "9090",
            "-Dportcullis.token.ceiling=P30D",
            "-Dportcullis.empty=");
    assertEquals(
        List.of("portcullis.token.policy", "portcullis.token.ceiling", "portcullis.empty"),
        List.copyOf(options.settings().keySet()));
    assertEquals("SAME_DATE", options.settings().get("portcullis.token.policy"));
    assertEquals("", options.settings().get("portcullis.empty"));
    assertEquals(9090, options.port());
    assertTrue(options.toString().contains("portcullis.token.ceiling"));
  }

  @Test
  void refusesMalformedSettingsAndThoseTheLauncherOwns() {
    for (String arg : List.of("-D", "-Dnovalue", "-D=x", "-D1abc=x", "-Dport cullis=x")) {
      assertThrows(UsageException.class, () -> parse(Map.of(), arg), arg);
    }
    UsageException owned =
        assertThrows(UsageException.class, () -> parse(Map.of(), "-Dportcullis.http.port=1"));
    assertTrue(owned.getMessage().contains("--port"), owned.getMessage());
  }

  @Test
  void aPortOffsetMovesHttpTooAndANodeHasAName() throws UsageException {
    LauncherOptions options =
        parse(Map.of("PORTCULLIS_NODE_NAME", "b"), "--port", "8080", "--port-offset", "100");

    assertEquals(8180, options.httpPort());
    assertEquals(100, options.portOffset());
    assertEquals("b", options.nodeName());
    assertEquals("node-1", parse(Map.of()).nodeName());
    assertEquals(8080, parse(Map.of()).httpPort());
  }

  @ParameterizedTest
  @CsvSource({
    "--port-offset, -1, not a port offset",
    "--port-offset, 20001, not a port offset",
    "--port-offset, ten, not a port offset",
    "--node-name, a b, not a node name",
    "--node-name, -x, not a node name"
  })
  void badPortOffsetsAndNodeNamesAreRefusedByName(String option, String value, String says) {
    UsageException e = assertThrows(UsageException.class, () -> parse(Map.of(), option, value));
    assertTrue(e.getMessage().startsWith(option + ": '" + value + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(says), e.getMessage());
  }

  @Test
  void anOffsetThatWouldPushHttpPast65535IsRefused() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> parse(Map.of(), "--port", "60000", "--port-offset", "6000"));
    assertTrue(e.getMessage().contains("at most 65535"), e.getMessage());
  }

  @Test
  void postgresqlTakesItsLoginFromTheEnvironmentOnly() throws UsageException {
    Map<String, String> login =
        Map.of("PORTCULLIS_DB_USER", "portcullis", "PORTCULLIS_DB_PASSWORD", "s3cret-db-pw");
    PostgresDatabase db =
        parse(login, "--db", "postgresql://db.example:5433/bank").database().orElseThrow();

    assertEquals(
        new PostgresDatabase("db.example", 5433, "bank", "portcullis", "s3cret-db-pw"), db);
    assertEquals(
        5432, parse(login, "--db", "postgresql://db/bank").database().orElseThrow().port());
    assertEquals(Optional.empty(), parse(login, "--db", "h2").database());
    assertEquals(Optional.empty(), parse(Map.of()).database());
    assertFalse(parse(login, "--db", "postgresql://db/bank").toString().contains("s3cret-db-pw"));
    assertTrue(
        parse(
                Map.of(
                    "PORTCULLIS_DB",
                    "postgresql://db/bank",
                    "PORTCULLIS_DB_USER",
                    "u",
                    "PORTCULLIS_DB_PASSWORD",
                    "p"))
            .database()
            .isPresent(),
        "PORTCULLIS_DB stands in for --db");
  }

  @ParameterizedTest
  @CsvSource({
    "postgresql://user:pw@db/bank, never in the URL",
    "postgresql://db/bank?password=pw, never in the URL",
    "mysql://db/bank, neither h2 nor postgresql",
    "postgresql://db:99999/bank, not a port number"
  })
  void aDatabaseUrlWithCredentialsOrOfAnotherKindIsRefused(String url, String says) {
    Map<String, String> login = Map.of("PORTCULLIS_DB_USER", "u", "PORTCULLIS_DB_PASSWORD", "p");
    UsageException e = assertThrows(UsageException.class, () -> parse(login, "--db", url));
    assertTrue(e.getMessage().contains(says), e.getMessage());
    assertFalse(e.getMessage().contains(":pw"), "a password in the URL is never echoed");
  }

  @Test
  void postgresqlWithoutItsLoginInTheEnvironmentIsRefused() {
    UsageException e =
        assertThrows(UsageException.class, () -> parse(Map.of(), "--db", "postgresql://db/bank"));
    assertTrue(e.getMessage().contains("PORTCULLIS_DB_USER and PORTCULLIS_DB_PASSWORD"));
  }
}
