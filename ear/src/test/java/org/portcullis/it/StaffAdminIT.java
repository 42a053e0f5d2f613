package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.it.PinPadIT.assertProblem;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.transaction.UserTransaction;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portcullis.error.DomainException;
import org.portcullis.staff.StaffDirectory;
import org.portcullis.staff.StaffRole;
import org.portcullis.time.PortcullisClock;

/**
 * The admin console's services over the staff API: relying systems' secret rotation and disabling,
 * staff accounts, their guards, the staff login lock, and the audit of every change.
 *
 * <p>Only accounts the tests create are ever locked, disabled or demoted: {@code admin} serves
 * every other test. Refused authentications are counted per client address, so the tests keep to
 * few.
 */
@ExtendWith(ArquillianExtension.class)
class StaffAdminIT {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PASSWORD = "staff password one";
  private static final String NEW_PASSWORD = "staff password two";
  private static final String STAFF = "/api/v1/admin/staff";
  private static final String SYSTEMS = "/api/v1/admin/systems";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Inject PortcullisClock clock;
  @Inject StaffDirectory staff;
  @Resource UserTransaction transaction;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void rotatingASecretShowsTheNewOneOnceAndTheOldOneStopsAtOnce() {
    Fixtures.TestSystem system = Fixtures.textModeSystem("STANDARD", "PHONE");
    assertEquals(201, openPad(system.api()).status(), "the first secret works");

    Api.Reply rotated = Api.admin().post(SYSTEMS + "/" + system.systemId() + "/secret", null);
    assertEquals(200, rotated.status(), rotated::toString);
    assertEquals(system.systemId(), rotated.json().getString("systemId"));
    String secret = rotated.json().getString("secret");
    assertNotEquals(system.secret(), secret);
    assertTrue(secret.length() >= 43, "at least 256 bits, base64url");
    assertTrue(rotated.header("Cache-Control").orElse("").contains("no-store"), rotated::toString);

    assertProblem(openPad(system.api()), 401, "unauthenticated");
    assertEquals(201, openPad(Api.basic(system.systemId(), secret)).status());
    Api.Reply read = Api.admin().get(SYSTEMS + "/" + system.systemId());
    assertEquals(200, read.status(), read::toString);
    assertFalse(read.text().contains(secret), "the secret is never shown again");

    JsonObject audited = onlyRecord("system.rotate-secret", "system:" + system.systemId());
    assertEquals("staff:admin", audited.getString("actor"));
    assertFalse(audited.toString().contains(secret), "no secret in the audit log");
    assertProblem(Api.admin().post(SYSTEMS + "/00000000/secret", null), 404, "unknown-system");
  }

  @Test
  void aDisabledSystemIsRefusedUntilEnabledAgain() {
    Fixtures.TestSystem system = Fixtures.textModeSystem("STANDARD", "PHONE");
    String path = SYSTEMS + "/" + system.systemId();

    Api.Reply disabled = Api.admin().post(path + "/disable", null);
    assertEquals(200, disabled.status(), disabled::toString);
    assertFalse(disabled.json().getBoolean("enabled"));
    assertProblem(openPad(system.api()), 401, "unauthenticated");
    assertProblem(Api.admin().post(path + "/disable", null), 409, "system-already-disabled");
    assertFalse(Api.admin().get(path).json().getBoolean("enabled"));

    Api.Reply enabled = Api.admin().post(path + "/enable", null);
    assertEquals(200, enabled.status(), enabled::toString);
    assertTrue(enabled.json().getBoolean("enabled"));
    assertEquals(201, openPad(system.api()).status(), "the same secret works again");
    assertProblem(Api.admin().post(path + "/enable", null), 409, "system-already-enabled");

    assertEquals(
        "staff:admin",
        onlyRecord("system.disable", "system:" + system.systemId()).getString("actor"));
    assertEquals(
        "staff:admin",
        onlyRecord("system.enable", "system:" + system.systemId()).getString("actor"));
    assertProblem(Api.admin().post(SYSTEMS + "/00000000/disable", null), 404, "unknown-system");
  }

