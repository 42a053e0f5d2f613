package org.portcullis.pinpad;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One session's pad: algorithm, scramble, offset n, and which slot each location occupies (SPEC
 * §3.6). Cells have locations 1..10; a click on location L adds the character {@code L mod 10} to
 * the one-time code (OTC). Every algorithm maps displayed digits to locations one-to-one, so {@link
 * #recoverPin} inverts {@link #otcFor} and the server compares the recovered PIN with the stored
 * hash instead of ever storing the PIN.
 *
 * <p>{@link #encode()} writes version 1 as six fields separated by {@code ;}:
 *
 * <pre>1;ALGORITHM;LAYOUT;SCRAMBLE;N;SLOTS</pre>
 *
 * e.g. {@code 1;STANDARD;PHONE;7302859164;0;0,1,2,3,4,5,6,7,8,9}: {@code SCRAMBLE} is S[1]..S[10]
 * ({@code -} for {@code ADD_N}, which has none); {@code N} is the offset, 1..9 for {@code ADD_N}
 * and 0 otherwise; {@code SLOTS} lists, for locations 1..10 in order, the 0-based index into {@link
 * PinPadLayout#slots()} of the slot the cell occupies (0..9 in order when not shuffled). Only this
 * canonical form decodes. The encoding reveals the PIN to anyone holding the OTC, so it stays on
 * the server like any other secret and is never logged; {@link #toString()} omits it.
 *
 * <p>Immutable and thread-safe.
 */
public final class PinPad {

  /** Number of cells on every pad. */
  static final int CELLS = 10;

  private static final String VERSION = "1";
  private static final String NO_SCRAMBLE = "-";

  private final PinPadAlgorithm algorithm;
  private final PinPadLayout layout;
  private final Scramble scramble; // null for ADD_N, which has no scramble
  private final int offset; // n for ADD_N, 0 otherwise
  private final int[] slotOf; // slotOf[L - 1]: index into layout.slots() of location L
  private final int[] shown; // shown[L - 1]: digit displayed on location L
  private final int[] locationShowing; // locationShowing[d]: location displaying digit d

  private PinPad(
      PinPadAlgorithm algorithm, PinPadLayout layout, Scramble scramble, int offset, int[] slotOf) {
    this.algorithm = algorithm;
    this.layout = layout;
    this.scramble = scramble;
    this.offset = offset;
    this.slotOf = slotOf;
    this.shown = new int[CELLS];
    this.locationShowing = new int[CELLS];
    for (int location = 1; location <= CELLS; location++) {
      int digit =
          switch (algorithm) {
            case STANDARD -> scramble.positionOf(location % 10) % 10;
            case REVERSE -> scramble.digitAt(location);
            case ADD_N -> Math.floorMod(location - offset, 10);
          };
      shown[location - 1] = digit;
      locationShowing[digit] = location;
    }
  }

  /**
   * Draws a new session's pad. {@code ADD_N} draws n from 1..9: n = 0 would make the OTC equal the
   * PIN.
   *
   * @param shuffle whether to place the ten locations in the layout's slots in random order
   */
  public static PinPad random(
      PinPadAlgorithm algorithm, PinPadLayout layout, boolean shuffle, SecureRandom random) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(random, "random");
    boolean addN = algorithm == PinPadAlgorithm.ADD_N;
    Scramble scramble = addN ? null : Scramble.random(random);
    int offset = addN ? 1 + random.nextInt(9) : 0;
    int[] slotOf =
        shuffle ? Scramble.permutation(random) : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    return new PinPad(algorithm, layout, scramble, offset, slotOf);
  }

  /**
   * Reads the form {@link #encode()} writes (see the class comment).
   *
   * @throws IllegalArgumentException if {@code encoded} is null or not in the canonical form
   */
  public static PinPad decode(String encoded) {
    if (encoded == null) {
      throw new IllegalArgumentException("no encoded PIN pad");
    }
    String[] fields = encoded.split(";", -1);
    if (fields.length != 6 || !VERSION.equals(fields[0])) {
      throw new IllegalArgumentException("not a version " + VERSION + " PIN pad encoding");
    }
    PinPadAlgorithm algorithm = PinPadAlgorithm.valueOf(fields[1]);
    PinPadLayout layout = PinPadLayout.valueOf(fields[2]);
    boolean addN = algorithm == PinPadAlgorithm.ADD_N;
    if (addN != NO_SCRAMBLE.equals(fields[3])) {
      throw new IllegalArgumentException("ADD_N and only ADD_N has no scramble");
    }
    Scramble scramble = addN ? null : Scramble.parse(fields[3]);
    int offset = digit(fields[4]);
    if (addN == (offset == 0)) {
      throw new IllegalArgumentException("offset must be 1..9 for ADD_N and 0 otherwise");
    }
    return new PinPad(algorithm, layout, scramble, offset, slots(fields[5]));
  }

  /** The compact, versioned form described in the class comment; secret. */
  public String encode() {
    StringBuilder text = new StringBuilder(48);
    text.append(VERSION).append(';').append(algorithm).append(';').append(layout).append(';');
    text.append(scramble == null ? NO_SCRAMBLE : scramble.toString()).append(';');
    text.append(offset).append(';');
    for (int i = 0; i < CELLS; i++) {
      text.append(i == 0 ? "" : ",").append(slotOf[i]);
    }
    return text.toString();
  }

  public PinPadAlgorithm algorithm() {
    return algorithm;
  }

  public PinPadLayout layout() {
    return layout;
  }

  /** The digit (0..9) shown on the cell at {@code location} (1..10). */
  public int displayedDigit(int location) {
    return shown[checkLocation(location) - 1];
  }

  /** Where the cell at {@code location} (1..10) sits, after shuffling if the pad is shuffled. */
  public CellPosition position(int location) {
    return layout.slots().get(slotOf[checkLocation(location) - 1]);
  }

  /**
   * The OTC a customer produces by clicking, for each PIN digit, the cell that shows it.
   *
   * @throws IllegalArgumentException unless {@code pin} is one or more ASCII digits
   */
  public String otcFor(String pin) {
    if (!isDigits(pin)) {
      throw new IllegalArgumentException("a PIN is one or more ASCII digits");
    }
    StringBuilder otc = new StringBuilder(pin.length());
    for (int i = 0; i < pin.length(); i++) {
      otc.append((char) ('0' + locationShowing[pin.charAt(i) - '0'] % 10));
    }
    return otc.toString();
  }

  /**
   * The PIN the clicks behind {@code otc} mean: each character c is the location c (0 meaning 10),
   * which showed one digit. Length policy is the caller's.
   *
   * @return empty if {@code otc} is null, empty or holds anything but ASCII digits
   */
  public Optional<String> recoverPin(String otc) {
    if (!isDigits(otc)) {
      return Optional.empty();
    }
    StringBuilder pin = new StringBuilder(otc.length());
    for (int i = 0; i < otc.length(); i++) {
      int location = otc.charAt(i) == '0' ? 10 : otc.charAt(i) - '0';
      pin.append((char) ('0' + shown[location - 1]));
    }
    return Optional.of(pin.toString());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PinPad that
        && algorithm == that.algorithm
        && layout == that.layout
        && Objects.equals(scramble, that.scramble)
        && offset == that.offset
        && Arrays.equals(slotOf, that.slotOf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(algorithm, layout, scramble, offset, Arrays.hashCode(slotOf));
  }

  /** Algorithm and layout only: the scramble and offset are secrets and must not reach logs. */
  @Override
  public String toString() {
    return "PinPad[" + algorithm + ", " + layout + "]";
  }

  private static int checkLocation(int location) {
    if (location < 1 || location > CELLS) {
      throw new IllegalArgumentException("location must be 1..10: " + location);
    }
    return location;
  }

  private static boolean isDigits(String text) {
    return text != null && !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static int digit(String field) {
    if (field.length() != 1 || field.charAt(0) < '0' || field.charAt(0) > '9') {
      throw new IllegalArgumentException("expected one digit");
    }
    return field.charAt(0) - '0';
  }

  private static int[] slots(String field) {
    String[] parts = field.split(",", -1);
    if (parts.length != CELLS) {
      throw new IllegalArgumentException("expected ten slots");
    }
    int[] slotOf = new int[CELLS];
    boolean[] taken = new boolean[CELLS];
    for (int i = 0; i < CELLS; i++) {
      slotOf[i] = digit(parts[i]);
      if (taken[slotOf[i]]) {
        throw new IllegalArgumentException("slots must be a permutation of 0..9");
      }
      taken[slotOf[i]] = true;
    }
    return slotOf;
  }
}
