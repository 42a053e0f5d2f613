package org.portcullis.web.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Principal;
import java.util.regex.Pattern;

/**
 * Whom a request is counted against, and under which limit: the authenticated caller ({@code
 * system:<systemId>}, {@code terminal:<terminalId>}, {@code staff:<username>}) or else the client
 * address ({@code address:<address>}). Refused authentications are counted apart, under {@link
 * #refused}.
 *
 * <p>The address is the connection's, {@code HttpServletRequest.getRemoteAddr()}: anyone can write
 * {@code X-Forwarded-For}, so it is never read here. Behind a reverse proxy, let the server take
 * the client address from the proxy (the server's own setting), which changes what {@code
 * getRemoteAddr()} answers. An IPv6 address counts by its /64 network, as one subscriber or host is
 * usually given a whole /64 and could otherwise use a fresh address for every request.
 */
record ThrottleKey(String key, Limit limit) {

  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  /** Which configured rate applies. */
  enum Limit {
    SYSTEM,
    HANDSET,
    STAFF,
    ADDRESS
  }

  /** The key of a request whose caller is {@code caller} ({@code null} when none). */
  static ThrottleKey of(Principal caller, String remoteAddress) {
    if (caller instanceof SystemPrincipal system) {
      return new ThrottleKey("system:" + system.system().systemId(), Limit.SYSTEM);
    }
    if (caller instanceof CustomerPrincipal customer) {
      return new ThrottleKey("terminal:" + customer.token().terminalId(), Limit.HANDSET);
    }
    if (caller instanceof StaffPrincipal staff) {
      return new ThrottleKey("staff:" + staff.member().username(), Limit.STAFF);
    }
    return new ThrottleKey("address:" + address(remoteAddress), Limit.ADDRESS);
  }

  /** Whether {@code caller} is one that the authentication filters put on the request. */
  static boolean authenticated(Principal caller) {
    return of(caller, null).limit() != Limit.ADDRESS;
  }

  /** The key under which refused authentications from {@code remoteAddress} are counted. */
  static String refused(String remoteAddress) {
    return "refused:" + address(remoteAddress);
  }

  /** An IPv4 address as it is; an IPv6 address as its /64 network. */
  static String address(String remoteAddress) {
    if (remoteAddress == null || remoteAddress.isBlank()) {
      return "unknown";
    }
    String literal = remoteAddress.strip();
    if (literal.indexOf(':') < 0) {
      return literal;
    }
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    if (!IPV6_LITERAL.matcher(literal).matches()) {
      return remoteAddress.strip();
    }
    try {
      // InetAddress parses a string that starts with a hex digit or a colon and holds a colon as
      // an IPv6 literal and never looks it up in DNS
      InetAddress parsed = InetAddress.getByName(literal);
      if (!(parsed instanceof Inet6Address)) {
        return parsed.getHostAddress(); // IPv4-mapped (::ffff:192.0.2.1)
      }
      byte[] bytes = parsed.getAddress();
      StringBuilder network = new StringBuilder();
      for (int group = 0; group < 4; group++) {
        int value = ((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff);
        network.append(Integer.toHexString(value)).append(':');
      }
      return network.append(":/64").toString();
    } catch (UnknownHostException e) {
      return remoteAddress.strip();
    }
  }
}
