package org.portcullis.outbox.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.portcullis.outbox.WebhookSignature;

/**
 * POSTs one webhook push to its receiver, signed as Standard Webhooks specifies, outside any
 * transaction. Redirects are never followed (the secret's signature belongs to the configured URL).
 * A 2xx answer is acceptance; anything else, and any failure to connect, is an attempt that counts,
 * so one receiver that is down never holds up the pushes to the others.
 *
 * <p>Thread-safe: the HTTP client is.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookGateway {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private HttpClient http;

  @PostConstruct
  void start() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * @return empty when the receiver accepted the push, else why it did not
   */
  public Optional<SendFailure> send(WebhookOutboxMessage row, WebhookContent content, Instant now)
      throws InterruptedException {
    long timestamp = now.getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(row.recipient()))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header(WebhookSignature.ID_HEADER, row.eventId())
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(
                WebhookSignature.SIGNATURE_HEADER,
                new WebhookSignature(content.secret())
                    .sign(row.eventId(), timestamp, content.body()))
            .POST(HttpRequest.BodyPublishers.ofString(content.body(), StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300
          ? Optional.empty()
          : Optional.of(new SendFailure(SendFailure.Kind.RETRY, "the receiver answered " + status));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.of(
          new SendFailure(
              SendFailure.Kind.RETRY,
              "the receiver could not be reached: " + SendFailure.describe(e, content.secret())));
    }
  }
}
