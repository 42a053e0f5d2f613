package org.portcullis.outbox.internal;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.SendFailedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.CommException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why an attempt to hand a message to the SMS gateway or the mail server failed, and what that
 * means for the message.
 *
 * @param kind what to do about it
 * @param description for staff: exception types and messages with any secret scrubbed, one line
 */
public record SendFailure(Kind kind, String description) {

  /** What a failure means for the message. */
  public enum Kind {
    /**
     * The gateway could not be used at all (unreachable, not bound, refused our credentials): not
     * the message's fault, so it does not use up an attempt, and the drain stops for this round.
     */
    UNAVAILABLE,
    /** The gateway answered and refused, or the outcome is unknown: counts as an attempt. */
    RETRY,
    /** Trying again cannot help (the server rejected the address; the text cannot be opened). */
    PERMANENT
  }

  private static final int MAX_CAUSES = 4;

  /**
   * What the SMS resource adapter's error codes ({@link ResourceException#getErrorCode()}) mean for
   * a message. {@code NOT_BOUND}: no SMPP session (the gateway is down or refused the bind); {@code
   * IO_ERROR}: the link broke; {@code NOT_TRANSMITTER}: the adapter is bound as a receiver. The
   * others say the message itself cannot go: a bad address or a text too long, also when the
   * gateway says so ({@code ESME_R…} command statuses, SMPP 3.4 §5.1.3). {@code TIMEOUT} (no answer
   * to the submission) and every other code count as an attempt.
   */
  static final Map<String, Kind> SMS_ERROR_CODES =
      Map.ofEntries(
          Map.entry("NOT_BOUND", Kind.UNAVAILABLE),
          Map.entry("IO_ERROR", Kind.UNAVAILABLE),
          Map.entry("NOT_TRANSMITTER", Kind.UNAVAILABLE),
          Map.entry("INVALID_ADDRESS", Kind.PERMANENT),
          Map.entry("MESSAGE_TOO_LONG", Kind.PERMANENT),
          Map.entry("INVALID_PDU", Kind.PERMANENT),
          Map.entry("ESME_RINVDSTADR", Kind.PERMANENT),
          Map.entry("ESME_RINVDSTTON", Kind.PERMANENT),
          Map.entry("ESME_RINVDSTNPI", Kind.PERMANENT),
          Map.entry("ESME_RINVMSGLEN", Kind.PERMANENT));

  public static SendFailure permanent(String description) {
    return new SendFailure(Kind.PERMANENT, description);
  }

  /**
   * Classifies a failure, looking down its chain of causes: an SMS adapter error code in {@link
   * #SMS_ERROR_CODES} decides; a {@link CommException} (the JCA type for a failed link to the EIS),
   * any {@link IOException} or a mail authentication or provider failure means {@link
   * Kind#UNAVAILABLE}; a mail server's rejection of the address means {@link Kind#PERMANENT};
   * anything else {@link Kind#RETRY}.
   *
   * @param secrets texts that must not appear in the description (the message's text, subject)
   */
  public static SendFailure of(Throwable failure, String... secrets) {
    Kind kind = Kind.RETRY;
    for (Throwable cause : chain(failure)) {
      if (cause instanceof ResourceException refused
          && refused.getErrorCode() != null
          && SMS_ERROR_CODES.containsKey(refused.getErrorCode())) {
        kind = SMS_ERROR_CODES.get(refused.getErrorCode());
        break;
      }
      if (cause instanceof SendFailedException refused
          && refused.getInvalidAddresses() != null
          && refused.getInvalidAddresses().length > 0) {
        kind = Kind.PERMANENT;
        break;
      }
      if (cause instanceof CommException
          || cause instanceof IOException
          || cause instanceof AuthenticationFailedException
          || cause instanceof NoSuchProviderException) {
        kind = Kind.UNAVAILABLE;
        break;
      }
    }
    String prefix =
        switch (kind) {
          case UNAVAILABLE -> "gateway unavailable, not counted as an attempt: ";
          case PERMANENT -> "refused for good: ";
          case RETRY -> "";
        };
    return new SendFailure(kind, prefix + describe(failure, secrets));
  }

  /** {@code Type: message; caused by Type: message}, on one line, secrets replaced. */
  static String describe(Throwable failure, String... secrets) {
    List<String> parts = new ArrayList<>();
    for (Throwable cause : chain(failure)) {
      if (parts.size() == MAX_CAUSES) {
        break;
      }
      String message = cause.getMessage();
      parts.add(
          cause.getClass().getSimpleName()
              + (message == null || message.isBlank() ? "" : ": " + message));
    }
    String description = String.join("; caused by ", parts);
    List<String> scrub = new ArrayList<>();
    for (String secret : secrets) {
      if (secret != null && secret.strip().length() >= 4) {
        scrub.add(secret);
        scrub.add(secret.strip());
      }
    }
    // longest first, so that a secret containing another is scrubbed whole
    scrub.sort(Comparator.comparingInt(String::length).reversed());
    for (String secret : scrub) {
      description = description.replace(secret, "[redacted]");
    }
    description = description.replaceAll("[\\r\\n\\t]+", " ");
    return description.length() <= OutboxMessage.MAX_ERROR
        ? description
        : description.substring(0, OutboxMessage.MAX_ERROR);
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      chain.add(cause);
    }
    return chain;
  }
}
