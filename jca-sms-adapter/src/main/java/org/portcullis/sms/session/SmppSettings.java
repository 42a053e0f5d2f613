package org.portcullis.sms.session;

import java.util.Locale;
import java.util.Objects;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/**
 * The adapter's validated settings: where the gateway is, how to bind, how to address messages, how
 * fast to send and how long to wait.
 *
 * <p>Built with {@link #builder()}; {@link Builder#build()} refuses a bad value with an {@link
 * InvalidSettingException} naming the setting, so a misconfigured adapter fails when it starts
 * rather than at the first send. The host, system id and password have no defaults: they come from
 * server configuration. Lengths follow the C-Octet String limits of SMPP 3.4 §4.1.
 *
 * <p>Thread-safety: immutable. {@link #toString()} never shows the password.
 *
 * @param host the gateway's host name or address
 * @param port the gateway's SMPP port
 * @param systemId the ESME's system_id
 * @param password the ESME's password
 * @param systemType the system_type sent in the bind (often empty)
 * @param bindMode transceiver, transmitter or receiver
 * @param sourceAddress the default source address of submitted messages (empty: the gateway's)
 * @param sourceTon the source address's type of number
 * @param sourceNpi the source address's numbering plan
 * @param destinationTon the type of number of recipients (E.164 numbers: international)
 * @param destinationNpi the numbering plan of recipients (E.164 numbers: ISDN)
 * @param ratePerSecond the most submit_sm per second, 0 for no limit
 * @param enquireLinkSeconds idle time after which an enquire_link checks the link
 * @param connectTimeoutMillis how long a TCP connect may take
 * @param responseTimeoutMillis how long to wait for a response PDU (bind, submit_sm, …)
 * @param reconnectMinMillis the first delay before binding again after a failure
 * @param reconnectMaxMillis the longest delay between bind attempts
 */
