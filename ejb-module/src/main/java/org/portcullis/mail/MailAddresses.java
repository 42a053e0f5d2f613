package org.portcullis.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** What Portcullis accepts as a recipient's e-mail address. */
public final class MailAddresses {

  /** A plain address {@code local@domain.tld}, without a display name: what staff type. */
  public static final String EMAIL_PATTERN =
      "[^@\\s<>,;\"]{1,64}@[^@\\s<>,;\"]{1,189}\\.[^@\\s<>,;\"]{1,63}";

  private MailAddresses() {}

  public static boolean isValid(String address) {
    if (address == null || address.length() > 254 || !address.matches(EMAIL_PATTERN)) {
      return false;
    }
    try {
      new InternetAddress(address, true).validate();
      return true;
    } catch (AddressException e) {
      return false;
    }
  }

  /**
   * The sender address from a setting such as {@code Portcullis <no-reply@portcullis.local>}.
   *
   * @throws IllegalArgumentException when it is not one RFC 822 address
   */
  public static InternetAddress sender(String setting) {
    try {
      InternetAddress[] parsed = InternetAddress.parse(setting, true);
      if (parsed.length != 1) {
        throw new IllegalArgumentException("exactly one sender address is needed");
      }
      parsed[0].validate();
      return parsed[0];
    } catch (AddressException e) {
      throw new IllegalArgumentException("not a sender address: " + e.getMessage(), e);
    }
  }

  /** The domain of an address, for Message-IDs. */
  public static String domainOf(InternetAddress address) {
    String value = address.getAddress();
    return value.substring(value.lastIndexOf('@') + 1);
  }
}
