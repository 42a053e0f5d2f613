package org.portcullis.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer's address as an operator writes it: {@code host:port}, {@code [ipv6]:port}.
 *
 * <p>The host is not resolved here (parsing must not depend on DNS); the peer's client reports a
 * name it cannot reach. Immutable.
 *
 * @param host a host name, an IPv4 literal or an IPv6 literal without brackets
 * @param port 1 to 65535
 */
record HostPort(String host, int port) {

  // a name or IPv4 literal, or a bracketed IPv6 literal; then a port of up to 5 digits
  private static final Pattern FORM =
      Pattern.compile(
          "(?:([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)|\\[([0-9A-Fa-f:.]+)]):(\\d{1,5})");

  /**
   * @param source the option or variable the value came from, for the message
   * @throws UsageException when the value is not {@code host:port} with a port of 1 to 65535
   */
  static HostPort parse(String source, String value) throws UsageException {
    Matcher matcher = FORM.matcher(value.trim());
    if (matcher.matches()) {
      int port = Integer.parseInt(matcher.group(3));
      if (port >= 1 && port <= 65535) {
        return new HostPort(matcher.group(1) != null ? matcher.group(1) : matcher.group(2), port);
      }
    }
    throw new UsageException(
        source + ": '" + value + "' is not host:port (e.g. smtp.example.net:25, [::1]:2775)");
  }

  /** {@code host:port}, with an IPv6 literal in brackets. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
