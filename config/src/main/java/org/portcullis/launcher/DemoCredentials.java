package org.portcullis.launcher;

import java.util.Properties;

/**
 * What demo mode creates and the operator needs to try Portcullis: the admin password, the demo
 * relying system's ID and secret, and the demo customer's account and PIN. Demo data only: it is
 * kept in clear in the data directory (owner-only) so that it can be printed on every start.
 *
 * <p>Fields are {@code null} until the seeding step that creates them has succeeded, so that a
 * start interrupted half-way resumes where it stopped instead of seeding twice. Immutable.
 *
 * @param adminPassword password of the staff account {@code admin}
 * @param systemId the demo relying system's public 8-digit ID
 * @param secret the demo relying system's secret
 * @param account the demo customer's account name
 * @param pin the demo customer's PIN
 */
public record DemoCredentials(
    String adminPassword, String systemId, String secret, String account, String pin) {

  private static final String ADMIN_PASSWORD = "admin.password";
  private static final String SYSTEM_ID = "system.id";
  private static final String SECRET = "system.secret";
  private static final String ACCOUNT = "customer.account";
  private static final String PIN = "customer.pin";

  /** Credentials before any seeding: only the admin password is known. */
  static DemoCredentials unseeded(String adminPassword) {
    return new DemoCredentials(adminPassword, null, null, null, null);
  }

  /** Whether every seeding step has been done. */
  boolean complete() {
    return adminPassword != null
        && systemId != null
        && secret != null
        && account != null
        && pin != null;
  }

  DemoCredentials withAdminPassword(String value) {
    return new DemoCredentials(value, systemId, secret, account, pin);
  }

  DemoCredentials withSystem(String id, String systemSecret) {
    return new DemoCredentials(adminPassword, id, systemSecret, account, pin);
  }

  DemoCredentials withAccount(String value) {
    return new DemoCredentials(adminPassword, systemId, secret, value, pin);
  }

  DemoCredentials withPin(String value) {
    return new DemoCredentials(adminPassword, systemId, secret, account, value);
  }

  Properties toProperties() {
    Properties properties = new Properties();
    put(properties, ADMIN_PASSWORD, adminPassword);
    put(properties, SYSTEM_ID, systemId);
    put(properties, SECRET, secret);
    put(properties, ACCOUNT, account);
    put(properties, PIN, pin);
    return properties;
  }

  static DemoCredentials fromProperties(Properties properties) {
    return new DemoCredentials(
        properties.getProperty(ADMIN_PASSWORD),
        properties.getProperty(SYSTEM_ID),
        properties.getProperty(SECRET),
        properties.getProperty(ACCOUNT),
        properties.getProperty(PIN));
  }

  /** Shows only which fields are set: these are credentials, even if demo ones. */
  @Override
  public String toString() {
    return "DemoCredentials[systemId=%s, account=%s, complete=%b]"
        .formatted(systemId, account, complete());
  }

  private static void put(Properties properties, String key, String value) {
    if (value != null) {
      properties.setProperty(key, value);
    }
  }
}
