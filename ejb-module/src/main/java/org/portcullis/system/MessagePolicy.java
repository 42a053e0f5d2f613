package org.portcullis.system;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.portcullis.error.DomainException;

/**
 * How a sender's secure messages behave: the longest retention it may ask for (also what a message
 * gets when it asks for none) and where its customers' replies are pushed. Immutable value; the
 * webhook's signing secret is kept apart, sealed, on the system.
 */
@Embeddable
public class MessagePolicy {

  public static final Duration DEFAULT_MAX_RETENTION = Duration.ofDays(7);

  /** A message lives at least this long: less could not even reach a handset reliably. */
  public static final Duration MIN_RETENTION = Duration.ofMinutes(5);

  /** The longest retention staff may allow a sender. */
  public static final Duration LONGEST_RETENTION = Duration.ofDays(90);

  public static final int MAX_URL_LENGTH = 2000;

  @Column(name = "message_max_retention_seconds", nullable = false)
  private long maxRetentionSeconds;

  @Column(name = "webhook_url")
  private String webhookUrl;

  protected MessagePolicy() {}

  /**
   * @param webhookUrl null for none
   * @throws DomainException bad input naming the field at fault
   */
  public MessagePolicy(Duration maxRetention, String webhookUrl) {
    if (maxRetention.compareTo(MIN_RETENTION) < 0
        || maxRetention.compareTo(LONGEST_RETENTION) > 0) {
      throw DomainException.badInput(
          "invalid-message-policy",
          "messages.maxRetention",
          "The longest retention must be between PT5M and P90D");
    }
    this.maxRetentionSeconds = maxRetention.toSeconds();
    this.webhookUrl = webhookUrl == null ? null : checkedUrl(webhookUrl);
  }

  public static MessagePolicy defaults() {
    return new MessagePolicy(DEFAULT_MAX_RETENTION, null);
  }

  /** This policy with another longest retention. */
  public MessagePolicy withMaxRetention(Duration maxRetention) {
    return new MessagePolicy(maxRetention, webhookUrl);
  }

  /** This policy with another webhook URL (null: none). */
  public MessagePolicy withWebhookUrl(String url) {
    return new MessagePolicy(maxRetention(), url);
  }

  /**
   * A receiver's URL: absolute https, or http to a loopback address (a receiver on the same host).
   *
   * @throws DomainException bad input naming {@code url}
   */
  public static String checkedUrl(String url) {
    URI uri;
    try {
      uri = url.length() > MAX_URL_LENGTH ? null : new URI(url.strip());
    } catch (URISyntaxException e) {
      uri = null;
    }
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme();
    String host = uri == null || uri.getHost() == null ? "" : uri.getHost();
    boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    if (uri == null
        || host.isEmpty()
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null
        || !(scheme.toLowerCase(Locale.ROOT).equals("https")
            || (scheme.toLowerCase(Locale.ROOT).equals("http") && loopback))) {
      throw DomainException.badInput(
          "invalid-webhook-url",
          "url",
          "The webhook URL must be an https URL (http only to localhost), without user or"
              + " fragment, of at most 2000 characters");
    }
    return uri.toString();
  }

  /**
   * The retention a message gets: the sender's longest when it asks for none.
   *
   * @throws DomainException bad input naming {@code retention}
   */
  public Duration retentionFor(Duration asked) {
    if (asked == null) {
      return maxRetention();
    }
    if (asked.compareTo(MIN_RETENTION) < 0 || asked.compareTo(maxRetention()) > 0) {
      throw DomainException.badInput(
          "invalid-retention",
          "retention",
          "retention must be between PT5M and this sender's longest, " + maxRetention());
    }
    return asked;
  }

  public Duration maxRetention() {
    return Duration.ofSeconds(maxRetentionSeconds);
  }

  public Optional<String> webhookUrl() {
    return Optional.ofNullable(webhookUrl);
  }
}