  @Test
  void adminsManageStaffAccountsAndEveryChangeIsAudited() {
    String prefix = username();
    String olivia = prefix + "a";
    Api.Reply created = create(olivia, "[\"OPERATOR\"]", PASSWORD);
    assertEquals(201, created.status(), created::toString);
    assertTrue(created.header("Location").orElseThrow().endsWith("/admin/staff/" + olivia));
    JsonObject view = created.json();
    assertEquals(olivia, view.getString("username"));
    assertEquals(List.of("OPERATOR"), roles(view));
    assertTrue(view.getBoolean("enabled"));
    assertTrue(view.containsKey("createdAt"));
    assertTrue(view.containsKey("passwordChangedAt"));
    assertFalse(view.containsKey("lastLoginAt"), "never logged in");
    assertFalse(view.containsKey("lockedUntil"));
    assertNoPasswordIn(created.text());
    assertProblem(create(olivia, "[\"AUDITOR\"]", NEW_PASSWORD), 409, "staff-exists");

    // the new account logs in, reads, and may not change staff
    Api olivias = Api.basic(olivia, PASSWORD);
    assertEquals(200, olivias.get(SYSTEMS).status());
    Api.Reply listed = olivias.get(STAFF);
    assertEquals(200, listed.status(), listed::toString);
    assertNoPasswordIn(listed.text());
    assertEquals(201, create(prefix + "b", "[\"AUDITOR\"]", PASSWORD).status());
    List<String> names =
        Api.admin().get(STAFF).jsonArray().getValuesAs(JsonObject.class).stream()
            .map(o -> o.getString("username"))
            .toList();
    assertTrue(names.contains("admin"));
    assertTrue(names.indexOf(olivia) < names.indexOf(prefix + "b"), "ordered by username");
    assertTrue(Api.admin().get(STAFF + "/" + olivia).json().containsKey("lastLoginAt"));
    assertProblem(olivias.post(STAFF + "/" + prefix + "b/disable", null), 403, "forbidden");

    Api.Reply changed =
        Api.admin().put(STAFF + "/" + olivia + "/roles", "{\"roles\":[\"OPERATOR\",\"AUDITOR\"]}");
    assertEquals(200, changed.status(), changed::toString);
    assertEquals(List.of("OPERATOR", "AUDITOR"), roles(changed.json()));

    Api.Reply disabled = Api.admin().post(STAFF + "/" + olivia + "/disable", null);
    assertEquals(200, disabled.status(), disabled::toString);
    assertFalse(disabled.json().getBoolean("enabled"));
    assertProblem(olivias.get(SYSTEMS), 401, "unauthenticated");
    assertProblem(
        Api.admin().post(STAFF + "/" + olivia + "/disable", null), 409, "staff-already-disabled");
    Api.Reply enabled = Api.admin().post(STAFF + "/" + olivia + "/enable", null);
    assertEquals(200, enabled.status(), enabled::toString);
    assertTrue(enabled.json().getBoolean("enabled"));
    assertEquals(200, olivias.get(SYSTEMS).status());
    assertProblem(
        Api.admin().post(STAFF + "/" + olivia + "/enable", null), 409, "staff-already-enabled");

    Api.Reply reset =
        Api.admin()
            .put(STAFF + "/" + olivia + "/password", "{\"password\":\"" + NEW_PASSWORD + "\"}");
    assertEquals(204, reset.status(), reset::toString);
    assertProblem(olivias.get(SYSTEMS), 401, "unauthenticated");
    assertEquals(200, Api.basic(olivia, NEW_PASSWORD).get(SYSTEMS).status());

    String subject = "staff:" + olivia;
    for (String action :
        List.of(
            "staff.create",
            "staff.roles",
            "staff.disable",
            "staff.enable",
            "staff.password-reset")) {
      JsonObject record = onlyRecord(action, subject);
      assertEquals("staff:admin", record.getString("actor"), action);
      assertEquals("OK", record.getString("outcome"), action);
    }
    JsonArray logins = records("staff.login", subject);
    assertTrue(outcomes(logins).contains("OK"), logins::toString);
    assertTrue(outcomes(logins).contains("FAIL"), logins::toString);
    assertNoPasswordIn(Api.admin().get("/api/v1/admin/audit?subject=" + subject).text());
  }

