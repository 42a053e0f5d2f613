package org.portcullis.message.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.config.Durations;
import org.portcullis.config.PublicUrl;

/**
 * Secure-message settings, read and checked once at start-up so that a bad value stops the
 * deployment with the setting's name.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th></th></tr>
 *   <tr><td>{@code portcullis.messages.open-url}</td><td>{@code <portcullis.public-url>/app/#/messages/{messageId}}</td>
 *       <td>the link in the SMS notice: a deep link the bank's app opens; {@code {messageId}} is
 *       replaced</td></tr>
 *   <tr><td>{@code portcullis.messages.enroll-url}</td><td>{@code <portcullis.public-url>/app/#/enroll}</td>
 *       <td>the link in the notice to a customer with no handset that can read the message: where
 *       to get the app and enroll</td></tr>
 *   <tr><td>{@code portcullis.messages.keep-closed}</td><td>P30D</td><td>how long an expired or
 *       deleted message's metadata (never content) stays for senders and staff</td></tr>
 * </table>
 *
 * <p>Callers reach it through its EJB proxy: its accessors must stay public.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MessageSettings {

  static final String MESSAGE_ID = "{messageId}";

  @Inject
  @ConfigProperty(name = "portcullis.messages.open-url")
  Optional<String> openUrl;

  @Inject
  @ConfigProperty(name = "portcullis.messages.enroll-url")
  Optional<String> enrollUrl;

  @Inject
  @ConfigProperty(name = "portcullis.messages.keep-closed", defaultValue = "P30D")
  String keepClosed;

  @EJB PublicUrl publicUrl;

  private String open;
  private String enroll;
  private Duration keep;

  @PostConstruct
  void read() {
    String base = publicUrl.base();
    open =
        url("portcullis.messages.open-url", openUrl.orElse(base + "/app/#/messages/" + MESSAGE_ID));
    if (!open.contains(MESSAGE_ID)) {
      throw new IllegalStateException(
          "portcullis.messages.open-url must contain " + MESSAGE_ID + ", which the id replaces");
    }
    enroll = url("portcullis.messages.enroll-url", enrollUrl.orElse(base + "/app/#/enroll"));
    keep = Durations.positive("portcullis.messages.keep-closed", keepClosed);
  }

  private static String url(String name, String value) {
    try {
      URI uri = new URI(value.strip().replace(MESSAGE_ID, "x"));
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalStateException(name + " must be an http(s) URL");
      }
      return value.strip();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(name + " is not a URL: " + e.getMessage(), e);
    }
  }

  /** The deep link that opens a message in the bank's app. */
  public String openLink(String messageId) {
    return open.replace(MESSAGE_ID, messageId);
  }

  /** Where a customer without a readable handset gets the app and enrolls. */
  public String enrollLink() {
    return enroll;
  }

  public Duration keepClosed() {
    return keep;
  }
}
