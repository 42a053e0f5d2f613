package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.group.internal.GroupDeadlines;
import org.portcullis.handset.client.GroupCipher;
import org.portcullis.handset.client.GroupClient;
import org.portcullis.handset.client.GroupCodes;
import org.portcullis.handset.client.ProblemException;
import org.portcullis.it.GroupFixtures.Person;
import org.portcullis.time.PortcullisClock;

/**
 * Private groups over the real API with the reference client: codes made by the server and by the
 * opener, joins with the right and wrong codes, the access allowance under 20 concurrent joins, the
 * invitation mail read back over IMAP, rebroadcast, oversize files, the notice and the extension,
 * and the closing by time, checked in the database and the data directory as well as through the
 * API.
 */
@ExtendWith(ArquillianExtension.class)
class GroupsIT {

  private static final Pattern LINK = Pattern.compile("(https?://\\S+/groups/extend\\.html#\\S+)");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Inject PortcullisClock clock;
  @Inject GroupDeadlines deadlines;

  @Resource(lookup = "jdbc/portcullis")
  DataSource database;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static GroupClient.Opened open(Person opener, GroupClient.Options options)
      throws Exception {
    return opener.client().open(options);
  }

  @Test
  void aServerCodeIsShownOnceInFoursAndOpensTheGroup() throws Exception {
    Person alice = GroupFixtures.person();
    Person bob = GroupFixtures.person();
    GroupClient.Opened opened =
        open(alice, GroupClient.Options.lasting(Duration.ofHours(2)).named("Book club"));

    assertTrue(
        opened.code().matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"),
        "16 symbols in fours");
    int fragment = opened.joinUrl().indexOf('#');
    assertTrue(
        fragment > 0 && opened.joinUrl().indexOf(opened.code()) > fragment, "code in the fragment");
    assertEquals(opened.joinUrl(), GroupFixtures.decodeQr(opened.qrPng()));
    GroupCodes.Invitation invitation = GroupCodes.fromLink(opened.joinUrl()).orElseThrow();
    assertEquals(opened.groupId(), invitation.groupId());

    // typed as a person might: lower case, without the hyphens
    GroupClient.Info joined =
        bob.client().join(opened.groupId(), opened.code().toLowerCase().replace("-", ""));
    assertFalse(joined.creator());
    assertEquals("Book club", joined.name());
    assertEquals(2, joined.members().size());
    assertEquals(opened.kdfSalt(), joined.kdfSalt());
    GroupClient.Info asAlice = alice.client().describe(opened.groupId());
    assertTrue(asAlice.creator());
    assertEquals(2, asAlice.members().size());
    // the stream says who joined, alice first
    List<GroupClient.Entry> entries = bob.client().read(opened.groupId(), 0);
    assertEquals(
        List.of("JOINED", "JOINED"), entries.stream().map(GroupClient.Entry::kind).toList());
    assertEquals(opened.memberId(), entries.get(0).memberId());
    assertEquals(joined.memberId(), entries.get(1).memberId());

    // joining again from the same terminal is the same membership, not a new entry
    assertEquals(joined.memberId(), bob.client().join(opened.groupId(), opened.code()).memberId());
    assertEquals(2, alice.client().describe(opened.groupId()).members().size());

    // the code is in the answer once: nowhere in the group's view
    Api.Reply view = bob.api().get("/api/v1/groups/" + opened.groupId());
    assertFalse(view.text().contains(opened.code()));
    assertFalse(view.text().contains(opened.code().replace("-", "")));
  }

