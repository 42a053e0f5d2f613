package org.portcullis.customer;

import java.util.Set;
import java.util.regex.Pattern;
import org.portcullis.error.DomainException;

/**
 * Names of customer profile attributes (SPEC §3.5): {@code address}, {@code phone}, {@code email},
 * {@code dateOfBirth} or any custom name of 1-64 of {@code a-z A-Z 0-9 . _ -} starting with a
 * letter, such as {@code custom.loyaltyNumber}. Names are not secret; values are.
 */
public final class AttributeNames {

  public static final int MAX_ATTRIBUTES = 50;
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

  private AttributeNames() {}

  public static boolean valid(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * The names, checked.
   *
   * @throws DomainException bad input naming the first bad name
   */
  public static Set<String> check(Set<String> names) {
    if (names == null) {
      return Set.of();
    }
    if (names.size() > MAX_ATTRIBUTES) {
      throw DomainException.badInput(
          "invalid-attribute-name", "attributes", "At most " + MAX_ATTRIBUTES + " attributes");
    }
    for (String name : names) {
      if (!valid(name)) {
        throw DomainException.badInput(
            "invalid-attribute-name",
            "attributes",
            "Attribute names are 1-64 letters, digits, '.', '_' or '-', starting with a letter");
      }
    }
    return Set.copyOf(names);
  }
}
