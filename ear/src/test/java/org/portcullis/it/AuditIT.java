package org.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit log records what happened and its hash chain shows tampering. */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.assembledEar();
  }

  @Resource(lookup = "jdbc/portcullis")
  DataSource database;

  private static JsonObject verify() {
    Api.Reply reply = Api.admin().get("/api/v1/admin/audit/verify");
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  @Test
  void everyChangeAndVerificationIsAuditedAndTheChainHolds() throws SQLException {
    long before = verify().getJsonNumber("rows").longValue();
    Fixtures.TestSystem system = Fixtures.textModeSystem("STANDARD", "PHONE");
    String account = Fixtures.customerWithPin("7391");
    JsonObject pad =
        system.api().post("/api/v1/pinpad/sessions", "{\"account\":\"" + account + "\"}").json();
    system
        .api()
        .post(
            "/api/v1/pinpad/sessions/" + pad.getString("sessionKey") + "/verification",
            "{\"otc\":\"" + Fixtures.clicksFor(pad, "7391") + "\"}");

    JsonObject after = verify();
    assertTrue(after.getBoolean("valid"), after::toString);
    // system.register, customer.create, customer.pin.set, pinpad.open, pinpad.verify
    assertTrue(after.getJsonNumber("rows").longValue() >= before + 5, after::toString);
    assertEquals(
        1,
        count(
            "action = 'pinpad.verify' AND subject = 'customer:"
                + account
                + "' AND outcome = 'OK'"));
    assertEquals(0, count("detail LIKE '%7391%'"), "no PIN in the audit log");
  }

  @Test
  void changingARecordBreaksTheChainAndRestoringItMendsIt() throws SQLException {
    Fixtures.customerWithPin("2580");
    assertTrue(verify().getBoolean("valid"));
    long victim;
    String original;
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT id, outcome FROM audit_record WHERE chain_index IS NOT NULL"
                    + " ORDER BY chain_index DESC FETCH FIRST 1 ROWS ONLY");
        ResultSet row = query.executeQuery()) {
      assertTrue(row.next());
      victim = row.getLong(1);
      original = row.getString(2);
    }
    update(victim, "FORGED");
    try {
      JsonObject broken = verify();
      assertFalse(broken.getBoolean("valid"), broken::toString);
      assertTrue(broken.containsKey("firstBrokenIndex"));
    } finally {
      update(victim, original);
    }
    assertTrue(verify().getBoolean("valid"));
  }

  private void update(long id, String outcome) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement update =
            connection.prepareStatement("UPDATE audit_record SET outcome = ? WHERE id = ?")) {
      update.setString(1, outcome);
      update.setLong(2, id);
      assertEquals(1, update.executeUpdate());
    }
  }

  private long count(String where) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT COUNT(*) FROM audit_record WHERE " + where);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
