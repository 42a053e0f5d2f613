package org.portcullis.token.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.config.Durations;
import org.portcullis.token.TokenExpiryPolicy;
import org.portcullis.token.TokenExtension;

/**
 * The access tokens' settings (SPEC §3.7), read and checked once at start-up so that a bad value
 * stops the deployment with the setting's name.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th></th></tr>
 *   <tr><td>{@code portcullis.token.policy}</td><td>{@code SAME_PERIOD}</td><td>{@code
 *       SAME_DATE}, {@code SAME_PERIOD} or {@code SAME_FACTOR}: how using one token of a terminal
 *       extends the others</td></tr>
 *   <tr><td>{@code portcullis.token.lifetime}</td><td>P14D</td><td>validity of a new token</td></tr>
 *   <tr><td>{@code portcullis.token.period}</td><td>P14D</td><td>what one access gains</td></tr>
 *   <tr><td>{@code portcullis.token.ceiling}</td><td>P90D</td><td>no token lives longer than this
 *       after its login</td></tr>
 *   <tr><td>{@code portcullis.token.keep-expired}</td><td>P30D</td><td>expired tokens are kept
 *       this long (so an app can still be told whose login expired), then deleted</td></tr>
 * </table>
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TokenSettings {

  @Inject
  @ConfigProperty(name = "portcullis.token.policy", defaultValue = "SAME_PERIOD")
  String policy;

  @Inject
  @ConfigProperty(name = "portcullis.token.lifetime", defaultValue = "P14D")
  String lifetime;

  @Inject
  @ConfigProperty(name = "portcullis.token.period", defaultValue = "P14D")
  String period;

  @Inject
  @ConfigProperty(name = "portcullis.token.ceiling", defaultValue = "P90D")
  String ceiling;

  @Inject
  @ConfigProperty(name = "portcullis.token.keep-expired", defaultValue = "P30D")
  String keepExpired;

  private TokenExtension extension;
  private Duration keep;

  @PostConstruct
  void read() {
    TokenExpiryPolicy chosen;
    try {
      chosen = TokenExpiryPolicy.valueOf(policy.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "portcullis.token.policy must be SAME_DATE, SAME_PERIOD or SAME_FACTOR, not " + policy,
          e);
    }
    try {
      extension =
          new TokenExtension(
              chosen,
              Durations.positive("portcullis.token.lifetime", lifetime),
              Durations.positive("portcullis.token.period", period),
              Durations.positive("portcullis.token.ceiling", ceiling));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "portcullis.token.lifetime / period / ceiling: " + e.getMessage(), e);
    }
    keep = Durations.positive("portcullis.token.keep-expired", keepExpired);
  }

  public TokenExtension extension() {
    return extension;
  }

  public Duration keepExpired() {
    return keep;
  }
}
