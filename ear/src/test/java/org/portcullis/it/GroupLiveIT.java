package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.group.internal.GroupDeadlines;
import org.portcullis.handset.client.GroupCipher;
import org.portcullis.handset.client.GroupClient;
import org.portcullis.handset.client.GroupLiveConnection;
import org.portcullis.handset.client.ProblemException;
import org.portcullis.it.GroupFixtures.Person;
import org.portcullis.time.PortcullisClock;

/**
 * The groups' live sockets with three reference clients over real WebSockets ({@code
 * java.net.http.WebSocket}): entries pushed as they are stored, joins and departures, WebRTC
 * signalling relayed to its addressee alone, tickets refused, and sockets closed with the group.
 */
@ExtendWith(ArquillianExtension.class)
class GroupLiveIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Inject PortcullisClock clock;
  @Inject GroupDeadlines deadlines;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** A group of three: alice opened it, bob and carol joined. */
  private record Three(
      GroupClient.Opened opened,
      Person alice,
      Person bob,
      Person carol,
      String bobId,
      String carolId) {}

  private static Three three(GroupClient.Options options) throws Exception {
    Person alice = GroupFixtures.person();
    Person bob = GroupFixtures.person();
    Person carol = GroupFixtures.person();
    GroupClient.Opened opened = alice.client().open(options);
    String bobId = bob.client().join(opened.groupId(), opened.code()).memberId();
    String carolId = carol.client().join(opened.groupId(), opened.code()).memberId();
    return new Three(opened, alice, bob, carol, bobId, carolId);
  }

  private static JsonObject awaitEntry(GroupLiveConnection live, String kind) throws Exception {
    return live.await(
        frame ->
            "entry".equals(frame.getString("type", "")) && kind.equals(frame.getString("kind")),
        WAIT);
  }

  @Test
  void messagesFilesJoinsAndDeparturesArriveLiveAndByFetch() throws Exception {
    Person alice = GroupFixtures.person();
    Person bob = GroupFixtures.person();
    Person carol = GroupFixtures.person();
    GroupClient.Opened opened =
        alice.client().open(GroupClient.Options.lasting(Duration.ofHours(2)).rebroadcasting(true));
    GroupClient.Info bobs = bob.client().join(opened.groupId(), opened.code());
    // bob derives the key from what the invitation gave him, as his app would
    GroupCipher key = GroupCipher.derive(opened.groupId(), opened.code(), bobs.kdfSalt());

    try (GroupLiveConnection bobLive = bob.client().live(opened.groupId())) {
      JsonObject welcome = bobLive.await("welcome", WAIT);
      assertEquals(bobs.memberId(), welcome.getString("memberId"));
      assertTrue(welcome.getBoolean("rebroadcast"), "members are told the flag");
      assertEquals(bobs.lastSeq(), welcome.getJsonNumber("lastSeq").longValue());

      String carolId = carol.client().join(opened.groupId(), opened.code()).memberId();
      assertEquals(carolId, awaitEntry(bobLive, "JOINED").getString("memberId"));

      try (GroupLiveConnection carolLive = carol.client().live(opened.groupId())) {
        carolLive.await("welcome", WAIT);
        assertEquals(carolId, bobLive.await("online", WAIT).getString("memberId"));

        GroupCipher alicesKey =
            GroupCipher.derive(opened.groupId(), opened.code(), opened.kdfSalt());
        GroupClient.Posted posted =
            alice.client().send(opened.groupId(), alicesKey.sealText("hello, live"));
        for (GroupLiveConnection live : List.of(bobLive, carolLive)) {
          JsonObject message = awaitEntry(live, "MESSAGE");
          assertEquals(posted.messageId(), message.getString("id"));
          assertEquals(posted.seq(), message.getJsonNumber("seq").longValue());
          assertEquals(opened.memberId(), message.getString("memberId"));
          assertEquals("hello, live", key.openText(message.getString("ciphertext")));
        }

        byte[] photo = "a photo's bytes".repeat(1000).getBytes(StandardCharsets.UTF_8);
        GroupClient.StoredFile file =
            alice.client().upload(opened.groupId(), alicesKey.seal(photo, GroupCipher.Kind.FILE));
        JsonObject announced = awaitEntry(carolLive, "FILE");
        assertEquals(file.fileId(), announced.getString("id"));
        assertEquals(file.size(), announced.getJsonNumber("size").longValue());
        assertArrayEquals(
            photo,
            key.open(
                carol.client().download(opened.groupId(), file.fileId()), GroupCipher.Kind.FILE));

        // carol leaves: bob is told, carol's socket closes with 4001
        carol.client().leave(opened.groupId());
        assertEquals(carolId, awaitEntry(bobLive, "LEFT").getString("memberId"));
        assertEquals(4001, carolLive.closed().get(15, TimeUnit.SECONDS).code());
      }

      // the same stream by fetch, for whoever was not live
      List<GroupClient.Entry> fetched = bob.client().read(opened.groupId(), bobs.lastSeq());
      assertEquals(
          List.of("JOINED", "MESSAGE", "FILE", "LEFT"),
          fetched.stream().map(GroupClient.Entry::kind).toList());
      assertEquals("hello, live", key.openText(fetched.get(1).ciphertext()));
    }
  }

  @Test
  void aSignallingFrameReachesOnlyItsAddressee() throws Exception {
    Three group = three(GroupClient.Options.lasting(Duration.ofHours(2)));
    String groupId = group.opened().groupId();
    try (GroupLiveConnection alice = group.alice().client().live(groupId);
        GroupLiveConnection bob = group.bob().client().live(groupId);
        GroupLiveConnection carol = group.carol().client().live(groupId)) {
      for (GroupLiveConnection live : List.of(alice, bob, carol)) {
        live.await("welcome", WAIT);
      }
      JsonObject sdp =
          Json.createObjectBuilder()
              .add("type", "offer")
              .add("sdp", "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n")
              .build();
      alice.signal("offer", group.bobId(), sdp);
      JsonObject offer = bob.await("offer", WAIT);
      assertEquals(group.opened().memberId(), offer.getString("from"));
      assertEquals(sdp, offer.getJsonObject("data"));
      bob.signal("answer", group.opened().memberId(), Json.createValue("answer-sdp"));
      assertEquals("answer-sdp", alice.await("answer", WAIT).getString("data"));
      alice.signal(
          "candidate",
          group.bobId(),
          Json.createObjectBuilder()
              .add("candidate", "a=candidate:1 1 udp 1 127.0.0.1 5000 typ host")
              .build());
      bob.await("candidate", WAIT);
      alice.signal("hangup", group.bobId(), JsonValue.NULL);
      bob.await("hangup", WAIT);

      // carol saw none of it: everything before her pong is presence only
      carol.ping();
      carol.await("pong", WAIT);
      assertTrue(
          carol.drain().stream()
              .noneMatch(
                  f ->
                      List.of("offer", "answer", "candidate", "hangup")
                          .contains(f.getString("type"))));

      // to nobody online, to itself, or not a signal: an error to the sender alone
      alice.signal("offer", "m-abcdefghij", sdp);
      assertEquals("member-offline", alice.await("error", WAIT).getString("problem"));
      alice.signal("offer", group.opened().memberId(), sdp);
      assertEquals("invalid-frame", alice.await("error", WAIT).getString("problem"));
      alice.sendRaw("{\"type\":\"message\",\"to\":\"" + group.bobId() + "\",\"data\":1}");
      assertEquals("invalid-frame", alice.await("error", WAIT).getString("problem"));
      alice.sendRaw("not json");
      assertEquals("invalid-frame", alice.await("error", WAIT).getString("problem"));
      assertFalse(alice.closed().isDone());
      // a frame over 64 KiB is refused by the container: the socket closes (1009, too big)
      carol.sendRaw(
          "{\"type\":\"offer\",\"to\":\""
              + group.bobId()
              + "\",\"data\":\""
              + "x".repeat(70_000)
              + "\"}");
      assertEquals(1009, carol.closed().get(15, TimeUnit.SECONDS).code());
      bob.ping();
      bob.await("pong", WAIT);
      assertTrue(bob.drain().stream().noneMatch(f -> "offer".equals(f.getString("type"))));
    }
    // signalling is never stored: the stream holds the three joins only
    assertEquals(3, group.alice().client().read(groupId, 0).size());
  }

  @Test
  void nonMembersAndBadTicketsGetNoSocket() throws Exception {
    Three group = three(GroupClient.Options.lasting(Duration.ofHours(2)));
    String groupId = group.opened().groupId();
    Person dave = GroupFixtures.person();

    ProblemException outsider =
        assertThrows(ProblemException.class, () -> dave.client().ticket(groupId));
    assertEquals(404, outsider.status());
    assertEquals("unknown-group", outsider.type());

    // a member of another group cannot reach this group's members
    GroupClient.Opened other = dave.client().open(GroupClient.Options.lasting(Duration.ofHours(1)));
    try (GroupLiveConnection bob = group.bob().client().live(groupId);
        GroupLiveConnection daveLive = dave.client().live(other.groupId())) {
      bob.await("welcome", WAIT);
      daveLive.await("welcome", WAIT);
      daveLive.signal("offer", group.bobId(), Json.createValue("sdp"));
      assertEquals("member-offline", daveLive.await("error", WAIT).getString("problem"));
      bob.ping();
      bob.await("pong", WAIT);
      assertTrue(bob.drain().stream().noneMatch(f -> "offer".equals(f.getString("type"))));
    }

    GroupClient.Ticket ticket = group.bob().client().ticket(groupId);
    // a forged ticket, another group's path, then the real one twice: single use
    assertEquals(
        4401,
        refusedCode(
            URI.create(ticket.url().toString().replaceFirst("ticket=.*", "ticket=forged"))));
    assertEquals(
        4401, refusedCode(URI.create(ticket.url().toString().replace(groupId, other.groupId()))));
    GroupClient.Ticket fresh = group.bob().client().ticket(groupId);
    try (GroupLiveConnection first = GroupLiveConnection.connect(fresh.url())) {
      first.await("welcome", WAIT);
      assertEquals(4401, refusedCode(fresh.url()));
    }
  }

  @Test
  void closingClosesEveryLiveSocketWithItsCode() throws Exception {
    Three byCreator = three(GroupClient.Options.lasting(Duration.ofHours(2)));
    Three byTime = three(GroupClient.Options.lasting(Duration.ofHours(1)));
    try (GroupLiveConnection bob = byCreator.bob().client().live(byCreator.opened().groupId());
        GroupLiveConnection carol = byCreator.carol().client().live(byCreator.opened().groupId());
        GroupLiveConnection late = byTime.bob().client().live(byTime.opened().groupId())) {
      bob.await("welcome", WAIT);
      carol.await("welcome", WAIT);
      late.await("welcome", WAIT);

      // only the creator closes it
      ProblemException notYours =
          assertThrows(
              ProblemException.class,
              () -> byCreator.bob().client().close(byCreator.opened().groupId()));
      assertEquals("not-group-creator", notYours.type());
      byCreator.alice().client().close(byCreator.opened().groupId());
      assertEquals(4000, bob.closed().get(15, TimeUnit.SECONDS).code());
      assertEquals(4000, carol.closed().get(15, TimeUnit.SECONDS).code());
      assertFalse(late.closed().isDone(), "another group's socket stays");

      clock.advance(Duration.ofHours(1).plusSeconds(1));
      deadlines.sweep();
      assertEquals(4000, late.closed().get(15, TimeUnit.SECONDS).code());
    }
  }

  /** Opens a socket that the server should close at once; its close code. */
  private static int refusedCode(URI url) throws Exception {
    try (GroupLiveConnection refused = GroupLiveConnection.connect(url)) {
      GroupLiveConnection.Closed closed = refused.closed().get(15, TimeUnit.SECONDS);
      assertTrue(refused.drain().isEmpty(), "nothing is sent on a refused socket");
      return closed.code();
    }
  }
}
