package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.handset.client.GroupClient;
import org.portcullis.handset.client.GroupLiveConnection;
import org.portcullis.handset.client.HandsetCli;

/**
 * The reference client's command line in a private group, as a person would type it: two handsets
 * enroll (their codes read from the SMS the simulator received), one opens a group, the other joins
 * by its link, they exchange a message and a file (encrypted on the way), one watches live and
 * signals the other, and the creator closes the group. The state directories keep keys, owner-only,
 * never the code.
 */
@ExtendWith(ArquillianExtension.class)
class GroupCliIT {

  private static final Pattern ENROLLMENT = Pattern.compile("--enrollment (\\S+)");
  private static final Pattern CODE = Pattern.compile("code is ([0-9]{6})");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  /** What one run of the command line printed, and its exit status. */
  private record Run(int status, String out, String err) {
    Run ok() {
      assertEquals(0, status, () -> "exit " + status + "\n" + out + "\n" + err);
      return this;
    }

    String group(Pattern pattern) {
      Matcher matcher = pattern.matcher(out);
      assertTrue(matcher.find(), () -> pattern + " not in:\n" + out);
      return matcher.group(1);
    }
  }

  private static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        HandsetCli.execute(
            List.of(args),
            new BufferedReader(new StringReader("")),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Enrolls a new customer's handset into {@code state} through the command line. */
  private static void enroll(Path state) {
    Fixtures.TestCustomer customer = Fixtures.customer();
    // no code on standard input: enroll says how to finish, the SMS has the code
    Run started =
        cli(
            "enroll",
            "--server",
            Api.BASE,
            "--msisdn",
            customer.msisdn(),
            "--state",
            state.toString());
    assertEquals(2, started.status(), started::toString);
    String enrollment =
        ENROLLMENT.matcher(started.err()).results().findFirst().orElseThrow().group(1);
    String text = Peers.awaitSmsTo(customer.msisdn(), t -> CODE.matcher(t).find());
    Matcher code = CODE.matcher(text);
    assertTrue(code.find());
    cli(
            "enroll",
            "--enrollment",
            enrollment,
            "--otp",
            code.group(1),
            "--server",
            Api.BASE,
            "--state",
            state.toString())
        .ok();
  }

  @Test
  void twoHandsetsMeetInAGroupThroughTheCommandLine() throws Exception {
    Path root = Files.createTempDirectory("group-cli");
    Path alice = root.resolve("alice");
    Path bob = root.resolve("bob");
    enroll(alice);
    enroll(bob);

    Run created =
        cli(
                "group",
                "create",
                "--name",
                "CLI club",
                "--validity",
                "PT2H",
                "--state",
                alice.toString())
            .ok();
    String groupId = created.group(Pattern.compile("Opened group (g-\\S+) "));
    String aliceMember = created.group(Pattern.compile("you are member (m-\\S+)\\)"));
    String code = created.group(Pattern.compile("Code: (\\S+)"));
    String link = created.group(Pattern.compile("Join link: (\\S+)"));
    assertTrue(created.out().contains("not allowed"), "the flag is said");

    Run joined = cli("group", "join", "--link", link, "--state", bob.toString()).ok();
    assertTrue(joined.out().contains("Joined group " + groupId + " \"CLI club\""), joined::out);
    assertTrue(joined.out().contains("(2 members)"), joined::out);

    cli(
            "group",
            "send",
            "--group",
            groupId,
            "--text",
            "hello from the command line",
            "--state",
            alice.toString())
        .ok();
    Run read = cli("group", "read", "--group", groupId, "--state", bob.toString()).ok();
    assertTrue(read.out().contains(aliceMember + "  message e-"), read::out);
    assertTrue(read.out().contains(": hello from the command line"), read::out);
    assertTrue(read.out().contains("(you)  joined"), read::out);

    Path photo = root.resolve("photo.bin");
    byte[] bytes = new byte[100_000];
    new java.util.Random(7).nextBytes(bytes);
    Files.write(photo, bytes);
    Run uploaded =
        cli(
                "group",
                "upload",
                "--group",
                groupId,
                "--file",
                photo.toString(),
                "--state",
                bob.toString())
            .ok();
    String fileId = uploaded.group(Pattern.compile("as file (e-\\S+) "));
    Path copy = root.resolve("copy.bin");
    cli(
            "group",
            "download",
            "--group",
            groupId,
            "--file-id",
            fileId,
            "--out",
            copy.toString(),
            "--state",
            alice.toString())
        .ok();
    assertArrayEquals(bytes, Files.readAllBytes(copy));

    // bob watches live and signals alice, whose app listens on its own socket
    try (GroupLiveConnection aliceLive = library(alice).live(groupId)) {
      aliceLive.await("welcome", Duration.ofSeconds(15));
      CompletableFuture<Run> watching =
          CompletableFuture.supplyAsync(
              () ->
                  cli(
                      "group",
                      "live",
                      "--group",
                      groupId,
                      "--seconds",
                      "6",
                      "--signal",
                      "offer",
                      "--to",
                      aliceMember,
                      "--data",
                      "{\"sdp\":\"v=0\"}",
                      "--state",
                      bob.toString()));
      JsonObject offer = aliceLive.await("offer", Duration.ofSeconds(15));
      assertEquals("v=0", offer.getJsonObject("data").getString("sdp"));
      cli("group", "send", "--group", groupId, "--text", "live hello", "--state", alice.toString())
          .ok();
      Run live = watching.get();
      assertEquals(0, live.status(), live::toString);
      assertTrue(live.out().contains("\"type\":\"welcome\""), live::out);
      assertTrue(live.out().contains("\"text\":\"live hello\""), live::out);
    }

    // the state keeps keys, owner-only, never the code
    try (Stream<Path> files = Files.list(bob.resolve("groups"))) {
      for (Path file : files.toList()) {
        assertEquals(
            "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String content = Files.readString(file);
        assertFalse(
            content.contains(code) || content.contains(code.replace("-", "")),
            file + " holds the code");
      }
    }

    Run notCreator = cli("group", "close", "--group", groupId, "--state", bob.toString());
    assertEquals(1, notCreator.status());
    assertTrue(notCreator.err().contains("not-group-creator"), notCreator::err);
    cli("group", "close", "--group", groupId, "--state", alice.toString()).ok();
    Run afterwards = cli("group", "read", "--group", groupId, "--state", bob.toString());
    assertEquals(1, afterwards.status());
    assertTrue(afterwards.err().contains("unknown-group"), afterwards::err);
    Run usage = cli("group", "send", "--group", groupId, "--state", bob.toString());
    assertEquals(2, usage.status(), "a usage error: neither --text nor --forward");
  }

  /** The reference client library as the handset saved in {@code state}. */
  private static GroupClient library(Path state) throws Exception {
    Properties handset = new Properties();
    handset.load(new StringReader(Files.readString(state.resolve("handset.properties"))));
    String token = Files.readString(state.resolve("token.secret")).strip();
    return new GroupClient(URI.create(Api.BASE), token, handset.getProperty("handsetId"));
  }
}
