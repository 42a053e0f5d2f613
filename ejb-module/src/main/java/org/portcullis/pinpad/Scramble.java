package org.portcullis.pinpad;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A permutation S of the ten digits at positions 1..10 (SPEC §3.6); position 10 stands for 0 in
 * codes. The scramble is the session's secret: whoever knows it can read the PIN from the code, so
 * never log {@link #toString()}. Immutable and thread-safe.
 */
public final class Scramble {

  private static final int SIZE = 10;

  /** digits[p - 1] = S[p]. */
  private final int[] digits;

  /** positions[d] = the position (1..10) of digit d. */
  private final int[] positions;

  private Scramble(int[] digits) {
    this.digits = digits;
    this.positions = new int[SIZE];
    for (int p = 1; p <= SIZE; p++) {
      positions[digits[p - 1]] = p;
    }
  }

  /**
   * Draws a uniformly random scramble (Fisher–Yates); a biased shuffle would make some codes
   * likelier and help a guesser.
   */
  public static Scramble random(SecureRandom random) {
    return new Scramble(permutation(random));
  }

  /** A uniformly random permutation of 0..9 (Fisher–Yates); also shuffles cell slots. */
  static int[] permutation(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    int[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    for (int i = SIZE - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
    return values;
  }

  /**
   * Reads the form {@link #toString()} writes.
   *
   * @throws IllegalArgumentException unless {@code tenDigits} is a permutation of 0-9
   */
  public static Scramble parse(String tenDigits) {
    if (tenDigits == null || tenDigits.length() != SIZE) {
      throw new IllegalArgumentException("a scramble is ten digits");
    }
    int[] digits = new int[SIZE];
    boolean[] seen = new boolean[SIZE];
    for (int i = 0; i < SIZE; i++) {
      char c = tenDigits.charAt(i);
      if (c < '0' || c > '9' || seen[c - '0']) {
        throw new IllegalArgumentException("a scramble is a permutation of 0-9");
      }
      digits[i] = c - '0';
      seen[digits[i]] = true;
    }
    return new Scramble(digits);
  }

  /** S[position]: the digit at {@code position} (1..10). */
  public int digitAt(int position) {
    if (position < 1 || position > SIZE) {
      throw new IllegalArgumentException("position must be 1..10: " + position);
    }
    return digits[position - 1];
  }

  /** The position (1..10) of {@code digit} (0..9) in S. */
  public int positionOf(int digit) {
    if (digit < 0 || digit > 9) {
      throw new IllegalArgumentException("digit must be 0..9: " + digit);
    }
    return positions[digit];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Scramble that && Arrays.equals(digits, that.digits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digits);
  }

  /** The ten digits S[1]..S[10], e.g. {@code "7302859164"}; secret, see the class comment. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(SIZE);
    for (int digit : digits) {
      text.append((char) ('0' + digit));
    }
    return text.toString();
  }
}