public record SmppSettings(
    String host,
    int port,
    String systemId,
    String password,
    String systemType,
    BindMode bindMode,
    String sourceAddress,
    TypeOfNumber sourceTon,
    NumberingPlanIndicator sourceNpi,
    TypeOfNumber destinationTon,
    NumberingPlanIndicator destinationNpi,
    int ratePerSecond,
    int enquireLinkSeconds,
    int connectTimeoutMillis,
    int responseTimeoutMillis,
    int reconnectMinMillis,
    int reconnectMaxMillis) {

  /** The IANA port of SMPP. */
  public static final int DEFAULT_PORT = 2775;

  public static final String DEFAULT_BIND_TYPE = "TRX";
  public static final String DEFAULT_SOURCE_TON = "UNKNOWN";
  public static final String DEFAULT_SOURCE_NPI = "UNKNOWN";
  public static final String DEFAULT_DESTINATION_TON = "INTERNATIONAL";
  public static final String DEFAULT_DESTINATION_NPI = "ISDN";

  /** Most SMS contracts allow a few tens per second; 10 keeps a new installation inside them. */
  public static final int DEFAULT_RATE_PER_SECOND = 10;

  public static final int DEFAULT_ENQUIRE_LINK_SECONDS = 30;
  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;
  public static final int DEFAULT_RESPONSE_TIMEOUT_MILLIS = 10_000;
  public static final int DEFAULT_RECONNECT_MIN_MILLIS = 1_000;
  public static final int DEFAULT_RECONNECT_MAX_MILLIS = 60_000;

  static final int MAX_SYSTEM_ID = 15;
  static final int MAX_PASSWORD = 8;
  static final int MAX_SYSTEM_TYPE = 12;
  static final int MAX_ADDRESS = 20;

  public SmppSettings {
    // the builder validates; this only keeps a hand-made record from holding nulls
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(systemType, "systemType");
    Objects.requireNonNull(bindMode, "bindMode");
    Objects.requireNonNull(sourceAddress, "sourceAddress");
    Objects.requireNonNull(sourceTon, "sourceTon");
    Objects.requireNonNull(sourceNpi, "sourceNpi");
    Objects.requireNonNull(destinationTon, "destinationTon");
    Objects.requireNonNull(destinationNpi, "destinationNpi");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this record's values. */
  public Builder toBuilder() {
    return new Builder()
        .host(host)
        .port(port)
        .systemId(systemId)
        .password(password)
        .systemType(systemType)
        .bindType(bindMode.name())
        .sourceAddress(sourceAddress)
        .sourceTon(sourceTon.name())
        .sourceNpi(sourceNpi.name())
        .destinationTon(destinationTon.name())
        .destinationNpi(destinationNpi.name())
        .ratePerSecond(ratePerSecond)
        .enquireLinkSeconds(enquireLinkSeconds)
        .connectTimeoutMillis(connectTimeoutMillis)
        .responseTimeoutMillis(responseTimeoutMillis)
        .reconnectMinMillis(reconnectMinMillis)
        .reconnectMaxMillis(reconnectMaxMillis);
  }

  /** {@code host:port}, for messages. */
  public String address() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return "SmppSettings[gateway="
        + address()
        + ", systemId="
        + systemId
        + ", password=*****, systemType="
        + systemType
        + ", bindType="
        + bindMode
        + ", sourceAddress="
        + sourceAddress
        + " ("
        + sourceTon
        + "/"
        + sourceNpi
        + "), destination "
        + destinationTon
        + "/"
        + destinationNpi
        + ", ratePerSecond="
        + ratePerSecond
        + ", enquireLinkSeconds="
        + enquireLinkSeconds
        + ", connectTimeoutMillis="
        + connectTimeoutMillis
        + ", responseTimeoutMillis="
        + responseTimeoutMillis
        + ", reconnect="
        + reconnectMinMillis
        + ".."
        + reconnectMaxMillis
        + "ms]";
  }

  /**
   * Reads a type of number: a name ({@code UNKNOWN}, {@code INTERNATIONAL}, {@code NATIONAL},
   * {@code NETWORK_SPECIFIC}, {@code SUBSCRIBER_NUMBER}, {@code ALPHANUMERIC}, {@code ABBREVIATED})
   * or its SMPP value (0-6).
   */
  public static TypeOfNumber parseTon(String property, String value) {
    String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    try {
      if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
        return TypeOfNumber.valueOf((byte) Integer.parseInt(v));
      }
      return TypeOfNumber.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          property, "'" + value + "' is not a type of number (e.g. INTERNATIONAL or 1)");
    }
  }

  /**
   * Reads a numbering plan indicator: a name ({@code UNKNOWN}, {@code ISDN}, {@code DATA}, {@code
   * TELEX}, {@code LAND_MOBILE}, {@code NATIONAL}, {@code PRIVATE}, {@code ERMES}, {@code
   * INTERNET}, {@code WAP}) or its SMPP value.
   */
  public static NumberingPlanIndicator parseNpi(String property, String value) {
    String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    try {
      if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
        return NumberingPlanIndicator.valueOf((byte) Integer.parseInt(v));
      }
      return NumberingPlanIndicator.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          property, "'" + value + "' is not a numbering plan (e.g. ISDN or 1)");
    }
  }

  /**
   * Collects settings as configured (strings and boxed numbers, as a JavaBean gets them) and
   * validates them together. Not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private String host;
    private Integer port = DEFAULT_PORT;
    private String systemId;
    private String password;
    private String systemType = "";
    private String bindType = DEFAULT_BIND_TYPE;
    private String sourceAddress = "";
    private String sourceTon = DEFAULT_SOURCE_TON;
    private String sourceNpi = DEFAULT_SOURCE_NPI;
    private String destinationTon = DEFAULT_DESTINATION_TON;
    private String destinationNpi = DEFAULT_DESTINATION_NPI;
    private Integer ratePerSecond = DEFAULT_RATE_PER_SECOND;
    private Integer enquireLinkSeconds = DEFAULT_ENQUIRE_LINK_SECONDS;
    private Integer connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
    private Integer responseTimeoutMillis = DEFAULT_RESPONSE_TIMEOUT_MILLIS;
    private Integer reconnectMinMillis = DEFAULT_RECONNECT_MIN_MILLIS;
    private Integer reconnectMaxMillis = DEFAULT_RECONNECT_MAX_MILLIS;

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(Integer port) {
      this.port = port;
      return this;
    }

    public Builder systemId(String systemId) {
      this.systemId = systemId;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    public Builder systemType(String systemType) {
      this.systemType = systemType;
      return this;
    }

    public Builder bindType(String bindType) {
      this.bindType = bindType;
      return this;
    }

    public Builder sourceAddress(String sourceAddress) {
      this.sourceAddress = sourceAddress;
      return this;
    }

    public Builder sourceTon(String sourceTon) {
      this.sourceTon = sourceTon;
      return this;
    }

    public Builder sourceNpi(String sourceNpi) {
      this.sourceNpi = sourceNpi;
      return this;
    }

    public Builder destinationTon(String destinationTon) {
      this.destinationTon = destinationTon;
      return this;
    }

    public Builder destinationNpi(String destinationNpi) {
      this.destinationNpi = destinationNpi;
      return this;
    }

    public Builder ratePerSecond(Integer ratePerSecond) {
      this.ratePerSecond = ratePerSecond;
      return this;
    }

    public Builder enquireLinkSeconds(Integer enquireLinkSeconds) {
      this.enquireLinkSeconds = enquireLinkSeconds;
      return this;
    }

    public Builder connectTimeoutMillis(Integer connectTimeoutMillis) {
      this.connectTimeoutMillis = connectTimeoutMillis;
      return this;
    }

    public Builder responseTimeoutMillis(Integer responseTimeoutMillis) {
      this.responseTimeoutMillis = responseTimeoutMillis;
      return this;
    }

    public Builder reconnectMinMillis(Integer reconnectMinMillis) {
      this.reconnectMinMillis = reconnectMinMillis;
      return this;
    }

    public Builder reconnectMaxMillis(Integer reconnectMaxMillis) {
      this.reconnectMaxMillis = reconnectMaxMillis;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws InvalidSettingException naming the first setting that is missing or wrong
     */
    public SmppSettings build() {
      String h = required("host", host);
      int p = range("port", port, 1, 65_535);
      String id = ascii("systemId", required("systemId", systemId), MAX_SYSTEM_ID);
      if (password == null || password.isEmpty()) {
        throw new InvalidSettingException("password", "is required (no default exists)");
      }
      // never echo the value: it is a secret
      if (password.length() > MAX_PASSWORD || !password.chars().allMatch(c -> c < 0x80)) {
        throw new InvalidSettingException(
            "password", "must be at most " + MAX_PASSWORD + " ASCII characters (SMPP 3.4)");
      }
      String type = ascii("systemType", systemType == null ? "" : systemType, MAX_SYSTEM_TYPE);
      BindMode mode = BindMode.parse(bindType);
      String source =
          ascii("sourceAddress", sourceAddress == null ? "" : sourceAddress.trim(), MAX_ADDRESS);
      TypeOfNumber srcTon = parseTon("sourceTon", sourceTon);
      NumberingPlanIndicator srcNpi = parseNpi("sourceNpi", sourceNpi);
      TypeOfNumber dstTon = parseTon("destinationTon", destinationTon);
      NumberingPlanIndicator dstNpi = parseNpi("destinationNpi", destinationNpi);
      int rate = range("ratePerSecond", ratePerSecond, 0, 1_000_000);
      int enquire = range("enquireLinkSeconds", enquireLinkSeconds, 1, 86_400);
      int connect = range("connectTimeoutMillis", connectTimeoutMillis, 1, 600_000);
      int response = range("responseTimeoutMillis", responseTimeoutMillis, 1, 600_000);
      int min = range("reconnectMinMillis", reconnectMinMillis, 1, 86_400_000);
      int max = range("reconnectMaxMillis", reconnectMaxMillis, 1, 86_400_000);
      if (max < min) {
        throw new InvalidSettingException(
            "reconnectMaxMillis",
            "must not be below reconnectMinMillis (" + max + " < " + min + ")");
      }
      return new SmppSettings(
          h, p, id, password, type, mode, source, srcTon, srcNpi, dstTon, dstNpi, rate, enquire,
          connect, response, min, max);
    }

    private static String required(String property, String value) {
      if (value == null || value.isBlank()) {
        throw new InvalidSettingException(property, "is required (no default exists)");
      }
      return value.trim();
    }

    private static String ascii(String property, String value, int maxLength) {
      if (value.length() > maxLength) {
        throw new InvalidSettingException(
            property, "must be at most " + maxLength + " characters (SMPP 3.4)");
      }
      if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
        throw new InvalidSettingException(property, "must be printable ASCII");
      }
      return value;
    }

    private static int range(String property, Integer value, int min, int max) {
      if (value == null) {
        throw new InvalidSettingException(property, "is required");
      }
      if (value < min || value > max) {
        throw new InvalidSettingException(
            property, "must be between " + min + " and " + max + ", not " + value);
      }
      return value;
    }
  }
}