  @Test
  void fiveWrongPasswordsLockAnAccountUntilAnAdminResetsItOrTheLockLapses() {
    String name = username();
    assertEquals(201, create(name, "[\"AUDITOR\"]", PASSWORD).status());
    for (int i = 1; i <= 5; i++) {
      assertProblem(Api.basic(name, "wrong password " + i).get(STAFF), 401, "unauthenticated");
    }
    assertProblem(Api.basic(name, PASSWORD).get(STAFF), 401, "unauthenticated");

    JsonObject locked = Api.admin().get(STAFF + "/" + name).json();
    Instant until = Instant.parse(locked.getString("lockedUntil"));
    Instant now = clock.now();
    assertTrue(
        until.isAfter(now.plus(Duration.ofMinutes(14)))
            && until.isBefore(now.plus(Duration.ofMinutes(16))),
        locked::toString);
    JsonObject lock = onlyRecord("staff.lock", "staff:" + name);
    assertEquals("server", lock.getString("actor"));
    JsonArray logins = records("staff.login", "staff:" + name);
    assertEquals(6, logins.size(), logins::toString);
    assertEquals(List.of("FAIL"), outcomes(logins).stream().distinct().toList());
    assertNoPasswordIn(logins.toString());

    Api.Reply reset =
        Api.admin()
            .put(STAFF + "/" + name + "/password", "{\"password\":\"" + NEW_PASSWORD + "\"}");
    assertEquals(204, reset.status(), reset::toString);
    assertFalse(Api.admin().get(STAFF + "/" + name).json().containsKey("lockedUntil"));
    assertEquals(200, Api.basic(name, NEW_PASSWORD).get(STAFF).status());
    assertEquals(
        "login lock lifted",
        onlyRecord("staff.password-reset", "staff:" + name).getString("detail"));

    // a lock also lapses by itself after 15 minutes; the wrong tries go in-process here, so that
    // they do not count against this client's address
    for (int i = 1; i <= 5; i++) {
      assertEquals(Optional.empty(), staff.authenticate(name, "wrong again " + i));
    }
    assertEquals(Optional.empty(), staff.authenticate(name, NEW_PASSWORD), "locked again");
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertEquals(200, Api.basic(name, NEW_PASSWORD).get(STAFF).status());
  }

