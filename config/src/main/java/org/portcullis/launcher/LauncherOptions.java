package org.portcullis.launcher;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's settings, each from a command-line option, else its environment variable, else a
 * default that is safe on a developer's machine (loopback only, demo data on).
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
 * @param keystorePassword the keystore password from the environment (never an option: it would
 *     show in the process list)
 * @param help whether only the usage text was asked for
 */
public record LauncherOptions(
    int port,
    String bindAddress,
    Path dataDir,
    Optional<String> adminPassword,
    boolean demo,
    Optional<Path> ear,
    Optional<String> keystorePassword,
    boolean help) {

  static final int DEFAULT_PORT = 8080;
  static final String DEFAULT_BIND = "127.0.0.1";
  static final String DEFAULT_DATA = "data";

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
        --help                print this text

      The keystore password is read from PORTCULLIS_KEYSTORE_PASSWORD; without it one is
      generated on first start and kept in <data>/keystore.secret.
      """;

  /** Never prints the passwords: options end up in logs and error reports. */
  @Override
  public String toString() {
    return "LauncherOptions[port=%d, bind=%s, data=%s, adminPassword=%s, demo=%b, ear=%s]"
        .formatted(
            port,
            bindAddress,
            dataDir,
            adminPassword.isPresent() ? "(set)" : "(none)",
            demo,
            ear.map(Path::toString).orElse("(shipped)"));
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
    String port = env(env, "PORTCULLIS_PORT");
    String bind = env(env, "PORTCULLIS_BIND");
    String data = env(env, "PORTCULLIS_DATA");
    String adminPassword = env(env, "PORTCULLIS_ADMIN_PASSWORD");
    String ear = env(env, "PORTCULLIS_EAR");
    Boolean demo = null;
    String portSource = "PORTCULLIS_PORT";
    String bindSource = "PORTCULLIS_BIND";
    boolean help = false;

    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      String inline = arg.startsWith("--") && eq > 0 ? arg.substring(eq + 1) : null;
      switch (name) {
        case "--help", "-h" -> help = true;
        case "--demo", "--no-demo" -> {
          if (inline != null) {
            throw new UsageException(name + " takes no value");
          }
          demo = name.equals("--demo");
        }
        case "--port", "--bind", "--data", "--admin-password", "--ear" -> {
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
          switch (name) {
            case "--port" -> {
              port = value;
              portSource = "--port";
            }
            case "--bind" -> {
              bind = value;
              bindSource = "--bind";
            }
            case "--data" -> data = value;
            case "--admin-password" -> adminPassword = value;
            default -> ear = value;
          }
        }
        default ->
            throw new UsageException(
                arg.startsWith("-")
                    ? "unknown option " + name
                    : "unexpected argument '" + arg + "'");
      }
    }

    String demoEnv = env(env, "PORTCULLIS_DEMO");
    boolean demoOn =
        demo != null ? demo : demoEnv == null || parseBoolean("PORTCULLIS_DEMO", demoEnv);
    return new LauncherOptions(
        port == null ? DEFAULT_PORT : parsePort(portSource, port),
        bind == null ? DEFAULT_BIND : checkBind(bindSource, bind),
        toPath("--data", data == null ? DEFAULT_DATA : data),
        Optional.ofNullable(adminPassword),
        demoOn,
        ear == null ? Optional.empty() : Optional.of(toPath("--ear", ear)),
        Optional.ofNullable(env(env, "PORTCULLIS_KEYSTORE_PASSWORD")),
        help);
  }

  private static String env(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
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