  @Test
  void anOwnCodeNeedsFiftyBitsAndNoPattern() throws Exception {
    Person alice = GroupFixtures.person();
    Map<String, String> refused =
        Map.of(
            "K2M4T1V8B", "weak-code", // 45 bits
            "AAAAAAAAAAAAAAAA", "weak-code",
            "0123456789ABCDEF", "weak-code",
            "ZYXWVTSRQPNMKJHG", "weak-code",
            "K2M4K2M4K2M4K2M4", "weak-code",
            "K2M4-T1V8-B6CU-XYZW", "invalid-code"); // U is not a symbol
    long before = groupsOpenedBy(alice);
    for (Map.Entry<String, String> code : refused.entrySet()) {
      Api.Reply reply =
          alice
              .api()
              .post(
                  "/api/v1/groups",
                  "{\"validity\":\"PT2H\",\"rebroadcast\":false,\"code\":\""
                      + code.getKey()
                      + "\"}");
      assertEquals(400, reply.status(), reply::toString);
      assertEquals(code.getValue(), GroupFixtures.problem(reply), code.getKey());
      assertTrue(reply.json().getJsonObject("fields").containsKey("code"), reply::toString);
      assertFalse(reply.text().contains(code.getKey()), "the refusal never repeats the code");
    }
    assertEquals(before, groupsOpenedBy(alice), "nothing opened");

    GroupClient.Opened opened =
        open(alice, GroupClient.Options.lasting(Duration.ofHours(2)).withCode("k2m4-t1v8-b6c3"));
    assertNull(opened.code(), "an own code is not sent back");
    Person bob = GroupFixtures.person();
    assertEquals(2, bob.client().join(opened.groupId(), "K2M4T1V8B6C3").members().size());
  }

  @Test
  void badTermsAreRefusedNamingTheFieldAndOpenNothing() {
    Person alice = GroupFixtures.person();
    Map<String, String> bodies =
        Map.of(
            "{\"rebroadcast\":false}", "validity",
            "{\"validity\":\"two hours\",\"rebroadcast\":false}", "validity",
            "{\"validity\":\"P30D\",\"rebroadcast\":false}", "validity",
            "{\"validity\":\"PT2H\"}", "rebroadcast",
            "{\"validity\":\"PT2H\",\"rebroadcast\":true,\"accesses\":{\"count\":0}}",
                "accesses.count",
            "{\"validity\":\"PT2H\",\"rebroadcast\":true,\"notice\":\"PT3H\"}", "notice",
            "{\"validity\":\"PT2H\",\"rebroadcast\":true,\"invitees\":[\"nobody\"]}", "invitees");
    long before = groupsOpenedBy(alice);
    for (Map.Entry<String, String> body : bodies.entrySet()) {
      Api.Reply reply = alice.api().post("/api/v1/groups", body.getKey());
      assertEquals(400, reply.status(), reply::toString);
      assertEquals("application/problem+json", reply.contentType());
      assertTrue(
          reply.json().getJsonObject("fields").containsKey(body.getValue()),
          body.getKey() + " → " + reply);
    }
    assertEquals(before, groupsOpenedBy(alice));
    assertEquals(
        401,
        Api.anonymous()
            .post("/api/v1/groups", "{\"validity\":\"PT2H\",\"rebroadcast\":false}")
            .status());
  }

  @Test
  void wrongCodesLockOutTheTerminalAndUnknownOrClosedGroupsAnswerTheSame() throws Exception {
    Person alice = GroupFixtures.person();
    Person mallory = GroupFixtures.person();
    GroupClient.Opened opened = open(alice, GroupClient.Options.lasting(Duration.ofHours(2)));
    String wrong = "K2M4T1V8B6C3X9Z7";

    List<Api.Reply> refusals = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      refusals.add(answer(mallory, opened.groupId(), wrong));
    }
    // the terminal is locked out now: even the right code is refused, the same way
    refusals.add(answer(mallory, opened.groupId(), opened.code()));
    // an unknown group, and (below) a closed one, answer like a wrong code
    refusals.add(answer(mallory, "g-" + "a".repeat(20), wrong));
    GroupClient.Opened closed = open(alice, GroupClient.Options.lasting(Duration.ofHours(2)));
    alice.client().close(closed.groupId());
    refusals.add(answer(mallory, closed.groupId(), closed.code()));

