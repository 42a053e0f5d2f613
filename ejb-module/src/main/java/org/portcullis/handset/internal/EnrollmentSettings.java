package org.portcullis.handset.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.config.Durations;

/**
 * Handset enrollment's settings, read and checked once at start-up so that a bad value stops the
 * deployment with the setting's name.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th></th></tr>
 *   <tr><td>{@code portcullis.enrollment.keyword}</td><td>{@code REG}</td><td>the first word of
 *       the handset's SMS ({@code REG 12345678}), 1-16 letters or digits, matched without regard
 *       to case</td></tr>
 *   <tr><td>{@code portcullis.enrollment.code-ttl}</td><td>PT5M</td><td>how long a code is
 *       valid (at most a day: the record of a used SMS is kept a day)</td></tr>
 *   <tr><td>{@code portcullis.enrollment.max-codes}</td><td>3</td><td>server codes one MSISDN may
 *       be sent per window; more is a 429</td></tr>
 *   <tr><td>{@code portcullis.enrollment.codes-window}</td><td>PT15M</td><td>that window</td></tr>
 *   <tr><td>{@code portcullis.enrollment.max-wrong-answers}</td><td>3</td><td>wrong answers after
 *       which one server code is dead (the lockout counts them too)</td></tr>
 * </table>
 *
 * <p>Callers reach it through its EJB proxy: its accessors must stay public.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EnrollmentSettings {

  /** A handset's own code: 6 to 10 digits. */
  static final String HANDSET_OTP = "[0-9]{6,10}";

  @Inject
  @ConfigProperty(name = "portcullis.enrollment.keyword", defaultValue = "REG")
  String keyword;

  @Inject
  @ConfigProperty(name = "portcullis.enrollment.code-ttl", defaultValue = "PT5M")
  String codeTtl;

  @Inject
  @ConfigProperty(name = "portcullis.enrollment.max-codes", defaultValue = "3")
  int maxCodes;

  @Inject
  @ConfigProperty(name = "portcullis.enrollment.codes-window", defaultValue = "PT15M")
  String codesWindow;

  @Inject
  @ConfigProperty(name = "portcullis.enrollment.max-wrong-answers", defaultValue = "3")
  int maxWrongAnswers;

  private Duration ttl;
  private Duration window;
  private Pattern handsetSms;

  @PostConstruct
  void read() {
    ttl = Durations.positive("portcullis.enrollment.code-ttl", codeTtl);
    if (ttl.compareTo(EnrollmentPurge.KEEP) > 0) {
      throw new IllegalStateException("portcullis.enrollment.code-ttl must be at most P1D");
    }
    window = Durations.positive("portcullis.enrollment.codes-window", codesWindow);
    if (maxCodes < 1) {
      throw new IllegalStateException("portcullis.enrollment.max-codes must be at least 1");
    }
    if (maxWrongAnswers < 1) {
      throw new IllegalStateException("portcullis.enrollment.max-wrong-answers must be at least 1");
    }
    keyword = keyword.strip();
    if (!keyword.matches("[A-Za-z0-9]{1,16}")) {
      throw new IllegalStateException(
          "portcullis.enrollment.keyword must be 1-16 letters or digits");
    }
    handsetSms =
        Pattern.compile(
            "\\s*" + Pattern.quote(keyword) + "\\s+(" + HANDSET_OTP + ")\\s*",
            Pattern.CASE_INSENSITIVE);
  }

  /** The keyword, as configured. */
  public String keyword() {
    return keyword;
  }

  /** {@code <keyword> <code>}, the code as group 1. */
  public Pattern handsetSms() {
    return handsetSms;
  }

  public Duration codeTtl() {
    return ttl;
  }

  public int maxCodes() {
    return maxCodes;
  }

  public Duration codesWindow() {
    return window;
  }

  public int maxWrongAnswers() {
    return maxWrongAnswers;
  }
}
