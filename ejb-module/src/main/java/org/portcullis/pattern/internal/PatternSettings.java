package org.portcullis.pattern.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.config.Durations;

/**
 * Pattern settings, read and checked once at start-up so that a bad value stops the deployment with
 * the setting's name.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th></th></tr>
 *   <tr><td>{@code portcullis.pattern.keep-answered}</td><td>P30D</td><td>how long answered and
 *       expired verifications, use IDs and closed registrations are kept (dashboards read
 *       them)</td></tr>
 * </table>
 *
 * <p>Callers reach it through its EJB proxy: its accessors must stay public.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PatternSettings {

  /** SPEC §3.1: a registration link is valid 24 hours. */
  public static final Duration LINK_TTL = Duration.ofHours(24);

  /** SPEC §3.1: a provisional registration expires after 15 minutes. */
  public static final Duration PROVISIONAL_TTL = Duration.ofMinutes(15);

  /** SPEC §3.2: a use ID lives 5 minutes. */
  public static final Duration USE_ID_TTL = Duration.ofMinutes(5);

  @Inject
  @ConfigProperty(name = "portcullis.pattern.keep-answered", defaultValue = "P30D")
  String keepAnswered;

  private Duration keep;

  @PostConstruct
  void read() {
    keep = Durations.positive("portcullis.pattern.keep-answered", keepAnswered);
  }

  public Duration keepAnswered() {
    return keep;
  }
}