    for (Api.Reply refusal : refusals) {
      assertEquals(401, refusal.status(), refusal::toString);
      assertEquals("join-refused", GroupFixtures.problem(refusal));
      assertEquals(refusals.get(0).json().getString("detail"), refusal.json().getString("detail"));
    }
    // the same customer on another terminal is not locked out
    Person malloryElsewhere = mallory.onAnotherTerminal();
    assertEquals(
        2, malloryElsewhere.client().join(opened.groupId(), opened.code()).members().size());

    // a challenge is single use, and belongs to its terminal
    JsonObject challenge =
        mallory.api().post("/api/v1/groups/" + opened.groupId() + "/joins", null).json();
    String path =
        "/api/v1/groups/" + opened.groupId() + "/joins/" + challenge.getString("challengeId");
    assertEquals(410, alice.api().post(path, "{\"code\":\"" + wrong + "\"}").status());
    assertEquals(401, mallory.api().post(path, "{\"code\":\"" + wrong + "\"}").status());
    assertEquals(410, mallory.api().post(path, "{\"code\":\"" + wrong + "\"}").status());
    // a malformed code is a typo, not a guess: 400, and the challenge still stands
    Person carol = GroupFixtures.person();
    String carols =
        "/api/v1/groups/"
            + opened.groupId()
            + "/joins/"
            + carol
                .api()
                .post("/api/v1/groups/" + opened.groupId() + "/joins", null)
                .json()
                .getString("challengeId");
    Api.Reply typo = carol.api().post(carols, "{\"code\":\"K2M4-T1V8-B6CU\"}");
    assertEquals(400, typo.status(), typo::toString);
    assertEquals("invalid-code", GroupFixtures.problem(typo));
    assertEquals(200, carol.api().post(carols, "{\"code\":\"" + opened.code() + "\"}").status());
  }

  @Test
  void aHundredWrongCodesLockTheGroupsJoinsAndAlertTheCreator() throws Exception {
    Person alice = GroupFixtures.person();
    GroupClient.Opened opened =
        open(alice, GroupClient.Options.lasting(Duration.ofHours(2)).named("Quiet"));
    List<Person> guessers = GroupFixtures.people(20);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<Integer>> refused = new ArrayList<>();
      for (Person guesser : guessers) {
        refused.add(
            pool.submit(
                () -> {
                  int count = 0;
                  for (int i = 0; i < 5; i++) {
                    count +=
                        answer(guesser, opened.groupId(), "K2M4T1V8B6C3X9Z" + (char) ('A' + i))
                                    .status()
                                == 401
                            ? 1
                            : 0;
                  }
                  return count;
                }));
      }
      int total = 0;
      for (Future<Integer> count : refused) {
        total += count.get();
      }
      assertEquals(100, total);
    } finally {
      pool.shutdownNow();
    }
    JsonObject row = GroupFixtures.adminView(opened.groupId());
    assertTrue(row.getBoolean("joinsLocked"), row::toString);
    // nobody gets in now, not even with the right code
    Api.Reply late = answer(GroupFixtures.person(), opened.groupId(), opened.code());
    assertEquals(401, late.status(), late::toString);
    Message alert =
        GroupFixtures.awaitMail(
            alice.email(), mail -> GroupFixtures.subject(mail).contains("takes no new members"));
    assertTrue(GroupFixtures.text(alert).contains("\"Quiet\""));
    assertTrue(audit("group.joins.locked", opened.groupId()) >= 1);
  }

  @Test
  void twentyConcurrentJoinsAgainstAnAllowanceOfThreeGiveThreeMembers() throws Exception {
    Person alice = GroupFixtures.person();
    GroupClient.Opened opened =
        open(
            alice,
            GroupClient.Options.lasting(Duration.ofDays(3)).admitting(3, Duration.ofDays(1)));
    List<Person> joiners = GroupFixtures.people(21);
    Person late = joiners.remove(20);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Integer> statuses = new ArrayList<>();
    try {
      List<Future<Integer>> joins = new ArrayList<>();
      for (Person joiner : joiners) {
        String challenge =
            joiner
                .api()
                .post("/api/v1/groups/" + opened.groupId() + "/joins", null)
                .json()
                .getString("challengeId");
        joins.add(
            pool.submit(
                (Callable<Integer>)
                    () ->
                        joiner
                            .api()
                            .post(
                                "/api/v1/groups/" + opened.groupId() + "/joins/" + challenge,
                                "{\"code\":\"" + opened.code() + "\"}")
                            .status()));
      }
      for (Future<Integer> join : joins) {
        statuses.add(join.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
    assertEquals(17, statuses.stream().filter(s -> s == 429).count(), statuses::toString);
    assertEquals(
        4, alice.client().describe(opened.groupId()).members().size(), "the opener and three");
    JsonObject row = GroupFixtures.adminView(opened.groupId());
    assertEquals(3, row.getInt("entries"));

    // refused until the next window, which opens a day after the opening
    Api.Reply full = answer(late, opened.groupId(), opened.code());
    assertEquals(429, full.status(), full::toString);
    assertEquals("access-allowance-used", GroupFixtures.problem(full));
    long retryAfter = Long.parseLong(full.header("Retry-After").orElseThrow());
    assertTrue(retryAfter > 23 * 3600 && retryAfter <= 24 * 3600, "Retry-After " + retryAfter);
    clock.advance(Duration.ofDays(1));
    assertEquals(5, late.client().join(opened.groupId(), opened.code()).members().size());
  }

  @Test
  void theInvitationMailCarriesCodeLinkAndQrAndTheOutboxKeepsNoCopy() throws Exception {
    Person alice = GroupFixtures.person();
    String invitee = "invitee-" + Long.toString(System.nanoTime(), 36) + "@portcullis.test";
    GroupClient.Opened opened =
        open(
            alice,
            GroupClient.Options.lasting(Duration.ofHours(2))
                .named("Tea")
                .inviting(List.of(invitee)));

    Message mail =
        GroupFixtures.awaitMail(invitee, m -> GroupFixtures.subject(m).contains("Invitation"));
    String text = GroupFixtures.text(mail);
    assertTrue(text.contains(opened.code()), "the code");
    assertTrue(text.contains(opened.joinUrl()), "the join link");
    byte[] qr =
        GroupFixtures.image(mail).orElseThrow(() -> new AssertionError("no inline QR code"));
    String link = GroupFixtures.decodeQr(qr);
    assertEquals(opened.joinUrl(), link);

    // whoever scans it joins with what the link carries
    GroupCodes.Invitation invitation = GroupCodes.fromLink(link).orElseThrow();
    Person bob = GroupFixtures.person();
    assertEquals(2, bob.client().join(invitation.groupId(), invitation.code()).members().size());

    // the outbox row was sent and holds no content any more
    long mailId = invitationMailId(opened.groupId());
    // the mail server has it; the outbox records that a moment later
    JsonObject row =
        Peers.await(
            () ->
                Optional.of(Fixtures.outboxRow("mail", mailId))
                    .filter(r -> "SENT".equals(r.getString("state"))),
            "the invitation's row to be SENT");
    assertEquals("group-invitation", row.getString("purpose"));
    try (var connection = database.getConnection();
        var query =
            connection.prepareStatement("SELECT sealed_content FROM mail_outbox WHERE id = ?")) {
      query.setLong(1, mailId);
      try (var result = query.executeQuery()) {
        assertTrue(result.next());
        assertNull(result.getString(1), "the invitation's body is erased once sent");
      }
    }
  }

  @Test
  void forwardingNeedsTheSourceGroupsRebroadcastFlag() throws Exception {
    Person alice = GroupFixtures.person();
    GroupClient.Opened closedShop = open(alice, GroupClient.Options.lasting(Duration.ofHours(2)));
    GroupClient.Opened openShop =
        open(alice, GroupClient.Options.lasting(Duration.ofHours(2)).rebroadcasting(true));
    GroupClient.Opened target = open(alice, GroupClient.Options.lasting(Duration.ofHours(2)));
    GroupCipher secret =
        GroupCipher.derive(closedShop.groupId(), closedShop.code(), closedShop.kdfSalt());
    GroupCipher shared =
        GroupCipher.derive(openShop.groupId(), openShop.code(), openShop.kdfSalt());
    GroupCipher there = GroupCipher.derive(target.groupId(), target.code(), target.kdfSalt());
    GroupClient.Posted confidential =
        alice.client().send(closedShop.groupId(), secret.sealText("confidential"));
    GroupClient.Posted news = alice.client().send(openShop.groupId(), shared.sealText("news"));

    // the members are told the flag
    assertFalse(alice.client().describe(closedShop.groupId()).rebroadcast());
    assertTrue(alice.client().describe(openShop.groupId()).rebroadcast());

    ProblemException refused =
        assertThrows(
            ProblemException.class,
            () ->
                alice
                    .client()
                    .send(
                        target.groupId(),
                        there.sealText("confidential"),
                        closedShop.groupId(),
                        confidential.messageId()));
    assertEquals(403, refused.status());
    assertEquals("rebroadcast-not-allowed", refused.type());

    GroupClient.Posted forwarded =
        alice
            .client()
            .send(target.groupId(), there.sealText("news"), openShop.groupId(), news.messageId());
    GroupClient.Entry copy = alice.client().read(target.groupId(), forwarded.seq() - 1).get(0);
    assertEquals(openShop.groupId(), copy.forwardGroupId());
    assertEquals(news.messageId(), copy.forwardMessageId());
    assertEquals("news", there.openText(copy.ciphertext()));
    assertEquals(1, audit("group.forward", target.groupId(), "OK"));
    assertEquals(1, audit("group.forward", target.groupId(), "REFUSED"));

    // a non-member cannot forward from a group it is not in
    Person bob = GroupFixtures.person();
    bob.client().join(target.groupId(), target.code());
    ProblemException outsider =
        assertThrows(
            ProblemException.class,
            () ->
                bob.client()
                    .send(
                        target.groupId(),
                        there.sealText("x"),
                        openShop.groupId(),
                        news.messageId()));
    assertEquals(404, outsider.status());
  }

  @Test
  void messagesAreOpaqueAndSizedAndFilesOverTheLimitAreRefusedEarly() throws Exception {
    Person alice = GroupFixtures.person();
    GroupClient.Opened opened = open(alice, GroupClient.Options.lasting(Duration.ofHours(2)));
    String group = "/api/v1/groups/" + opened.groupId();

    String most = Base64.getEncoder().encodeToString(new byte[64 * 1024]);
    assertEquals(
        201, alice.api().post(group + "/messages", "{\"ciphertext\":\"" + most + "\"}").status());
    String over = Base64.getEncoder().encodeToString(new byte[64 * 1024 + 1]);
    Api.Reply tooLarge = alice.api().post(group + "/messages", "{\"ciphertext\":\"" + over + "\"}");
    assertEquals(400, tooLarge.status(), tooLarge::toString);
    assertEquals("message-too-large", GroupFixtures.problem(tooLarge));
    assertTrue(tooLarge.json().getJsonObject("fields").containsKey("ciphertext"));
    Api.Reply notBase64 = alice.api().post(group + "/messages", "{\"ciphertext\":\"not base64!\"}");
    assertEquals(400, notBase64.status());
    assertEquals(1, alice.client().read(opened.groupId(), 1).size(), "only the good one");

    // declared too large: refused before a byte of it is read
    int limit = 10 * 1024 * 1024;
    UploadProbe declared = UploadProbe.declaring(opened.groupId(), alice, limit + 1L, 64 * 1024);
    assertEquals(413, declared.status(), declared::toString);
    assertTrue(declared.body().contains("file-too-large"), declared::toString);
    // no length declared (chunked): refused once the bytes read pass the limit, while the
    // client still holds the rest of the body back
    UploadProbe chunked = UploadProbe.chunked(opened.groupId(), alice, limit + 256 * 1024);
    assertEquals(413, chunked.status(), chunked::toString);
    assertTrue(chunked.answeredBeforeTheEnd(), chunked::toString);
    // exactly at the limit is fine, and comes back as it went
    byte[] largest = new byte[limit];
    largest[limit - 1] = 42;
    GroupClient.StoredFile stored = alice.client().upload(opened.groupId(), largest);
    assertEquals(limit, stored.size());
    assertEquals(42, alice.client().download(opened.groupId(), stored.fileId())[limit - 1]);
    assertEquals(1, audit("group.file.upload", opened.groupId(), "OK"));
    assertEquals(2, audit("group.file.upload", opened.groupId(), "REFUSED"));
  }

  @Test
  void theNoticeGoesOutOnceAndTheMailedLinkExtendsTheGroupOnce() throws Exception {
    Person alice = GroupFixtures.person();
    Person bob = GroupFixtures.person();
    GroupClient.Opened opened =
        open(
            alice,
            GroupClient.Options.lasting(Duration.ofHours(2)).noticing(Duration.ofMinutes(15)));
    bob.client().join(opened.groupId(), opened.code());

    clock.advance(Duration.ofMinutes(106));
    deadlines.sweep();
    deadlines.sweep();
    assertEquals(1, audit("group.notice", opened.groupId(), "OK"), "once, however often swept");
    String link = extensionLink(alice.email());
    extensionLink(bob.email()); // every member with an address gets one
    List<GroupClient.Entry> entries = bob.client().read(opened.groupId(), 0);
    GroupClient.Entry notice = entries.get(entries.size() - 1);
    assertEquals("NOTICE", notice.kind());
    assertEquals(opened.expiresAt(), notice.until());

    String token = link.substring(link.indexOf('#') + 1);
    JsonObject offer = Api.anonymous().get("/api/v1/group-extensions/" + token).json();
    assertEquals(opened.expiresAt().toString(), offer.getString("expiresAt"));
    assertEquals("PT168H", offer.getString("mostAllowed"));
    Api.Reply tooLong =
        Api.anonymous().post("/api/v1/group-extensions/" + token, "{\"duration\":\"P8D\"}");
    assertEquals(400, tooLong.status(), tooLong::toString);
    assertTrue(tooLong.json().getJsonObject("fields").containsKey("duration"));

    Api.Reply extended =
        Api.anonymous().post("/api/v1/group-extensions/" + token, "{\"duration\":\"PT3H\"}");
    assertEquals(200, extended.status(), extended::toString);
    Instant newExpiry = opened.expiresAt().plus(Duration.ofHours(3));
    assertEquals(newExpiry.toString(), extended.json().getString("expiresAt"));
    assertEquals(newExpiry, bob.client().describe(opened.groupId()).expiresAt());
    List<GroupClient.Entry> after = bob.client().read(opened.groupId(), notice.seq());
    assertEquals("EXTENDED", after.get(0).kind());
    assertEquals(newExpiry, after.get(0).until());

    // single use, and every other link of the group is used up with it
    Api.Reply again =
        Api.anonymous().post("/api/v1/group-extensions/" + token, "{\"duration\":\"PT1H\"}");
    assertEquals(410, again.status(), again::toString);
    Api.Reply forged =
        Api.anonymous()
            .post(
                "/api/v1/group-extensions/" + token.substring(0, token.length() - 2) + "xx",
                "{\"duration\":\"PT1H\"}");
    assertEquals(404, forged.status(), forged::toString);

    // the closing moved: not at the old expiry, and the next notice is due before the new one
    clock.advance(Duration.ofMinutes(20));
    deadlines.sweep();
    assertEquals("OPEN", GroupFixtures.adminView(opened.groupId()).getString("state"));
    assertEquals(1, audit("group.notice", opened.groupId(), "OK"));
    clock.advance(Duration.ofMinutes(160)); // past the new expiry (300 min) − notice (15 min)
    deadlines.sweep();
    assertEquals(2, audit("group.notice", opened.groupId(), "OK"));
  }

  @Test
  void atItsExpiryTheGroupClosesAndOnlyMetadataStay() throws Exception {
    Person alice = GroupFixtures.person();
    Person bob = GroupFixtures.person();
    GroupClient.Opened opened =
        open(alice, GroupClient.Options.lasting(Duration.ofHours(2)).named("Secret plans"));
    bob.client().join(opened.groupId(), opened.code());
    GroupCipher cipher = GroupCipher.derive(opened.groupId(), opened.code(), opened.kdfSalt());
    String marker = "plaintext-marker-" + Long.toString(System.nanoTime(), 36);
    alice.client().send(opened.groupId(), cipher.sealText(marker));
    GroupClient.StoredFile file =
        bob.client()
            .upload(opened.groupId(), cipher.seal(marker.getBytes(), GroupCipher.Kind.FILE));
    java.nio.file.Path files = java.nio.file.Path.of(dataDirectory(), "groups", opened.groupId());
    assertTrue(java.nio.file.Files.isRegularFile(files.resolve(file.fileId())));
    assertEquals(
        1,
        rows(
            "SELECT COUNT(*) FROM group_entry e JOIN private_group g ON e.group_ref = g.id WHERE g.group_id = ? AND e.kind = 'MESSAGE'",
            opened.groupId()));

    clock.advance(Duration.ofHours(2).plusSeconds(1));
    deadlines.sweep();
    deadlines.sweep();

    assertEquals(
        0,
        rows(
            "SELECT COUNT(*) FROM group_entry e JOIN private_group g ON e.group_ref = g.id WHERE g.group_id = ?",
            opened.groupId()));
    assertEquals(
        0,
        rows(
            "SELECT COUNT(*) FROM group_member m JOIN private_group g ON m.group_ref = g.id WHERE g.group_id = ?",
            opened.groupId()));
    assertEquals(
        0,
        rows(
            "SELECT COUNT(*) FROM private_group WHERE group_id = ? AND (name IS NOT NULL OR code_hash IS NOT NULL OR kdf_salt IS NOT NULL)",
            opened.groupId()));
    assertFalse(java.nio.file.Files.exists(files), "the group's files are gone from disk");
    JsonObject row = GroupFixtures.adminView(opened.groupId());
    assertEquals("CLOSED", row.getString("state"));
    assertEquals("EXPIRED", row.getString("closeReason"));
    assertEquals(alice.account(), row.getString("creator"));
    assertEquals(1, row.getInt("messages"));
    assertEquals(1, row.getInt("files"));
    assertEquals(1, audit("group.close", opened.groupId(), "OK"), "closed once");

    ProblemException gone =
        assertThrows(ProblemException.class, () -> alice.client().describe(opened.groupId()));
    assertEquals(410, gone.status());
    ProblemException forBob =
        assertThrows(ProblemException.class, () -> bob.client().read(opened.groupId(), 0));
    assertEquals(404, forBob.status(), "bob's membership ended with the group");
    assertEquals(401, answer(GroupFixtures.person(), opened.groupId(), opened.code()).status());

    // nowhere in the database or the server's logs: not the code, not the plaintext
    assertNothingHolds(opened.code(), opened.code().replace("-", ""), marker, "Secret plans");
  }

  @Test
  void theOpenApiDocumentDescribesTheGroupsApi() {
    Api.Reply document = Api.anonymous().get("/openapi?format=JSON");
    assertEquals(200, document.status());
    JsonObject paths = document.json().getJsonObject("paths");
    for (String path :
        List.of(
            "/api/v1/groups",
            "/api/v1/groups/{groupId}",
            "/api/v1/groups/{groupId}/joins",
            "/api/v1/groups/{groupId}/joins/{challengeId}",
            "/api/v1/groups/{groupId}/messages",
            "/api/v1/groups/{groupId}/files",
            "/api/v1/groups/{groupId}/files/{fileId}",
            "/api/v1/groups/{groupId}/live-tickets",
            "/api/v1/groups/{groupId}/members/me",
            "/api/v1/group-extensions/{token}",
            "/api/v1/admin/groups",
            "/api/v1/admin/groups/{groupId}/close")) {
      assertTrue(paths.containsKey(path), () -> "OpenAPI lacks " + path + " in " + paths.keySet());
    }
  }

  private void assertNothingHolds(String... secrets) throws Exception {
    try (var connection = database.getConnection()) {
      List<String[]> columns = new ArrayList<>();
      try (var result = connection.getMetaData().getColumns(null, null, "%", "%")) {
        while (result.next()) {
          String schema = result.getString("TABLE_SCHEM");
          int type = result.getInt("DATA_TYPE");
          if (!"INFORMATION_SCHEMA".equalsIgnoreCase(schema)
              && !"pg_catalog".equalsIgnoreCase(schema)
              && (type == java.sql.Types.VARCHAR
                  || type == java.sql.Types.CLOB
                  || type == java.sql.Types.LONGVARCHAR)) {
            columns.add(
                new String[] {
                  schema, result.getString("TABLE_NAME"), result.getString("COLUMN_NAME")
                });
          }
        }
      }
      assertFalse(columns.isEmpty());
      for (String[] column : columns) {
        for (String secret : secrets) {
          String sql =
              "SELECT COUNT(*) FROM \""
                  + column[0]
                  + "\".\""
                  + column[1]
                  + "\" WHERE \""
                  + column[2]
                  + "\" LIKE ?";
          try (var query = connection.prepareStatement(sql)) {
            query.setString(1, "%" + secret + "%");
            try (var result = query.executeQuery()) {
              result.next();
              assertEquals(0, result.getLong(1), column[1] + "." + column[2] + " holds a secret");
            }
          }
        }
      }
    }
    for (java.nio.file.Path log : ServerLogs.files()) {
      String text =
          java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        assertFalse(text.contains(secret), log + " holds a secret");
      }
    }
  }

  private long rows(String sql, String groupId) throws Exception {
    try (var connection = database.getConnection();
        var query = connection.prepareStatement(sql)) {
      query.setString(1, groupId);
      try (var result = query.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static String dataDirectory() {
    return org.eclipse.microprofile.config.ConfigProvider.getConfig()
        .getValue("portcullis.data", String.class);
  }

  private static String extensionLink(String address) throws Exception {
    Message mail =
        GroupFixtures.awaitMail(address, m -> GroupFixtures.subject(m).contains("closes soon"));
    Matcher link = LINK.matcher(GroupFixtures.text(mail));
    assertTrue(link.find(), "no extension link");
    return link.group(1);
  }

  private static long invitationMailId(String groupId) {
    return Api.admin()
        .get("/api/v1/admin/audit?action=group.invite&subject=" + groupId + "&limit=10")
        .jsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .map(record -> Long.parseLong(record.getString("detail").substring("mail=".length())))
        .findFirst()
        .orElseThrow();
  }

  static Api.Reply answer(Person person, String groupId, String code) {
    Api.Reply challenge = person.api().post("/api/v1/groups/" + groupId + "/joins", null);
    assertEquals(201, challenge.status(), challenge::toString);
    return person
        .api()
        .post(
            "/api/v1/groups/" + groupId + "/joins/" + challenge.json().getString("challengeId"),
            "{\"code\":\"" + code + "\"}");
  }

  private static long groupsOpenedBy(Person person) {
    return audit("group.open", person.account());
  }

  static long audit(String action, String subject) {
    return Api.admin()
        .get("/api/v1/admin/audit?action=" + action + "&limit=1000")
        .jsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(r -> (r.getString("subject", "") + r.getString("actor", "")).contains(subject))
        .count();
  }

  static long audit(String action, String groupId, String outcome) {
    return Api.admin()
        .get(
            "/api/v1/admin/audit?action="
                + action
                + "&subject="
                + groupId
                + "&outcome="
                + outcome
                + "&limit=1000")
        .jsonArray()
        .size();
  }
}