  @Test
  void staffChangeTheirOwnPasswordByGivingTheCurrentOne() {
    String name = username();
    assertEquals(201, create(name, "[\"AUDITOR\"]", PASSWORD).status());
    Api own = Api.basic(name, PASSWORD);
    String path = STAFF + "/me/password";

    Api.Reply wrong =
        own.put(
            path,
            "{\"currentPassword\":\"not my password\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
    assertProblem(wrong, 400, "wrong-password");
    assertTrue(wrong.json().getJsonObject("fields").containsKey("currentPassword"));
    JsonObject failed = onlyRecord("staff.password-change", "staff:" + name);
    assertEquals("FAIL", failed.getString("outcome"), "the refusal is recorded, not rolled back");

    assertProblem(
        own.put(
            path,
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + PASSWORD + "\"}"),
        400,
        "same-password");
    Api.Reply weak =
        own.put(path, "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}");
    assertProblem(weak, 400, "weak-password");
    assertTrue(weak.json().getJsonObject("fields").containsKey("newPassword"));
    assertProblem(
        own.put(path, "{\"currentPassword\":\"" + PASSWORD + "\"}"), 400, "invalid-input");
    assertEquals(200, own.get(STAFF).status(), "refused changes changed nothing");

    Instant created =
        Instant.parse(Api.admin().get(STAFF + "/" + name).json().getString("createdAt"));
    Api.Reply changed =
        own.put(
            path,
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
    assertEquals(204, changed.status(), changed::toString);
    assertProblem(own.get(STAFF), 401, "unauthenticated");
    Api renewed = Api.basic(name, NEW_PASSWORD);
    JsonObject view = renewed.get(STAFF + "/" + name).json();
    assertTrue(Instant.parse(view.getString("passwordChangedAt")).isAfter(created), view::toString);

    JsonArray changes = records("staff.password-change", "staff:" + name);
    assertEquals(List.of("OK", "FAIL"), outcomes(changes), "newest first");
    assertEquals("staff:" + name, changes.getJsonObject(0).getString("actor"));
    assertNoPasswordIn(changes.toString());
    assertProblem(
        renewed.post(
            STAFF,
            "{\"username\":\""
                + username()
                + "\",\"roles\":[\"ADMIN\"],"
                + "\"password\":\""
                + PASSWORD
                + "\"}"),
        403,
        "forbidden");
  }

  @Test
  void nobodyDisablesThemselvesOrTakesTheirOwnAdmin() {
    String name = username();
    assertEquals(201, create(name, "[\"ADMIN\"]", PASSWORD).status());
    Api self = Api.basic(name, PASSWORD);

    assertProblem(self.post(STAFF + "/" + name + "/disable", null), 409, "own-account");
    assertProblem(
        self.put(STAFF + "/" + name + "/roles", "{\"roles\":[\"OPERATOR\"]}"), 409, "own-account");
    JsonObject unchanged = Api.admin().get(STAFF + "/" + name).json();
    assertTrue(unchanged.getBoolean("enabled"));
    assertEquals(List.of("ADMIN"), roles(unchanged));

    Api.Reply added =
        self.put(STAFF + "/" + name + "/roles", "{\"roles\":[\"ADMIN\",\"AUDITOR\"]}");
    assertEquals(200, added.status(), "keeping ADMIN, one may change one's other roles");
    Api.Reply byAnother = Api.admin().post(STAFF + "/" + name + "/disable", null);
    assertEquals(200, byAnother.status(), "another admin may disable them");
    assertEquals("staff:admin", onlyRecord("staff.disable", "staff:" + name).getString("actor"));
  }

  /**
   * The last enabled admin cannot be disabled or lose ADMIN. Through the API the last admin is the
   * only one who could try, and the own-account rule answers first; so this test calls the service
   * in-process, as a caller that is no staff member, after disabling every other admin in the same
   * transaction, which it then rolls back so that no other test sees a thing.
   */
  @Test
  void theLastEnabledAdminStaysAnEnabledAdmin() throws Exception {
    String actor = "it-last-admin";
    assertLastAdminRefused(actor, () -> staff.setEnabled("admin", false, actor));
    assertLastAdminRefused(
        actor, () -> staff.changeRoles("admin", EnumSet.of(StaffRole.OPERATOR), actor));
    JsonObject admin = Api.admin().get(STAFF + "/admin").json();
    assertTrue(admin.getBoolean("enabled"));
    assertTrue(roles(admin).contains("ADMIN"));
  }

  private void assertLastAdminRefused(String actor, Runnable change) throws Exception {
    List<String> otherAdmins =
        staff.list().stream()
            .filter(v -> v.enabled() && v.roles().contains(StaffRole.ADMIN))
            .map(StaffDirectory.StaffView::username)
            .filter(name -> !name.equals("admin"))
            .toList();
    transaction.begin();
    try {
      // no HTTP in here: this transaction holds the staff rows that a login would wait for
      for (String other : otherAdmins) {
        staff.setEnabled(other, false, actor);
      }
      DomainException refused = assertThrows(DomainException.class, change::run);
      assertEquals("last-admin", refused.type());
      assertEquals(DomainException.Kind.CONFLICT, refused.kind());
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void badStaffInputIsAProblemAndChangesNothing() {
    int before = Api.admin().get(STAFF).jsonArray().size();
    String name = username();
    Api.Reply badName = create("Not A Name", "[\"OPERATOR\"]", PASSWORD);
    assertProblem(badName, 400, "invalid-input");
    assertTrue(badName.json().getJsonObject("fields").containsKey("username"));
    Api.Reply noRoles = create(name, "[]", PASSWORD);
    assertProblem(noRoles, 400, "invalid-input");
    assertTrue(noRoles.json().getJsonObject("fields").containsKey("roles"));
    assertProblem(create(name, "[\"KING\"]", PASSWORD), 400, "malformed-json");
    Api.Reply weak = create(name, "[\"OPERATOR\"]", "short");
    assertProblem(weak, 400, "weak-password");
    assertTrue(weak.json().getJsonObject("fields").containsKey("password"));
    assertProblem(create(name, "[\"OPERATOR\"]", name), 400, "weak-password");
    Api.Reply empty = Api.admin().post(STAFF, "{}");
    assertProblem(empty, 400, "invalid-input");
    assertTrue(empty.json().getJsonObject("fields").containsKey("password"));
    assertProblem(Api.admin().get(STAFF + "/" + name), 404, "unknown-staff");
    assertEquals(before, Api.admin().get(STAFF).jsonArray().size());
    assertEquals(0, records("staff.create", "staff:" + name).size());

    String existing = username();
    assertEquals(201, create(existing, "[\"OPERATOR\"]", PASSWORD).status());
    JsonObject was = Api.admin().get(STAFF + "/" + existing).json();
    assertProblem(
        Api.admin().put(STAFF + "/" + existing + "/roles", "{\"roles\":[]}"), 400, "invalid-input");
    assertProblem(
        Api.admin().put(STAFF + "/" + existing + "/password", "{\"password\":\"short\"}"),
        400,
        "weak-password");
    assertEquals(was, Api.admin().get(STAFF + "/" + existing).json(), "nothing changed");
    assertEquals(0, records("staff.password-reset", "staff:" + existing).size());

    assertProblem(
        Api.admin().put(STAFF + "/nobody-here/roles", "{\"roles\":[\"AUDITOR\"]}"),
        404,
        "unknown-staff");
    assertProblem(Api.admin().post(STAFF + "/nobody-here/disable", null), 404, "unknown-staff");
    assertProblem(
        Api.admin().put(STAFF + "/nobody-here/password", "{\"password\":\"" + PASSWORD + "\"}"),
        404,
        "unknown-staff");
  }

  /** A username no other test uses; it follows the rule (a-z first, then a-z 0-9 . _ -). */
  private static String username() {
    return "it." + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
  }

  private static Api.Reply create(String username, String roles, String password) {
    return Api.admin()
        .post(
            STAFF,
            "{\"username\":\""
                + username
                + "\",\"roles\":"
                + roles
                + ",\"password\":\""
                + password
                + "\"}");
  }

  private static Api.Reply openPad(Api system) {
    return system.post("/api/v1/pinpad/sessions", "{\"account\":\"someone\"}");
  }

  private static List<String> roles(JsonObject view) {
    return view.getJsonArray("roles").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  /** The audit records of one action on one subject, newest first. */
  private static JsonArray records(String action, String subject) {
    Api.Reply reply =
        Api.admin().get("/api/v1/admin/audit?action=" + action + "&subject=" + subject);
    assertEquals(200, reply.status(), reply::toString);
    return reply.jsonArray();
  }

  private static JsonObject onlyRecord(String action, String subject) {
    JsonArray found = records(action, subject);
    assertEquals(1, found.size(), () -> action + " " + subject + ": " + found);
    return found.getJsonObject(0);
  }

  private static List<String> outcomes(JsonArray records) {
    return records.getValuesAs(JsonObject.class).stream().map(r -> r.getString("outcome")).toList();
  }

  private static void assertNoPasswordIn(String text) {
    for (String secret : List.of(PASSWORD, NEW_PASSWORD, "argon2", "passwordHash")) {
      assertFalse(text.contains(secret), () -> "'" + secret + "' shown: " + text);
    }
  }
}
