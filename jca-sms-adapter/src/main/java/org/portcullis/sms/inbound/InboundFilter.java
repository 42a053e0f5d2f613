package org.portcullis.sms.inbound;

import java.util.Locale;
import java.util.Optional;
import org.portcullis.sms.api.InboundSms;

/**
 * Which delivered messages one endpoint receives: a kind, optionally an exact destination address
 * (the service number), optionally a keyword (the first word of a mobile-originated text).
 *
 * <p>Addresses compare without a leading {@code +}, since gateways differ in whether they send one;
 * otherwise exactly. The keyword compares case-insensitively with the text's first
 * whitespace-separated word, and applies to mobile-originated messages only: a filter with a
 * keyword never matches a delivery receipt.
 *
 * <p>Thread-safety: immutable.
 *
 * @param kind which kind of message
 * @param destinationAddress the address messages must be sent to, if any
 * @param keyword the required first word, if any
 */
public record InboundFilter(
    KindFilter kind, Optional<String> destinationAddress, Optional<String> keyword) {

  /** Which kinds of message a filter accepts. */
  public enum KindFilter {
    MOBILE_ORIGINATED,
    DELIVERY_RECEIPT,
    ANY
  }

  /**
   * Reads a filter from activation properties.
   *
   * @throws IllegalFilterException naming the property that is wrong
   */
  public static InboundFilter of(String kind, String destinationAddress, String keyword) {
    KindFilter k;
    try {
      k =
          kind == null || kind.isBlank()
              ? KindFilter.ANY
              : KindFilter.valueOf(kind.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalFilterException(
          "kind", "must be MOBILE_ORIGINATED, DELIVERY_RECEIPT or ANY, not '" + kind + "'");
    }
    Optional<String> destination = Optional.empty();
    if (destinationAddress != null && !destinationAddress.isBlank()) {
      String d = destinationAddress.trim();
      if (d.length() > 21 || !d.matches("\\+?[0-9A-Za-z ]+")) {
        throw new IllegalFilterException(
            "destinationAddress", "must be a number or short code of at most 21 characters");
      }
      destination = Optional.of(withoutPlus(d));
    }
    Optional<String> word = Optional.empty();
    if (keyword != null && !keyword.isBlank()) {
      String w = keyword.trim();
      if (w.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalFilterException("keyword", "must be a single word");
      }
      if (k == KindFilter.DELIVERY_RECEIPT) {
        throw new IllegalFilterException(
            "keyword", "applies to mobile-originated messages; kind is DELIVERY_RECEIPT");
      }
      word = Optional.of(w);
    }
    return new InboundFilter(k, destination, word);
  }

  /** Whether the endpoint with this filter wants the message. */
  public boolean matches(InboundSms sms) {
    switch (kind) {
      case MOBILE_ORIGINATED:
        if (sms.kind() != InboundSms.Kind.MOBILE_ORIGINATED) {
          return false;
        }
        break;
      case DELIVERY_RECEIPT:
        if (sms.kind() != InboundSms.Kind.DELIVERY_RECEIPT) {
          return false;
        }
        break;
      default:
        break;
    }
    if (destinationAddress.isPresent()
        && (sms.to() == null || !destinationAddress.get().equals(withoutPlus(sms.to().trim())))) {
      return false;
    }
    if (keyword.isPresent()) {
      return sms.kind() == InboundSms.Kind.MOBILE_ORIGINATED
          && firstWord(sms.text()).equalsIgnoreCase(keyword.get());
    }
    return true;
  }

  static String firstWord(String text) {
    if (text == null) {
      return "";
    }
    String trimmed = text.strip();
    int end = 0;
    while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
      end++;
    }
    return trimmed.substring(0, end);
  }

  private static String withoutPlus(String address) {
    return address.startsWith("+") ? address.substring(1) : address;
  }

  /** An activation property has a value no filter can be made of. */
  public static final class IllegalFilterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String property;

    IllegalFilterException(String property, String problem) {
      super(property + ": " + problem);
      this.property = property;
    }

    public String property() {
      return property;
    }
  }
}
