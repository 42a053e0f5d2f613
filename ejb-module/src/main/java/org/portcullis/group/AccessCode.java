package org.portcullis.group;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A group's access code in Crockford's base32 (https://www.crockford.com/base32.html): the digits
 * and the letters without I, L, O and U, five bits per character, read without regard to case, with
 * {@code O} read as {@code 0}, {@code I} and {@code L} as {@code 1}, and hyphens and spaces
 * ignored, so that a code read out or typed from a mail comes out the same.
 *
 * <p>The server makes codes of {@value #GENERATED_LENGTH} characters (80 bits) and shows them in
 * groups of four; a creator's own code must carry at least {@value #MIN_BITS} bits (10 characters)
 * and not be trivially patterned (see {@link #weakness()}).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the code.
 */
public final class AccessCode {

  /** Crockford's symbols, in the order of their values 0-31. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /** 16 characters of 5 bits: 80 bits. */
  public static final int GENERATED_LENGTH = 16;

  /** The least a creator's own code must carry. */
  public static final int MIN_BITS = 50;

  /** Longer codes are refused before hashing: Argon2 of a megabyte is a denial of service. */
  public static final int MAX_LENGTH = 64;

  /** Blocks repeated to make up a code, up to this length, count as a pattern. */
  static final int MAX_REPEATED_BLOCK = 4;

  private static final int GROUP = 4;

  private final String canonical;

  private AccessCode(String canonical) {
    this.canonical = canonical;
  }

  /** A fresh code of {@value #GENERATED_LENGTH} random symbols, never a weak one. */
  public static AccessCode generate(RandomGenerator random) {
    while (true) {
      StringBuilder code = new StringBuilder(GENERATED_LENGTH);
      for (int i = 0; i < GENERATED_LENGTH; i++) {
        code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      AccessCode made = new AccessCode(code.toString());
      // a pattern has a chance of about 2^-60 in 16 random symbols; never hand one out anyway
      if (made.weakness().isEmpty()) {
        return made;
      }
    }
  }

  /**
   * Reads a code as a person may write it: any case, {@code O}/{@code I}/{@code L} for {@code
   * 0}/{@code 1}/{@code 1}, with hyphens or spaces between groups.
   *
   * @throws IllegalArgumentException naming what is wrong (a symbol outside the alphabet, none at
   *     all, too many); never quoting the code
   */
  public static AccessCode parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("the code is missing");
    }
    if (text.length() > 2 * MAX_LENGTH) {
      throw new IllegalArgumentException("the code is longer than " + MAX_LENGTH + " symbols");
    }
    StringBuilder canonical = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toUpperCase(text.charAt(i));
      if (c == '-' || c == ' ') {
        continue;
      }
      if (c == 'O') {
        c = '0';
      } else if (c == 'I' || c == 'L') {
        c = '1';
      }
      if (c > 127 || ALPHABET.indexOf(c) < 0) {
        throw new IllegalArgumentException(
            "the code may hold only the digits and the letters A-Z without U (Crockford base32)");
      }
      canonical.append(c);
    }
    if (canonical.length() == 0) {
      throw new IllegalArgumentException("the code is empty");
    }
    if (canonical.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the code is longer than " + MAX_LENGTH + " symbols");
    }
    return new AccessCode(canonical.toString());
  }

  /** The bits a code of random symbols of this length carries: five per symbol. */
  public int bits() {
    return canonical.length() * 5;
  }

  /**
   * Why this code is too weak to open a group, or empty when it is strong enough: fewer than
   * {@value #MIN_BITS} bits; every symbol a fixed step from the one before through the alphabet
   * (one symbol repeated, {@code 0123…}, {@code ZYXW…}, {@code 02468…}, wrapping round after {@code
   * Z}); or a block of up to {@value #MAX_REPEATED_BLOCK} symbols repeated ({@code ABABAB…}).
   */
  public Optional<String> weakness() {
    if (bits() < MIN_BITS) {
      return Optional.of(
          "the code must have at least "
              + MIN_BITS / 5
              + " symbols ("
              + MIN_BITS
              + " bits); this one has "
              + canonical.length());
    }
    int step = Math.floorMod(value(1) - value(0), ALPHABET.length());
    boolean constantStep = true;
    for (int i = 2; i < canonical.length() && constantStep; i++) {
      constantStep = Math.floorMod(value(i) - value(i - 1), ALPHABET.length()) == step;
    }
    if (constantStep) {
      return Optional.of(
          step == 0
              ? "the code is one symbol repeated"
              : "the code is a run through the alphabet (such as 0123… or ZYXW…)");
    }
    for (int block = 2; block <= MAX_REPEATED_BLOCK; block++) {
      if (repeats(block)) {
        return Optional.of("the code repeats a block of " + block + " symbols");
      }
    }
    return Optional.empty();
  }

  /** The code without separators, upper case: what is hashed and what keys are derived from. */
  public String canonical() {
    return canonical;
  }

  /** The code in groups of four separated by hyphens, as people are shown it. */
  public String grouped() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < canonical.length(); i += GROUP) {
      if (i > 0) {
        text.append('-');
      }
      text.append(canonical, i, Math.min(canonical.length(), i + GROUP));
    }
    return text.toString();
  }

  private boolean repeats(int block) {
    for (int i = block; i < canonical.length(); i++) {
      if (canonical.charAt(i) != canonical.charAt(i - block)) {
        return false;
      }
    }
    return true;
  }

  private int value(int index) {
    return ALPHABET.indexOf(canonical.charAt(index));
  }

  @Override
  public String toString() {
    return "AccessCode[" + canonical.length() + " symbols]";
  }
}
