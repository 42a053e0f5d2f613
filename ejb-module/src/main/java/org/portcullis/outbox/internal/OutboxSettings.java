package org.portcullis.outbox.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.config.Durations;
import org.portcullis.mail.MailAddresses;
import org.portcullis.outbox.RetrySchedule;

/**
 * The outboxes' settings, read and checked once at start-up, so that a bad value stops the
 * deployment with the setting's name instead of failing every two seconds later.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th></th></tr>
 *   <tr><td>{@code portcullis.outbox.max-attempts}</td><td>8</td><td>refused attempts before a
 *       message is FAILED</td></tr>
 *   <tr><td>{@code portcullis.outbox.webhook-max-attempts}</td><td>16</td><td>the same for
 *       webhook pushes, whose receivers are other banks' systems: with the default backoff about
 *       two hours of trying</td></tr>
 *   <tr><td>{@code portcullis.outbox.retry-initial}</td><td>PT5S</td><td>delay after the first
 *       failed attempt, doubling</td></tr>
 *   <tr><td>{@code portcullis.outbox.retry-max}</td><td>PT10M</td><td>the cap of the delay</td></tr>
 *   <tr><td>{@code portcullis.outbox.batch-size}</td><td>10</td><td>rows a drain claims at once
 *       (1-100)</td></tr>
 *   <tr><td>{@code portcullis.outbox.claim-timeout}</td><td>PT5M</td><td>after this a claim of a
 *       drain that died is given back; a drain starts no send in the second half of its
 *       claim</td></tr>
 *   <tr><td>{@code portcullis.outbox.retention}</td><td>P30D</td><td>settled rows (SENT,
 *       DELIVERED, FAILED) are deleted this long after their last change</td></tr>
 *   <tr><td>{@code portcullis.mail.from}</td><td>{@code Portcullis
 *       <no-reply@portcullis.local>}</td><td>the From of every mail</td></tr>
 * </table>
 *
 * <p>Thread-safe: immutable after start-up.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxSettings {

  @Inject
  @ConfigProperty(name = "portcullis.outbox.max-attempts", defaultValue = "8")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "portcullis.outbox.webhook-max-attempts", defaultValue = "16")
  int webhookMaxAttempts;

  @Inject
  @ConfigProperty(name = "portcullis.outbox.retry-initial", defaultValue = "PT5S")
  String retryInitial;

  @Inject
  @ConfigProperty(name = "portcullis.outbox.retry-max", defaultValue = "PT10M")
  String retryMax;

  @Inject
  @ConfigProperty(name = "portcullis.outbox.batch-size", defaultValue = "10")
  int batchSize;

  @Inject
  @ConfigProperty(name = "portcullis.outbox.claim-timeout", defaultValue = "PT5M")
  String claimTimeout;

  @Inject
  @ConfigProperty(name = "portcullis.outbox.retention", defaultValue = "P30D")
  String retention;

  @Inject
  @ConfigProperty(
      name = "portcullis.mail.from",
      defaultValue = "Portcullis <no-reply@portcullis.local>")
  String mailFrom;

  private RetrySchedule schedule;
  private RetrySchedule webhookSchedule;
  private Duration claim;
  private Duration keep;
  private InternetAddress from;

  @PostConstruct
  void read() {
    try {
      schedule =
          new RetrySchedule(
              maxAttempts,
              Durations.positive("portcullis.outbox.retry-initial", retryInitial),
              Durations.positive("portcullis.outbox.retry-max", retryMax),
              RetrySchedule.DEFAULT_JITTER);
      webhookSchedule =
          new RetrySchedule(
              webhookMaxAttempts, schedule.initial(), schedule.max(), RetrySchedule.DEFAULT_JITTER);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "portcullis.outbox.max-attempts / webhook-max-attempts / retry-initial / retry-max: "
              + e.getMessage(),
          e);
    }
    if (batchSize < 1 || batchSize > 100) {
      throw new IllegalStateException("portcullis.outbox.batch-size must be 1 to 100");
    }
    claim = Durations.positive("portcullis.outbox.claim-timeout", claimTimeout);
    if (claim.compareTo(Duration.ofSeconds(30)) < 0) {
      throw new IllegalStateException("portcullis.outbox.claim-timeout must be at least PT30S");
    }
    keep = Durations.positive("portcullis.outbox.retention", retention);
    if (keep.compareTo(Duration.ofHours(1)) < 0) {
      throw new IllegalStateException("portcullis.outbox.retention must be at least PT1H");
    }
    try {
      from = MailAddresses.sender(mailFrom);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("portcullis.mail.from: " + e.getMessage(), e);
    }
  }

  /** When a row of this outbox is tried again, and when it is given up. */
  public RetrySchedule retrySchedule(Class<? extends OutboxMessage> type) {
    return type == WebhookOutboxMessage.class ? webhookSchedule : schedule;
  }

  public int batchSize() {
    return batchSize;
  }

  public Duration claimTimeout() {
    return claim;
  }

  public Duration retention() {
    return keep;
  }

  /** A copy: {@link InternetAddress} is mutable. */
  public InternetAddress mailFrom() {
    return (InternetAddress) from.clone();
  }
}
