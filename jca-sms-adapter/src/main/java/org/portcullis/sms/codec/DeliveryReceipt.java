package org.portcullis.sms.codec;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a delivery receipt text in the de-facto format of SMPP 3.4 appendix B: {@code
 * id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E
 * text:...}.
 *
 * <p>Gateways vary: fields may be missing, in another case, or separated by more spaces, and {@code
 * text:} runs to the end. {@link #parse} takes what is there; the caller prefers the {@code
 * receipted_message_id} and {@code message_state} TLVs when the gateway sends them.
 *
 * <p>Thread-safety: immutable.
 *
 * @param id the message id the receipt is about, or null
 * @param submitted {@code sub:}, or null
 * @param delivered {@code dlvrd:}, or null
 * @param submitDate {@code submit date:} as sent (YYMMDDhhmm[ss]), or null
 * @param doneDate {@code done date:} as sent, or null
 * @param state {@code stat:} upper-cased ({@code DELIVRD}, {@code UNDELIV}, …), or null
 * @param error {@code err:}, or null
 * @param text {@code text:} (the start of the original message), or null
 */
public record DeliveryReceipt(
    String id,
    String submitted,
    String delivered,
    String submitDate,
    String doneDate,
    String state,
    String error,
    String text) {

  private static final Pattern FIELD =
      Pattern.compile(
          "(?i)(?:^|(?<=\\s))(id|sub|dlvrd|submit\\s+date|done\\s+date|stat|err|text)\\s*:");

  /**
   * Reads a receipt text; empty when it has neither an id nor a state, i.e. is no receipt at all.
   */
  public static Optional<DeliveryReceipt> parse(String receiptText) {
    if (receiptText == null) {
      return Optional.empty();
    }
    String[] values = new String[8];
    Matcher matcher = FIELD.matcher(receiptText);
    int field = -1;
    int valueStart = 0;
    while (matcher.find()) {
      if (field >= 0) {
        values[field] = receiptText.substring(valueStart, matcher.start()).trim();
      }
      field = index(matcher.group(1));
      valueStart = matcher.end();
      if (field == 7) {
        break; // text: runs to the end and may itself contain "id:" and the like
      }
    }
    if (field >= 0) {
      values[field] = receiptText.substring(valueStart).trim();
    }
    if (values[5] != null) {
      values[5] = values[5].toUpperCase(Locale.ROOT);
    }
    if (blank(values[0]) && blank(values[5])) {
      return Optional.empty();
    }
    return Optional.of(
        new DeliveryReceipt(
            emptyToNull(values[0]),
            emptyToNull(values[1]),
            emptyToNull(values[2]),
            emptyToNull(values[3]),
            emptyToNull(values[4]),
            emptyToNull(values[5]),
            emptyToNull(values[6]),
            values[7]));
  }

  private static int index(String key) {
    String k = key.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    switch (k) {
      case "id":
        return 0;
      case "sub":
        return 1;
      case "dlvrd":
        return 2;
      case "submit date":
        return 3;
      case "done date":
        return 4;
      case "stat":
        return 5;
      case "err":
        return 6;
      default:
        return 7;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String emptyToNull(String s) {
    return blank(s) ? null : s;
  }

  /**
   * The receipt state name (SMPP 3.4 appendix B) of a {@code message_state} TLV value (§5.2.28), or
   * empty for a value SMPP 3.4 does not define.
   */
  public static Optional<String> stateName(int messageState) {
    switch (messageState) {
      case 1:
        return Optional.of("ENROUTE");
      case 2:
        return Optional.of("DELIVRD");
      case 3:
        return Optional.of("EXPIRED");
      case 4:
        return Optional.of("DELETED");
      case 5:
        return Optional.of("UNDELIV");
      case 6:
        return Optional.of("ACCEPTD");
      case 7:
        return Optional.of("UNKNOWN");
      case 8:
        return Optional.of("REJECTD");
      default:
        return Optional.empty();
    }
  }

  @Override
  public String toString() {
    // the text excerpt may carry a one-time code
    return "DeliveryReceipt[id=" + id + ", state=" + state + ", error=" + error + "]";
  }
}
