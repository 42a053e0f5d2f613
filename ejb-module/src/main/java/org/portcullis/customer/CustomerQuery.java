package org.portcullis.customer;

import java.util.Locale;
import java.util.Optional;

/**
 * What staff typed in the customer search box, read as an account, a phone number or both. Every
 * part that is present is an alternative (the search matches a customer that fits any of them);
 * none present means every customer.
 *
 * <ul>
 *   <li>Blank: every customer.
 *   <li>{@code +} and digits (spaces and dashes ignored), e.g. {@code +44 7700 900}: MSISDNs that
 *       start with {@code +447700900}. Accounts never contain {@code +}, so nothing else.
 *   <li>At least {@value #MIN_PHONE_DIGITS} digits, spaces and dashes only: a phone number without
 *       its {@code +}, or a numeric account. It matches
 *       <ul>
 *         <li>with a leading {@code 00} (the international call prefix): MSISDNs that start with
 *             {@code +} and the digits after it ({@code 0044 7700} → {@code +447700…});
 *         <li>otherwise MSISDNs that contain the digits anywhere, after dropping one leading {@code
 *             0} (the national trunk prefix): {@code 07700 900123} finds {@code +447700900123}, and
 *             so do {@code 7700900123}, {@code 447700900123} and {@code 900123}. Customers' MSISDNs
 *             are stored in E.164 ({@link Customer#MSISDN_PATTERN}), which has no trunk prefix, so
 *             the national form only ever matches as a substring;
 *       </ul>
 *       and also accounts that start with the text as typed (banks often number accounts).
 *   <li>Anything else: accounts that start with it, ignoring case.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param accountPrefix lower-case prefix of the account, or null
 * @param msisdnPrefix {@code +} and digits the MSISDN starts with, or null
 * @param msisdnDigits digits the MSISDN contains, or null
 */
public record CustomerQuery(String accountPrefix, String msisdnPrefix, String msisdnDigits) {

  /** Fewer digits than this (without a {@code +}) read as the start of an account. */
  public static final int MIN_PHONE_DIGITS = 4;

  /** The longest MSISDN: {@code +} and 15 digits (E.164). */
  static final int MAX_MSISDN_LENGTH = 16;

  private static final String SEPARATORS = "[ \\-]";

  /** The query {@code text} stands for; null or blank is every customer. */
  public static CustomerQuery of(String text) {
    if (text == null || text.isBlank()) {
      return new CustomerQuery(null, null, null);
    }
    String typed = text.strip();
    String compact = typed.replaceAll(SEPARATORS, "");
    if (compact.matches("\\+[0-9]+")) {
      return new CustomerQuery(null, compact, null);
    }
    String account = typed.toLowerCase(Locale.ROOT);
    if (typed.matches("[0-9 \\-]+") && compact.length() >= MIN_PHONE_DIGITS) {
      if (compact.startsWith("00")) {
        return new CustomerQuery(account, "+" + compact.substring(2), null);
      }
      String digits = compact.startsWith("0") ? compact.substring(1) : compact;
      return new CustomerQuery(account, null, digits);
    }
    return new CustomerQuery(account, null, null);
  }

  /** Whether the query matches every customer. */
  public boolean isAll() {
    return accountPrefix == null && msisdnPrefix == null && msisdnDigits == null;
  }

  /**
   * The greatest MSISDN that starts with {@link #msisdnPrefix()}: the prefix padded with {@code 9}s
   * to the longest E.164 number. Searching the range from the prefix to this bound, instead of
   * {@code LIKE 'prefix%'}, lets PostgreSQL use the MSISDN index whatever the database's collation
   * (a LIKE prefix needs the C collation or a {@code varchar_pattern_ops} index); it is exact
   * because stored MSISDNs are only {@code +} and digits.
   */
  public Optional<String> msisdnUpperBound() {
    return Optional.ofNullable(msisdnPrefix)
        .map(p -> p + "9".repeat(Math.max(0, MAX_MSISDN_LENGTH - p.length())));
  }
}
