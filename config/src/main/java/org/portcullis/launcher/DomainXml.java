package org.portcullis.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher's changes to the domain.xml it ships, made before Payara boots: pure text in, text
 * out, so that they are tested without a server.
 */
final class DomainXml {

  private static final Pattern INTERNAL_PORT =
      Pattern.compile("port=\"(4848|8181|8686|3700|3820|3920)\"");

  private DomainXml() {}

  /** domain.xml with every fixed internal port moved by {@code offset}. */
  static String shiftInternalPorts(String domainXml, int offset) {
    // one pass, so that a moved port is never moved again (3820 + 100 is 3920, itself a port)
    String shifted =
        INTERNAL_PORT
            .matcher(domainXml)
            .replaceAll(m -> "port=\"" + (Integer.parseInt(m.group(1)) + offset) + "\"");
    return shifted
        .replace("value=\"7676\"", "value=\"" + (7676 + offset) + "\"")
        .replace(
            "clustering-enabled=\"false\"",
            "clustering-enabled=\"false\" start-port=\""
                + (5900 + offset)
                + "\" das-port=\""
                + (4900 + offset)
                + "\"");
  }

  /**
   * domain.xml with the application's pool ({@code PortcullisPool}, bound to {@code
   * jdbc/portcullis}) on PostgreSQL instead of H2. The login stays out of the file: Payara reads it
   * from the launcher's environment ({@code ${ENV=...}}), where the operator put it.
   */
  static String onPostgres(String domainXml, PostgresDatabase database) {
    Matcher pool = PORTCULLIS_POOL.matcher(domainXml);
    if (!pool.find()) {
      throw new IllegalStateException("domain.xml has no PortcullisPool");
    }
    String postgres =
        ("<jdbc-connection-pool name=\"PortcullisPool\""
                + " datasource-classname=\"org.postgresql.ds.PGSimpleDataSource\""
                + " res-type=\"javax.sql.DataSource\" steady-pool-size=\"4\" max-pool-size=\"32\""
                + " is-connection-validation-required=\"true\""
                + " connection-validation-method=\"auto-commit\" fail-all-connections=\"true\""
                + " non-transactional-connections=\"false\">\n"
                + "            <property name=\"serverName\" value=\"%s\" />\n"
                + "            <property name=\"portNumber\" value=\"%d\" />\n"
                + "            <property name=\"databaseName\" value=\"%s\" />\n"
                + "            <property name=\"user\" value=\"${ENV=PORTCULLIS_DB_USER}\" />\n"
                + "            <property name=\"password\" value=\"${ENV=PORTCULLIS_DB_PASSWORD}\" />\n"
                + "        </jdbc-connection-pool>")
            .formatted(database.host(), database.port(), database.name());
    return domainXml.substring(0, pool.start()) + postgres + domainXml.substring(pool.end());
  }

  private static final Pattern PORTCULLIS_POOL =
      Pattern.compile(
          "<jdbc-connection-pool name=\"PortcullisPool\".*?</jdbc-connection-pool>",
          Pattern.DOTALL);
}
