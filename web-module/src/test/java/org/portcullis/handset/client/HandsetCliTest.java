package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's behaviour up to the first request; requests are for the integration tests. */
class HandsetCliTest {

  private static final String SECRET = "Zq8vT1mN4pR7sW0xY3bC6e";

  // never contacted: each test here stops before the first request
  private static final String SERVER = "--server http://127.0.0.1:9";

  @TempDir Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String line) {
    HandsetCli cli =
        new HandsetCli(
            new BufferedReader(new StringReader(stdin)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return cli.run(Arrays.asList(line.split(" +")));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsTheUsageAndSucceeds() {
    assertEquals(HandsetCli.EXIT_OK, run("", "help"));
    assertEquals(CliParser.USAGE, out());
  }

  @Test
  void aBadCommandLineExitsWith2AndSaysWhy() {
    assertEquals(HandsetCli.EXIT_USAGE, run("", "enroll --msisdn +447700900123"));
    assertTrue(err().startsWith("portcullis-handset: enroll needs --server URL\n"), err());
    assertTrue(err().contains("help"), err());
    assertEquals("", out());
  }

  @Test
  void accessAndShowWithoutAnEnrolledHandsetAreUsageErrors() {
    Path empty = temp.resolve("nothing-here");

    assertEquals(HandsetCli.EXIT_USAGE, run("", "access --state " + empty));
    assertEquals(HandsetCli.EXIT_USAGE, run("", "show --state " + empty));
    assertTrue(err().contains("enroll first"), err());
  }

  @Test
  void showDescribesTheHandsetWithoutItsSecrets() throws IOException {
    HandsetState state =
        new HandsetState(
            URI.create("https://bank.example/"),
            new EnrolledHandset("h-42", "tk1." + SECRET, Instant.parse("2999-01-01T00:00:00Z")),
            KeyAlgorithm.EC_P256,
            HandsetKeys.generate(KeyAlgorithm.EC_P256));
    state.save(temp);

    assertEquals(HandsetCli.EXIT_OK, run("", "show --state " + temp));

    String shown = out();
    assertTrue(shown.contains("h-42"), shown);
    assertTrue(shown.contains("https://bank.example/"), shown);
    assertTrue(shown.contains("valid until 2999-01-01T00:00:00Z"), shown);
    assertTrue(shown.contains("EC P-256"), shown);
    assertTrue(shown.contains(HandsetKeys.fingerprint(state.keys().getPublic())), shown);
    assertFalse(shown.contains(SECRET), shown);
    String privateKey = Base64.getEncoder().encodeToString(state.keys().getPrivate().getEncoded());
    assertFalse(shown.contains(privateKey.substring(0, 40)), shown);
  }

  @Test
  void showSaysWhenTheTokenHasExpired() throws IOException {
    new HandsetState(
            URI.create("https://bank.example/"),
            new EnrolledHandset("h-42", "tk1." + SECRET, Instant.parse("2000-01-01T00:00:00Z")),
            KeyAlgorithm.RSA_2048,
            HandsetKeys.generate(KeyAlgorithm.RSA_2048))
        .save(temp);

    assertEquals(HandsetCli.EXIT_OK, run("", "show --state " + temp));
    assertTrue(out().contains("expired at 2000-01-01T00:00:00Z"), out());
    assertTrue(out().contains("RSA 2048"), out());
  }

  @Test
  void enrollRefusesToOverwriteAnEnrolledHandset() throws IOException {
    new HandsetState(
            URI.create("https://bank.example/"),
            new EnrolledHandset("h-42", "tk1." + SECRET, Instant.parse("2999-01-01T00:00:00Z")),
            KeyAlgorithm.EC_P256,
            HandsetKeys.generate(KeyAlgorithm.EC_P256))
        .save(temp);
    String before = Files.readString(temp.resolve(HandsetState.TOKEN));

    int status = run("", "enroll " + SERVER + " --msisdn +447700900123 --state " + temp);

    assertEquals(HandsetCli.EXIT_USAGE, status);
    assertTrue(err().contains("already holds an enrolled handset"), err());
    assertEquals(before, Files.readString(temp.resolve(HandsetState.TOKEN)));
  }

  @Test
  void finishingAnEnrollmentWithoutACodeOnStandardInputSaysHowToFinishIt() {
    Path state = temp.resolve("state");

    int status = run("12\nabcdef\n", "enroll " + SERVER + " --enrollment e-7 --state " + state);

    assertEquals(HandsetCli.EXIT_USAGE, status);
    assertEquals(3, out().split("Enter the 6-digit code", -1).length - 1, out());
    assertTrue(out().contains("That is not a 6-digit code."), out());
    assertTrue(err().contains("--enrollment e-7 --otp CODE"), err());
    assertFalse(HandsetState.exists(state));
  }

  @Test
  void handsetOtpTellsThePersonWhatToTextAndStopsWhenNobodyConfirms() {
    Path state = temp.resolve("state");

    int status =
        run(
            "",
            "enroll "
                + SERVER
                + " --msisdn +447700900123 --handset-otp --keyword JOIN --service-number 70707"
                + " --state "
                + state);

    assertEquals(HandsetCli.EXIT_FAILED, status);
    assertTrue(
        out()
            .matches(
                "(?s)Text \"JOIN [0-9]{8}\" to 70707 from your phone \\+447700900123, then press"
                    + " Enter\\..*"),
        out());
    assertTrue(err().contains("standard input ended"), err());
    assertTrue(Files.isDirectory(state), "the state directory is made before the server is asked");
    assertFalse(HandsetState.exists(state));
  }

  @Test
  void failuresAreDescribedInWords() {
    assertEquals("cannot connect to the server", HandsetCli.describe(new ConnectException()));
    assertEquals(
        "the server did not answer in time",
        HandsetCli.describe(new java.net.http.HttpTimeoutException("request timed out")));
    assertEquals("disk full", HandsetCli.describe(new IOException("disk full")));
  }
}
