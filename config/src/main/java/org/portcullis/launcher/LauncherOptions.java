package org.portcullis.launcher;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The launcher's settings, each from a command-line option, else its environment variable, else a
 * default that is safe on a developer's machine (loopback only, demo data on, demo peers for SMS
 * and mail).
 *
 * <p>Parsing is a pure function of the arguments and the environment so that it can be tested
 * without starting anything. Immutable and thread-safe.
 *
 * @param port the HTTP port
 * @param bindAddress the address the HTTP listener binds to
 * @param dataDir where the database, keystore secret and demo credentials live
 * @param adminPassword the password of the first staff account {@code admin}, when given
 * @param demo whether demo data is seeded and its credentials printed
 * @param ear the EAR to deploy instead of the one shipped next to the launcher's jar
 * @param portOffset added to every port the launcher opens, HTTP included, so that a second node
 *     runs on the same host
 * @param nodeName this node's name, in the banner and the logs, to tell nodes apart
 * @param database PostgreSQL to use instead of H2 under the data directory
 * @param keystorePassword the keystore password from the environment (never an option: it would
 *     show in the process list)
 * @param messaging where SMS and mail go
 * @param settings application settings given as {@code -Dname=value}, in order, set as system
 *     properties before the server starts (MicroProfile Config reads them)
 * @param help whether only the usage text was asked for
 */
