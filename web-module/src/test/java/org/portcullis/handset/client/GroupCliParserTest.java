package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupCliParserTest {

  private static final String GROUP = "g-abcdefghijkmnpqrstuv";

  private static GroupCommand parse(String line) throws UsageException {
    CliCommand command = CliParser.parse(Arrays.asList(line.split(" ")));
    return assertInstanceOf(CliCommand.Group.class, command).command().orElseThrow();
  }

  @Test
  void createWithEveryOption() throws Exception {
    GroupCommand.Create create =
        assertInstanceOf(
            GroupCommand.Create.class,
            parse(
                "group create --name Club --validity PT2H --accesses 3 --per P1D --rebroadcast"
                    + " --notice PT10M --invite a@x.org,b@y.org --code k2m4-t1v8-b6c3 --state s"));
    assertEquals(Optional.of("Club"), create.name());
    assertEquals(Optional.of(Duration.ofHours(2)), create.validity());
    assertEquals(Optional.of(3), create.accesses());
    assertEquals(Optional.of(Duration.ofDays(1)), create.per());
    assertTrue(create.rebroadcast());
    assertEquals(List.of("a@x.org", "b@y.org"), create.invitees());
    assertEquals(Path.of("s"), create.state());
    assertFalse(create.toString().contains("k2m4"), "the code stays out of toString");
  }

  @Test
  void joinByLinkOrByGroupAndCode() throws Exception {
    GroupCommand.Join byLink =
        assertInstanceOf(
            GroupCommand.Join.class,
            parse(
                "group join --link https://b.example/groups/join.html#group="
                    + GROUP
                    + "&code=7X9Z-K2M4"));
    assertEquals(GROUP, byLink.groupId());
    assertEquals("7X9Z-K2M4", byLink.code());
    GroupCommand.Join byCode =
        assertInstanceOf(
            GroupCommand.Join.class, parse("group join --group " + GROUP + " --code 7X9Z"));
    assertEquals("7X9Z", byCode.code());
  }

  @Test
  void liveWithASignal() throws Exception {
    GroupCommand.Live live =
        assertInstanceOf(
            GroupCommand.Live.class,
            parse(
                "group live --group "
                    + GROUP
                    + " --signal offer --to m-abcdefghij --data {} --seconds 5"));
    assertEquals(Optional.of("offer"), live.signal());
    assertEquals(Optional.of(Duration.ofSeconds(5)), live.seconds());
  }

  @Test
  void groupHelpIsTheGroupsUsage() throws Exception {
    assertTrue(
        assertInstanceOf(CliCommand.Group.class, CliParser.parse(List.of("group", "help")))
            .command()
            .isEmpty());
    assertTrue(
        assertInstanceOf(CliCommand.Group.class, CliParser.parse(List.of("group")))
            .command()
            .isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "group fly",
        "group create",
        "group create --per P1D --validity PT1H",
        "group create --validity two-hours",
        "group create --validity PT1H --invite nobody",
        "group create --validity PT1H --code ABCU",
        "group join --group g-x --code 7X9Z",
        "group join --link https://x/no-fragment",
        "group send --group " + GROUP,
        "group send --group " + GROUP + " --text a --forward " + GROUP + "/e-abcdefghijkmnpqr",
        "group send --group " + GROUP + " --forward nonsense",
        "group read --group " + GROUP + " --after -1",
        "group download --group " + GROUP + " --file-id ../x --out y",
        "group live --group " + GROUP + " --signal offer",
        "group live --group " + GROUP + " --signal dance --to m-abcdefghij",
        "group live --group " + GROUP + " --seconds 0",
        "group close --group " + GROUP + " --text x",
        "group close --group " + GROUP + " stray",
      })
  void refusesBadCommandLines(String line) {
    assertThrows(UsageException.class, () -> CliParser.parse(Arrays.asList(line.split(" "))));
  }
}
