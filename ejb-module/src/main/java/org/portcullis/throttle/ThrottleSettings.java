package org.portcullis.throttle;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.throttle.TokenBucket.Rate;

/**
 * The rate limits (SPEC §3.4), read and checked once at start-up so that a bad value stops the
 * deployment with the setting's name. A rate is requests per second (a decimal, may be below 1); a
 * burst is how many requests may come at once after a quiet spell.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th></th></tr>
 *   <tr><td>{@code portcullis.throttle.enabled}</td><td>{@code true}</td><td>{@code true} or
 *       {@code false}; nothing else, so that a typo cannot switch the limits off</td></tr>
 *   <tr><td>{@code portcullis.throttle.system.rate} / {@code .burst}</td><td>100 / 200</td><td>per
 *       relying system</td></tr>
 *   <tr><td>{@code portcullis.throttle.handset.rate} / {@code .burst}</td><td>10 / 40</td><td>per
 *       terminal (handsets and customers' apps with an access token)</td></tr>
 *   <tr><td>{@code portcullis.throttle.staff.rate} / {@code .burst}</td><td>50 / 200</td><td>per
 *       staff member on the API</td></tr>
 *   <tr><td>{@code portcullis.throttle.address.rate} / {@code .burst}</td><td>20 / 200</td><td>per
 *       client address, for calls with no authenticated caller, and separately for refused
 *       authentications</td></tr>
 *   <tr><td>{@code portcullis.throttle.max-buckets}</td><td>100000</td><td>buckets one node keeps
 *       in memory; beyond it new callers go unlimited until idle buckets are dropped</td></tr>
 * </table>
 *
 * <p>Callers reach it through its EJB proxy: its accessors must stay public.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// no container transaction: it touches no database and is called on every API request
@TransactionManagement(TransactionManagementType.BEAN)
public class ThrottleSettings {

  private static final String PREFIX = "portcullis.throttle.";

  @Inject
  @ConfigProperty(name = PREFIX + "enabled", defaultValue = "true")
  String enabledValue;

  @Inject
  @ConfigProperty(name = PREFIX + "system.rate", defaultValue = "100")
  String systemRate;

  @Inject
  @ConfigProperty(name = PREFIX + "system.burst", defaultValue = "200")
  String systemBurst;

  @Inject
  @ConfigProperty(name = PREFIX + "handset.rate", defaultValue = "10")
  String handsetRate;

  @Inject
  @ConfigProperty(name = PREFIX + "handset.burst", defaultValue = "40")
  String handsetBurst;

  @Inject
  @ConfigProperty(name = PREFIX + "staff.rate", defaultValue = "50")
  String staffRate;

  @Inject
  @ConfigProperty(name = PREFIX + "staff.burst", defaultValue = "200")
  String staffBurst;

  @Inject
  @ConfigProperty(name = PREFIX + "address.rate", defaultValue = "20")
  String addressRate;

  @Inject
  @ConfigProperty(name = PREFIX + "address.burst", defaultValue = "200")
  String addressBurst;

  @Inject
  @ConfigProperty(name = PREFIX + "max-buckets", defaultValue = "100000")
  String maxBucketsValue;

  private boolean enabled;
  private Rate system;
  private Rate handset;
  private Rate staff;
  private Rate address;
  private int maxBuckets;

  @PostConstruct
  void read() {
    enabled = flag(PREFIX + "enabled", enabledValue);
    system = rate(PREFIX + "system", systemRate, systemBurst);
    handset = rate(PREFIX + "handset", handsetRate, handsetBurst);
    staff = rate(PREFIX + "staff", staffRate, staffBurst);
    address = rate(PREFIX + "address", addressRate, addressBurst);
    maxBuckets = positiveInt(PREFIX + "max-buckets", maxBucketsValue);
  }

  /** Whether requests are rate-limited at all. */
  public boolean enabled() {
    return enabled;
  }

  /** Per relying system. */
  public Rate system() {
    return system;
  }

  /** Per terminal: handsets and customers' apps. */
  public Rate handset() {
    return handset;
  }

  /** Per staff member calling the API. */
  public Rate staff() {
    return staff;
  }

  /** Per client address: calls with no authenticated caller, and refused authentications. */
  public Rate address() {
    return address;
  }

  /** The most buckets one node keeps. */
  public int maxBuckets() {
    return maxBuckets;
  }

  /** {@code true} or {@code false}, in any case. */
  static boolean flag(String name, String value) {
    String flag = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (flag.equals("true") || flag.equals("false")) {
      return Boolean.parseBoolean(flag);
    }
    throw new IllegalStateException(name + " must be true or false, not " + value);
  }

  /** {@code <name>.rate} (a positive decimal) and {@code <name>.burst} (a positive integer). */
  static Rate rate(String name, String rate, String burst) {
    double perSecond;
    try {
      // BigDecimal, not Double.parseDouble, which would take "NaN", "Infinity" and "10d"
      perSecond = new BigDecimal(rate.strip()).doubleValue();
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalStateException(
          name + ".rate must be a number of requests per second such as 20 or 0.5, not " + rate, e);
    }
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalStateException(name + ".rate must be above 0, not " + rate);
    }
    return new Rate(perSecond, positiveInt(name + ".burst", burst));
  }

  static int positiveInt(String name, String value) {
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalStateException(name + " must be a whole number, not " + value, e);
    }
    if (parsed < 1) {
      throw new IllegalStateException(name + " must be at least 1, not " + value);
    }
    return parsed;
  }
}