public record LauncherOptions(
    int port,
    String bindAddress,
    Path dataDir,
    Optional<String> adminPassword,
    boolean demo,
    Optional<Path> ear,
    int portOffset,
    String nodeName,
    Optional<PostgresDatabase> database,
    Optional<String> keystorePassword,
    MessagingOptions messaging,
    Map<String, String> settings,
    boolean help) {

  /**
   * Settings the launcher derives from its own options; a {@code -D} cannot set them, or the two
   * would disagree.
   */
  static final Map<String, String> OWN_SETTINGS =
      Map.ofEntries(
          Map.entry("portcullis.data", "--data"),
          Map.entry("portcullis.http.port", "--port"),
          Map.entry("portcullis.node.name", "--node-name"),
          Map.entry("portcullis.bind.address", "--bind"),
          Map.entry("portcullis.demo", "--demo / --no-demo"),
          Map.entry("portcullis.keystore.password-file", "PORTCULLIS_KEYSTORE_PASSWORD"),
          Map.entry("portcullis.admin.password-file", "--admin-password"),
          Map.entry("portcullis.smsc.host", "--smsc"),
          Map.entry("portcullis.smsc.port", "--smsc"),
          Map.entry("portcullis.smsc.system-id", "--smsc-system-id"),
          Map.entry("portcullis.smsc.password", "--smsc-password"),
          Map.entry("portcullis.smsc.rate", "--smsc-rate"),
          Map.entry("portcullis.sms.source-address", "--service-number"),
          Map.entry("portcullis.smtp.host", "--smtp"),
          Map.entry("portcullis.smtp.port", "--smtp"),
          Map.entry("portcullis.mail.from", "--mail-from"));

  private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,199}");

  public LauncherOptions {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  static final int DEFAULT_PORT = 8080;
  static final String DEFAULT_NODE_NAME = "node-1";

  /** The largest --port-offset: keeps every moved port below 65535. */
  static final int MAX_PORT_OFFSET = 20000;

  private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
  static final String DEFAULT_BIND = "127.0.0.1";
  static final String DEFAULT_DATA = "data";

  /** A short code: what customers text, and the sender of every SMS, unless told otherwise. */
  static final String DEFAULT_SERVICE_NUMBER = "70707";

  static final String DEFAULT_MAIL_FROM = "Portcullis <no-reply@portcullis.local>";

  /** The adapter's own default: within what most SMS contracts allow. */
  static final int DEFAULT_SMSC_RATE = 10;

  /** The adapter's ceiling; 0 means no limit. */
  static final int MAX_SMSC_RATE = 1_000_000;

  /** SMPP 3.4 §4.1: system_id is a C-Octet String of at most 16 octets with its NUL. */
  static final int MAX_SYSTEM_ID = 15;

  /** SMPP 3.4 §4.1: password is a C-Octet String of at most 9 octets with its NUL. */
  static final int MAX_SMSC_PASSWORD = 8;

  private static final String SMSC_PASSWORD_ENV = "PORTCULLIS_SMSC_PASSWORD";

  /** Each option that takes a value, with the environment variable standing in for it. */
  private static final Map<String, String> VALUE_OPTIONS =
      Map.ofEntries(
          Map.entry("--port", "PORTCULLIS_PORT"),
          Map.entry("--bind", "PORTCULLIS_BIND"),
          Map.entry("--data", "PORTCULLIS_DATA"),
          Map.entry("--admin-password", "PORTCULLIS_ADMIN_PASSWORD"),
          Map.entry("--ear", "PORTCULLIS_EAR"),
          Map.entry("--port-offset", "PORTCULLIS_PORT_OFFSET"),
          Map.entry("--node-name", "PORTCULLIS_NODE_NAME"),
          Map.entry("--db", "PORTCULLIS_DB"),
          Map.entry("--smsc", "PORTCULLIS_SMSC"),
          Map.entry("--smsc-system-id", "PORTCULLIS_SMSC_SYSTEM_ID"),
          Map.entry("--smsc-password", SMSC_PASSWORD_ENV),
          Map.entry("--smsc-rate", "PORTCULLIS_SMSC_RATE"),
          Map.entry("--service-number", "PORTCULLIS_SERVICE_NUMBER"),
          Map.entry("--smtp", "PORTCULLIS_SMTP"),
          Map.entry("--mail-from", "PORTCULLIS_MAIL_FROM"));

  // a short code or an E.164 number: customers must be able to text it
  private static final Pattern SERVICE_NUMBER = Pattern.compile("\\+?[0-9]{3,15}");

  // "addr@domain" or "Display Name <addr@domain>"; no line breaks (they would forge headers)
  private static final Pattern MAIL_ADDRESS =
      Pattern.compile("(?:[^<>\\r\\n]*<[^\\s<>@]+@[^\\s<>@]+>|[^\\s<>@]+@[^\\s<>@]+)");

  /** The usage text printed by {@code --help}. */
  public static final String USAGE =
      """
      Usage: java -jar portcullis.jar [options]

      Starts Portcullis on embedded Payara. Every option can also be set by the environment
      variable named beside it; an option given on the command line wins.

        --port N              HTTP port (PORTCULLIS_PORT, default 8080)
        --bind ADDRESS        address to listen on (PORTCULLIS_BIND, default 127.0.0.1:
                              loopback only; use 0.0.0.0 to open it to the network)
        --data DIR            data directory: database, keys, demo credentials
                              (PORTCULLIS_DATA, default ./data)
        --admin-password PW   password of the first staff account "admin", used when no staff
                              account exists yet (PORTCULLIS_ADMIN_PASSWORD; in demo mode one is
                              generated when none is given)
        --demo, --no-demo     seed and print demo credentials (PORTCULLIS_DEMO=true|false,
                              default on)
        --ear FILE            deploy this EAR instead of lib/portcullis.ear (PORTCULLIS_EAR;
                              for development)

      Database and nodes:
        --db URL              h2 (the default: H2 under <data>/db) or
                              postgresql://HOST[:PORT]/NAME (PORTCULLIS_DB); the user and
                              password come from PORTCULLIS_DB_USER and PORTCULLIS_DB_PASSWORD,
                              never from an option (options show in ps)
        --node-name NAME      this node's name in the banner and the logs (PORTCULLIS_NODE_NAME,
                              default node-1)
        --port-offset N       added to every port this node opens, HTTP included, so that a
                              second node runs on the same host (PORTCULLIS_PORT_OFFSET,
                              default 0; --port 8080 --port-offset 100 listens on 8180)

      SMS and mail (without --smsc or --smtp, a demo SMS gateway or mail server on 127.0.0.1
      receives them and prints them here):
        --smsc HOST:PORT      SMPP gateway to send SMS through (PORTCULLIS_SMSC)
        --smsc-system-id ID   system_id to bind with, at most 15 characters
                              (PORTCULLIS_SMSC_SYSTEM_ID; required with --smsc)
        --smsc-password PW    password to bind with, at most 8 characters (required with
                              --smsc); prefer PORTCULLIS_SMSC_PASSWORD: options show in ps
        --smsc-rate N         most SMS submitted per second, 0 for no limit
                              (PORTCULLIS_SMSC_RATE, default 10)
        --service-number N    the number customers text, sender of every SMS
                              (PORTCULLIS_SERVICE_NUMBER, default 70707)
        --smtp HOST:PORT      SMTP server to send mail through, without authentication
                              (PORTCULLIS_SMTP)
        --mail-from ADDRESS   sender of every mail (PORTCULLIS_MAIL_FROM, default
                              "Portcullis <no-reply@portcullis.local>")

        -Dname=value          an application setting, e.g. -Dportcullis.token.policy=SAME_DATE
                              (the README lists them; the JVM's own -D works too)
        --help                print this text

      The keystore password is read from PORTCULLIS_KEYSTORE_PASSWORD; without it one is
      generated on first start and kept in <data>/keystore.secret.
      """;

  /**
   * Where SMS and mail go.
   *
   * @param smsc the SMPP gateway; empty for the launcher's demo SMS gateway
   * @param smscSystemId the system_id to bind with; present exactly when {@code smsc} is
   * @param smscPassword the password to bind with; present exactly when {@code smsc} is
   * @param smscPasswordInEnvironment whether the password came from {@code
   *     PORTCULLIS_SMSC_PASSWORD}, where the domain can read it without a system property
   * @param smscRate the most SMS submitted per second, 0 for no limit
   * @param serviceNumber the number customers text, and the source address of every SMS
   * @param smtp the SMTP server; empty for the launcher's demo mail server
   * @param mailFrom the sender of every mail
   */
  public record MessagingOptions(
      Optional<HostPort> smsc,
      Optional<String> smscSystemId,
      Optional<String> smscPassword,
      boolean smscPasswordInEnvironment,
      int smscRate,
      String serviceNumber,
      Optional<HostPort> smtp,
      String mailFrom) {}

  /** Never prints the passwords: options end up in logs and error reports. */
  @Override
  public String toString() {
    return ("LauncherOptions[port=%d, bind=%s, data=%s, adminPassword=%s, demo=%b, ear=%s,"
            + " portOffset=%d, nodeName=%s, database=%s,"
            + " smsc=%s, smscSystemId=%s, smscPassword=%s, smscRate=%d, serviceNumber=%s,"
            + " smtp=%s, mailFrom=%s, settings=%s]")
        .formatted(
            port,
            bindAddress,
            dataDir,
            adminPassword.isPresent() ? "(set)" : "(none)",
            demo,
            ear.map(Path::toString).orElse("(shipped)"),
            portOffset,
            nodeName,
            database.map(PostgresDatabase::toString).orElse("h2"),
            messaging.smsc().map(HostPort::toString).orElse("(demo)"),
            messaging.smscSystemId().orElse("(none)"),
            messaging.smscPassword().isPresent() ? "(set)" : "(none)",
            messaging.smscRate(),
            messaging.serviceNumber(),
            messaging.smtp().map(HostPort::toString).orElse("(demo)"),
            messaging.mailFrom(),
            settings.keySet());
  }

  /**
   * Reads the options.
   *
   * @param args the command line, in either {@code --name value} or {@code --name=value} form
   * @param env the environment, e.g. {@link System#getenv()}; empty values count as unset
   * @throws UsageException for an unknown option, a missing value or a bad value
   */
  public static LauncherOptions parse(List<String> args, Map<String, String> env)
      throws UsageException {
    Map<String, String> given = new HashMap<>();
    Map<String, String> appSettings = new LinkedHashMap<>();
    Boolean demo = null;
    boolean help = false;

    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      String inline = arg.startsWith("--") && eq > 0 ? arg.substring(eq + 1) : null;
      if (arg.startsWith("-D")) {
        setting(arg, appSettings);
      } else if (name.equals("--help") || name.equals("-h")) {
        help = true;
      } else if (name.equals("--demo") || name.equals("--no-demo")) {
        if (inline != null) {
          throw new UsageException(name + " takes no value");
        }
        demo = name.equals("--demo");
      } else if (VALUE_OPTIONS.containsKey(name)) {
        String value = inline;
        if (value == null) {
          if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException(name + " needs a value");
          }
          value = args.get(++i);
        }
        if (value.isBlank()) {
          throw new UsageException(name + " needs a non-empty value");
        }
        given.put(name, value);
      } else {
        throw new UsageException(
            arg.startsWith("-") ? "unknown option " + name : "unexpected argument '" + arg + "'");
      }
    }

    Settings settings = new Settings(given, env);
    String demoEnv = env(env, "PORTCULLIS_DEMO");
    boolean demoOn =
        demo != null ? demo : demoEnv == null || parseBoolean("PORTCULLIS_DEMO", demoEnv);
    Setting port = settings.get("--port");
    Setting bind = settings.get("--bind");
    Setting data = settings.get("--data");
    Setting ear = settings.get("--ear");
    int httpPort = port == null ? DEFAULT_PORT : parsePort(port.source(), port.value());
    int portOffset = portOffset(settings.get("--port-offset"), httpPort);
    return new LauncherOptions(
        httpPort,
        bind == null ? DEFAULT_BIND : checkBind(bind.source(), bind.value()),
        toPath("--data", data == null ? DEFAULT_DATA : data.value()),
        settings.value("--admin-password"),
        demoOn,
        ear == null ? Optional.empty() : Optional.of(toPath("--ear", ear.value())),
        portOffset,
        nodeName(settings.get("--node-name")),
        database(settings.get("--db"), env),
        Optional.ofNullable(env(env, "PORTCULLIS_KEYSTORE_PASSWORD")),
        messaging(settings),
        appSettings,
        help);
  }

  /** One {@code -Dname=value}. */
  private static void setting(String arg, Map<String, String> settings) throws UsageException {
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
    if (eq < 0 || !SETTING_NAME.matcher(name).matches()) {
      throw new UsageException("a setting is -Dname=value, not " + arg);
    }
    if (OWN_SETTINGS.containsKey(name)) {
      throw new UsageException(name + " follows " + OWN_SETTINGS.get(name) + ": use that instead");
    }
    settings.put(name, arg.substring(eq + 1));
  }

  private static MessagingOptions messaging(Settings settings) throws UsageException {
    Setting smsc = settings.get("--smsc");
    Setting systemId = settings.get("--smsc-system-id");
    Setting password = settings.get("--smsc-password");
    Optional<HostPort> gateway = Optional.empty();
    if (smsc == null) {
      // a gateway's credentials without the gateway: the operator expects it to be used
      for (Setting credential : new Setting[] {systemId, password}) {
        if (credential != null) {
          throw new UsageException(
              credential.source()
                  + " is set but --smsc (PORTCULLIS_SMSC) is not: name the SMPP gateway, or"
                  + " leave both out for the demo SMS gateway");
        }
      }
    } else {
      gateway = Optional.of(HostPort.parse(smsc.source(), smsc.value()));
      if (systemId == null) {
        throw new UsageException(
            smsc.source() + " needs --smsc-system-id (PORTCULLIS_SMSC_SYSTEM_ID)");
      }
      if (password == null) {
        throw new UsageException(
            smsc.source()
                + " needs a password: set PORTCULLIS_SMSC_PASSWORD (or --smsc-password, which"
                + " shows in ps)");
      }
      checkSmppString(systemId.source(), systemId.value(), MAX_SYSTEM_ID, true);
      checkSmppString(password.source(), password.value(), MAX_SMSC_PASSWORD, false);
    }

    Setting rate = settings.get("--smsc-rate");
    int smscRate = DEFAULT_SMSC_RATE;
    if (rate != null) {
      try {
        smscRate = Integer.parseInt(rate.value().trim());
      } catch (NumberFormatException e) {
        smscRate = -1; // reported below, with the offending value
      }
      if (smscRate < 0 || smscRate > MAX_SMSC_RATE) {
        throw new UsageException(
            rate.source()
                + ": '"
                + rate.value()
                + "' is not a rate (0 to "
                + MAX_SMSC_RATE
                + " SMS per second, 0 for no limit)");
      }
    }

    Setting serviceNumber = settings.get("--service-number");
    String number = serviceNumber == null ? DEFAULT_SERVICE_NUMBER : serviceNumber.value().trim();
    if (!SERVICE_NUMBER.matcher(number).matches()) {
      throw new UsageException(
          serviceNumber.source()
              + ": '"
              + serviceNumber.value()
              + "' is not a number customers can text (3 to 15 digits, optionally after +)");
    }

    Setting smtp = settings.get("--smtp");
    Setting mailFrom = settings.get("--mail-from");
    String from = mailFrom == null ? DEFAULT_MAIL_FROM : mailFrom.value().trim();
    if (!MAIL_ADDRESS.matcher(from).matches()) {
      throw new UsageException(
          mailFrom.source()
              + ": '"
              + mailFrom.value()
              + "' is not a mail address (name@example.org or \"Name <name@example.org>\")");
    }

    return new MessagingOptions(
        gateway,
        Optional.ofNullable(systemId).map(s -> s.value().trim()),
        Optional.ofNullable(password).map(Setting::value),
        password != null && password.source().equals(SMSC_PASSWORD_ENV),
        smscRate,
        number,
        smtp == null ? Optional.empty() : Optional.of(HostPort.parse(smtp.source(), smtp.value())),
        from);
  }

  /**
   * SMPP strings are printable ASCII of limited length; the gateway would refuse anything else at
   * bind time, far from the operator's eyes. A secret's value is never echoed.
   */
  private static void checkSmppString(String source, String value, int max, boolean showValue)
      throws UsageException {
    String v = showValue ? value.trim() : value;
    if (v.length() > max || !v.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
      throw new UsageException(
          source
              + (showValue ? ": '" + value + "'" : "")
              + " must be 1 to "
              + max
              + " printable ASCII characters (SMPP 3.4)");
    }
  }

  /** A value and where it came from: the option, else its environment variable. */
  private record Setting(String value, String source) {}

  /** The given options, backed by the environment. */
  private record Settings(Map<String, String> given, Map<String, String> environment) {

    /** The option's value, else its variable's, else {@code null}. */
    Setting get(String option) {
      if (given.containsKey(option)) {
        return new Setting(given.get(option), option);
      }
      String variable = VALUE_OPTIONS.get(option);
      String value = env(environment, variable);
      return value == null ? null : new Setting(value, variable);
    }

    Optional<String> value(String option) {
      return Optional.ofNullable(get(option)).map(Setting::value);
    }
  }

  private static String env(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** The port HTTP listens on: {@code --port} moved by {@code --port-offset}. */
  public int httpPort() {
    return port + portOffset;
  }

  private static int portOffset(Setting offset, int httpPort) throws UsageException {
    if (offset == null) {
      return 0;
    }
    int value;
    try {
      value = Integer.parseInt(offset.value().trim());
    } catch (NumberFormatException e) {
      value = -1; // reported below, with the offending value
    }
    if (value < 0 || value > MAX_PORT_OFFSET || httpPort + value > 65535) {
      throw new UsageException(
          offset.source()
              + ": '"
              + offset.value()
              + "' is not a port offset (0 to "
              + MAX_PORT_OFFSET
              + ", and the HTTP port plus it at most 65535)");
    }
    return value;
  }

  private static String nodeName(Setting name) throws UsageException {
    if (name == null) {
      return DEFAULT_NODE_NAME;
    }
    String value = name.value().trim();
    if (!NODE_NAME.matcher(value).matches()) {
      throw new UsageException(
          name.source()
              + ": '"
              + name.value()
              + "' is not a node name (1 to 40 letters, digits, '.', '_' or '-')");
    }
    return value;
  }

  private static Optional<PostgresDatabase> database(Setting db, Map<String, String> env)
      throws UsageException {
    if (db == null || db.value().trim().equalsIgnoreCase("h2")) {
      return Optional.empty();
    }
    return Optional.of(
        PostgresDatabase.parse(
            db.source(),
            db.value().trim(),
            env(env, "PORTCULLIS_DB_USER"),
            env(env, "PORTCULLIS_DB_PASSWORD")));
  }

  private static int parsePort(String source, String value) throws UsageException {
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, with the offending value
    }
    throw new UsageException(source + ": '" + value + "' is not a port number (1-65535)");
  }

  private static boolean parseBoolean(String source, String value) throws UsageException {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new UsageException(source + ": '" + value + "' is neither true nor false");
    };
  }

  /**
   * Accepts an IP literal or a host name. Names are not resolved here (that would make parsing
   * depend on DNS); Payara reports a name it cannot bind.
   */
  private static String checkBind(String source, String value) throws UsageException {
    String bind = value.trim();
    if (!bind.matches("[A-Za-z0-9.:%_-]+")) {
      throw new UsageException(source + ": '" + value + "' is not an IP address or host name");
    }
    return bind;
  }

  private static Path toPath(String source, String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(source + ": '" + value + "' is not a valid path");
    }
  }
}
