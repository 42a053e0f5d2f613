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
        parse(Map.of("PORTCULLIS_KEYSTORE_PASSWORD", "ks-secret"), "--admin-password", "pw-secret")
            .toString();

    assertFalse(text.contains("pw-secret"), text);
    assertFalse(text.contains("ks-secret"), text);
  }
}
