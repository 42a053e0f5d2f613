package org.portcullis.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL database a launcher uses instead of H2: {@code --db
 * postgresql://HOST[:PORT]/NAME}, with the user and password from {@code PORTCULLIS_DB_USER} and
 * {@code PORTCULLIS_DB_PASSWORD}. Credentials are never taken from the URL or an option, where
 * {@code ps} would show them, and {@link #toString()} never prints the password.
 *
 * @param host the server's host name or IP address
 * @param port its port
 * @param name the database's name
 * @param user the role to log in as
 * @param password its password
 */
public record PostgresDatabase(String host, int port, String name, String user, String password) {

  static final int DEFAULT_PORT = 5432;

  private static final Pattern URL =
      Pattern.compile(
          "postgresql://(?<host>[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::(?<port>[0-9]{1,5}))?"
              + "/(?<name>[A-Za-z_][A-Za-z0-9_$-]{0,62})");

  /**
   * @throws UsageException for a URL that is not {@code postgresql://HOST[:PORT]/NAME}, one with
   *     credentials in it, or missing credentials in the environment
   */
  static PostgresDatabase parse(String source, String url, String user, String password)
      throws UsageException {
    if (url.contains("@") || url.contains("?")) {
      throw new UsageException(
          source
              + ": give only postgresql://HOST[:PORT]/NAME; the user and password go in"
              + " PORTCULLIS_DB_USER and PORTCULLIS_DB_PASSWORD, never in the URL");
    }
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new UsageException(
          source + ": '" + url + "' is neither h2 nor postgresql://HOST[:PORT]/NAME");
    }
    int port = DEFAULT_PORT;
    if (m.group("port") != null) {
      port = Integer.parseInt(m.group("port"));
      if (port < 1 || port > 65535) {
        throw new UsageException(source + ": " + port + " is not a port number (1-65535)");
      }
    }
    if (user == null || password == null) {
      throw new UsageException(
          source
              + " needs PORTCULLIS_DB_USER and PORTCULLIS_DB_PASSWORD in the environment (the"
              + " database's login; never an option, which shows in ps)");
    }
    return new PostgresDatabase(m.group("host"), port, m.group("name"), user, password);
  }

  /** Never prints the password: options end up in logs and error reports. */
  @Override
  public String toString() {
    return "postgresql://" + host + ":" + port + "/" + name + " as " + user;
  }
}
