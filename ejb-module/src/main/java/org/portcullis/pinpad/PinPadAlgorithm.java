package org.portcullis.pinpad;

/**
 * How a PIN pad maps the digit a cell displays to the character its click adds to the one-time code
 * (SPEC §3.6). Each is a bijection on the ten digits, so the server recovers the PIN from the code;
 * {@link PinPad} holds the formulas.
 */
public enum PinPadAlgorithm {
  /** Cell L displays the position of digit L in the scramble; PIN digit d gives S[d]. */
  STANDARD,
  /** Cell L displays S[L]; PIN digit d gives its position in the scramble. */
  REVERSE,
  /** Cell L displays (L − n) mod 10 for a per-session n in 1..9; the scramble is unused. */
  ADD_N
}
