package org.portcullis.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.staff.StaffMember;
import org.portcullis.staff.StaffRole;
import org.portcullis.system.PinPadPolicy;
import org.portcullis.system.RelyingSystem;
import org.portcullis.system.SystemRole;
import org.portcullis.token.TokenService;
import org.portcullis.web.security.ThrottleKey.Limit;

class ThrottleKeyTest {

  private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");
  private static final String ADDRESS = "198.51.100.7";

  @Test
  void aRelyingSystemIsCountedBySystemId() {
    SystemPrincipal system =
        new SystemPrincipal(
            new RelyingSystem(
                "12345678",
                "Online banking",
                Set.of(SystemRole.VERIFIER),
                "hash",
                PinPadPolicy.defaults(),
                T));

    assertEquals(new ThrottleKey("system:12345678", Limit.SYSTEM), ThrottleKey.of(system, ADDRESS));
  }

  @Test
  void aHandsetOrAppIsCountedByTerminal() {
    CustomerPrincipal customer =
        new CustomerPrincipal(
            new TokenService.Approved("k1", "alice", "mobile-bank", "terminal-42", T));

    assertEquals(
        new ThrottleKey("terminal:terminal-42", Limit.HANDSET), ThrottleKey.of(customer, ADDRESS));
  }

  @Test
  void twoAppsOnOneTerminalShareItsLimit() {
    CustomerPrincipal bank =
        new CustomerPrincipal(new TokenService.Approved("k1", "alice", "bank", "t", T));
    CustomerPrincipal cards =
        new CustomerPrincipal(new TokenService.Approved("k2", "alice", "cards", "t", T));

    assertEquals(ThrottleKey.of(bank, ADDRESS), ThrottleKey.of(cards, "203.0.113.9"));
  }

  @Test
  void staffAreCountedByUsername() {
    StaffPrincipal staff =
        new StaffPrincipal(new StaffMember("olivia", "hash", Set.of(StaffRole.OPERATOR), T));

    assertEquals(new ThrottleKey("staff:olivia", Limit.STAFF), ThrottleKey.of(staff, ADDRESS));
  }

  @Test
  void noCallerIsCountedByAddress() {
    assertEquals(
        new ThrottleKey("address:198.51.100.7", Limit.ADDRESS), ThrottleKey.of(null, ADDRESS));
  }

  @Test
  void aPrincipalTheFiltersDidNotSetIsNoCaller() {
    Principal containers = () -> "someone";

    assertEquals(
        new ThrottleKey("address:198.51.100.7", Limit.ADDRESS),
        ThrottleKey.of(containers, ADDRESS));
    assertFalse(ThrottleKey.authenticated(containers));
    assertFalse(ThrottleKey.authenticated(null));
    assertTrue(
        ThrottleKey.authenticated(
            new StaffPrincipal(new StaffMember("olivia", "hash", Set.of(StaffRole.ADMIN), T))));
  }

  @Test
  void refusedAuthenticationsAreCountedApartFromAnAddresssCalls() {
    assertEquals("refused:198.51.100.7", ThrottleKey.refused(ADDRESS));
    assertEquals("refused:2001:db8:0:1::/64", ThrottleKey.refused("2001:db8:0:1::99"));
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.1, 192.0.2.1",
    "' 192.0.2.1 ', 192.0.2.1",
    "127.0.0.1, 127.0.0.1",
    "2001:db8:85a3:8d3:1319:8a2e:370:7348, 2001:db8:85a3:8d3::/64",
    "2001:DB8:85A3:08D3::1, 2001:db8:85a3:8d3::/64",
    "[2001:db8::1], 2001:db8:0:0::/64",
    "fe80::1%eth0, fe80:0:0:0::/64",
    "0:0:0:0:0:0:0:1, 0:0:0:0::/64",
    "::ffff:192.0.2.1, 192.0.2.1",
    "'', unknown",
    "not:an:address, not:an:address",
    "2001:db8::g, 2001:db8::g",
    "1:2:3, 1:2:3"
  })
  void addressesAreIpv4OrAnIpv6Slash64(String remote, String counted) {
    assertEquals(counted, ThrottleKey.address(remote));
  }

  @Test
  void aMissingAddressIsUnknown() {
    assertEquals("unknown", ThrottleKey.address(null));
  }

  @Test
  void oneIpv6NetworkIsOneKeyWhateverItsHostPart() {
    assertEquals(
        ThrottleKey.of(null, "2001:db8:1:2::1"), ThrottleKey.of(null, "2001:db8:1:2:ffff::abcd"));
  }
}
