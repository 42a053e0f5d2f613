package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliParserTest {

  private static final String SERVER = "--server https://bank.example ";
  private static final String MSISDN = "--msisdn +447700900123 ";

  private static CliCommand parse(String line) throws UsageException {
    return CliParser.parse(line.isBlank() ? List.of() : Arrays.asList(line.strip().split(" +")));
  }

  @Test
  void serverOtpEnrollmentHasSafeDefaults() throws UsageException {
    CliCommand.Enroll enroll =
        assertInstanceOf(CliCommand.Enroll.class, parse("enroll " + SERVER + MSISDN));

    assertEquals(CliParser.DEFAULT_STATE, enroll.state());
    assertEquals(URI.create("https://bank.example/"), enroll.server());
    assertEquals(Optional.of("+447700900123"), enroll.msisdn());
    assertEquals("android", enroll.deviceType());
    assertEquals(KeyAlgorithm.EC_P256, enroll.key());
    assertEquals(Optional.empty(), enroll.enrollmentId());
    assertEquals(Optional.empty(), enroll.otp());
    assertEquals(Optional.empty(), enroll.handsetOtp());
  }

  @Test
  void optionsMayComeInEitherFormAndAnyOrder() throws UsageException {
    CliCommand.Enroll enroll =
        assertInstanceOf(
            CliCommand.Enroll.class,
            parse(
                "--key=rsa --state=/tmp/h1 enroll --device-type ios --server=http://127.0.0.1:8080 "
                    + MSISDN));

    assertEquals(Path.of("/tmp/h1"), enroll.state());
    assertEquals(URI.create("http://127.0.0.1:8080/"), enroll.server());
    assertEquals("ios", enroll.deviceType());
    assertEquals(KeyAlgorithm.RSA_2048, enroll.key());
  }

  @Test
  void handsetOtpEnrollmentTakesKeywordServiceNumberAndWait() throws UsageException {
    CliCommand.Enroll defaults =
        assertInstanceOf(CliCommand.Enroll.class, parse("enroll --handset-otp " + SERVER + MSISDN));
    CliCommand.Enroll given =
        assertInstanceOf(
            CliCommand.Enroll.class,
            parse(
                "enroll --handset-otp --keyword JOIN --service-number 70707 --wait 30 "
                    + SERVER
                    + MSISDN));

    assertEquals(
        Optional.of(
            new CliCommand.HandsetOtpOptions("REG", Optional.empty(), Duration.ofSeconds(120))),
        defaults.handsetOtp());
    assertEquals(
        Optional.of(
            new CliCommand.HandsetOtpOptions("JOIN", Optional.of("70707"), Duration.ofSeconds(30))),
        given.handsetOtp());
  }

  @Test
  void anEarlierEnrollmentIsFinishedByItsIdAndCode() throws UsageException {
    CliCommand.Enroll enroll =
        assertInstanceOf(
            CliCommand.Enroll.class, parse("enroll " + SERVER + "--enrollment e-7 --otp 012345"));

    assertEquals(Optional.empty(), enroll.msisdn());
    assertEquals(Optional.of("e-7"), enroll.enrollmentId());
    assertEquals(Optional.of("012345"), enroll.otp());
  }

  @Test
  void accessMayNameAnotherAddressAndShowNeedsOnlyTheState() throws UsageException {
    assertEquals(new CliCommand.Access(Path.of("s"), Optional.empty()), parse("access --state s"));
    assertEquals(
        new CliCommand.Access(Path.of("s"), Optional.of(URI.create("https://bank.example/"))),
        parse("access --state s " + SERVER));
    assertEquals(new CliCommand.Show(Path.of("s")), parse("show --state s"));
  }

  @Test
  void theMessageCommandsTakeTheMessageIdAnywhereOnTheLine() throws UsageException {
    Path s = Path.of("s");
    Optional<URI> saved = Optional.empty();
    assertEquals(new CliCommand.Inbox(s, saved), parse("inbox --state s"));
    assertEquals(new CliCommand.Read(s, saved, "msg-1", false), parse("read msg-1 --state s"));
    assertEquals(new CliCommand.Read(s, saved, "msg-1", true), parse("--ack read --state=s msg-1"));
    assertEquals(new CliCommand.Ack(s, saved, "msg-1"), parse("ack --state s msg-1"));
    assertEquals(new CliCommand.Delete(s, saved, "msg-1"), parse("delete msg-1 --state s"));
    assertEquals(
        new CliCommand.Reply(s, saved, "msg-1", Optional.empty()), parse("reply msg-1 --state s"));
    assertEquals(
        new CliCommand.Reply(s, saved, "msg-1", Optional.of("Yes")),
        parse("reply msg-1 --body Yes --state s"));
    assertEquals(
        new CliCommand.Inbox(
            CliParser.DEFAULT_STATE, Optional.of(URI.create("https://bank.example/"))),
        parse("inbox " + SERVER));
  }

  @Test
  void theReplyLimitIsTheServers() {
    assertEquals(org.portcullis.message.Inbox.MAX_REPLY_BYTES, CliParser.MAX_REPLY_BYTES);
  }

  @Test
  void aReplyOfAtMost64KibOfUtf8IsTaken() throws UsageException {
    String largest = "€".repeat(21845) + "x"; // 65535 + 1 bytes
    assertEquals(largest, CliParser.checkedReply(largest, "--body"));
    UsageException tooLong =
        assertThrows(UsageException.class, () -> CliParser.checkedReply(largest + "x", "--body"));
    assertEquals(
        "--body is 65537 bytes of UTF-8; a reply may have at most 65536", tooLong.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"help", "--help", "-h", "enroll --help", "access --state s -h"})
  void helpWinsEverywhere(String line) throws UsageException {
    assertEquals(new CliCommand.Help(), parse(line));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | no command",
        "frobnicate | unknown command 'frobnicate'",
        "enroll show | unexpected argument 'show'",
        "enroll --frob | unknown option --frob",
        "enroll -x | unknown option -x",
        "enroll --msisdn +447700900123 | enroll needs --server",
        "enroll --server https://bank.example | enroll needs --msisdn",
        "enroll --server http://bank.example --msisdn +447700900123 | use https",
        "enroll --server http://10.0.0.1 --msisdn +447700900123 | use https",
        "enroll --server ftp://bank.example --msisdn +447700900123 | not an http or https URL",
        "enroll --server https://bank.example/?a=b --msisdn +447700900123 | not an http",
        "enroll --server https://bank.example --msisdn 07700900123 | not an E.164 number",
        "enroll --server https://bank.example --msisdn +0447700900 | not an E.164 number",
        "enroll --server https://bank.example --msisdn | --msisdn needs a value",
        "enroll --server https://bank.example --msisdn --key ec | --msisdn needs a value",
        "enroll --server https://bank.example --msisdn= | --msisdn needs a non-empty value",
        "enroll --server https://b.example --server https://c.example | --server is given twice",
        "enroll --handset-otp --handset-otp | --handset-otp is given twice",
        "enroll --handset-otp=yes | --handset-otp takes no value",
        "enroll --server https://bank.example --msisdn +447700900123 --otp 123456 | --otp goes"
            + " with --enrollment",
        "enroll --server https://bank.example --msisdn +447700900123 --handset-otp --otp 123456"
            + " | with --handset-otp this client makes one up",
        "enroll --server https://bank.example --msisdn +447700900123 --keyword JOIN | --keyword"
            + " only applies with --handset-otp",
        "enroll --server https://bank.example --msisdn +447700900123 --wait 30 | --wait only"
            + " applies",
        "enroll --server https://bank.example --msisdn +447700900123 --key dsa | neither rsa nor"
            + " ec",
        "enroll --server https://bank.example --msisdn +447700900123 --device-type a/b | 1 to 32"
            + " letters",
        "enroll --server https://bank.example --msisdn +447700900123 --handset-otp --wait 0 |"
            + " from 1 to 300",
        "enroll --server https://bank.example --msisdn +447700900123 --handset-otp --wait 301 |"
            + " from 1 to 300",
        "enroll --server https://bank.example --msisdn +447700900123 --handset-otp --wait soon |"
            + " from 1 to 300",
        "enroll --server https://bank.example --msisdn +447700900123 --handset-otp --keyword R-G"
            + " | one word",
        "enroll --server https://bank.example --msisdn +447700900123 --handset-otp"
            + " --service-number call-me | a number customers can text",
        "enroll --server https://bank.example --enrollment e-7 --msisdn +447700900123 | --msisdn"
            + " starts an enrollment",
        "enroll --server https://bank.example --enrollment e-7 --handset-otp | not --handset-otp",
        "enroll --server https://bank.example --enrollment .. --otp 123456 | not an enrollment id",
        "enroll --server https://bank.example --enrollment e-7 --otp 12345 | the 6-digit code",
        "access --otp 123456 | --otp does not apply to 'access'",
        "show --server https://bank.example | --server does not apply to 'show'",
        "show msg-1 | unexpected argument 'msg-1'",
        "inbox msg-1 | unexpected argument 'msg-1'",
        "read | read needs the message's id: read ID",
        "ack --state s | ack needs the message's id",
        "delete | delete needs the message's id",
        "reply --body Yes | reply needs the message's id",
        "read msg-1 msg-2 | unexpected argument 'msg-2'",
        "read .. | '..' is not a message id",
        "ack a/b | 'a/b' is not a message id",
        "delete msg?1 | 'msg?1' is not a message id",
        "read msg-1 --body Yes | --body does not apply to 'read'",
        "ack msg-1 --ack | --ack does not apply to 'ack'",
        "read msg-1 --ack --ack | --ack is given twice",
        "read msg-1 --ack=yes | --ack takes no value",
        "reply msg-1 --body | --body needs a value",
        "reply msg-1 --body= | --body needs a non-empty value",
        "inbox --server http://bank.example | use https",
        "reply msg-1 --server ftp://bank.example | not an http or https URL",
      })
  void badCommandLinesAreUsageErrorsThatSayWhatIsWrong(String line, String expected) {
    UsageException e = assertThrows(UsageException.class, () -> parse(line));

    assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "[::1]"})
  void plainHttpIsAllowedToLoopback(String host) throws UsageException {
    assertEquals("http", CliParser.server("http://" + host + ":8080").getScheme());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"bank.example", "10.0.0.1", "[::2]", "127.bank.example", "localhost.example"})
  void otherHostsAreNotLoopback(String host) {
    assertFalse(CliParser.isLoopback(host));
  }
}
