package org.portcullis.system;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import org.portcullis.error.DomainException;
import org.portcullis.pinpad.PinPadAlgorithm;
import org.portcullis.pinpad.PinPadLayout;

/** How a relying system's PIN pads look and behave. Immutable value. */
@Embeddable
public class PinPadPolicy {

  /** SPEC §3.6: a PIN pad session lives 2 minutes by default. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);

  static final Duration MAX_TTL = Duration.ofMinutes(10);
  static final Duration MIN_TTL = Duration.ofSeconds(30);

  @Enumerated(EnumType.STRING)
  @Column(name = "pinpad_algorithm", nullable = false)
  private PinPadAlgorithm algorithm;

  @Enumerated(EnumType.STRING)
  @Column(name = "pinpad_layout", nullable = false)
  private PinPadLayout layout;

  @Column(name = "pinpad_shuffle", nullable = false)
  private boolean shuffle;

  @Column(name = "pinpad_text_mode", nullable = false)
  private boolean textMode;

  @Column(name = "pinpad_ttl_seconds", nullable = false)
  private long ttlSeconds;

  protected PinPadPolicy() {}

  /**
   * @throws DomainException (bad input) when the lifetime is outside 30 seconds to 10 minutes
   */
  public PinPadPolicy(
      PinPadAlgorithm algorithm,
      PinPadLayout layout,
      boolean shuffle,
      boolean textMode,
      Duration ttl) {
    if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw DomainException.badInput(
          "invalid-pinpad-policy",
          "pinpad.ttl",
          "PIN pad lifetime must be between PT30S and PT10M");
    }
    this.algorithm = algorithm;
    this.layout = layout;
    this.shuffle = shuffle;
    this.textMode = textMode;
    this.ttlSeconds = ttl.toSeconds();
  }

  /**
   * A policy from what staff gave; every null takes the default (STANDARD, PHONE, shuffled, no text
   * mode, {@link #DEFAULT_TTL}).
   */
  public static PinPadPolicy of(
      PinPadAlgorithm algorithm,
      PinPadLayout layout,
      Boolean shuffle,
      Boolean textMode,
      Duration ttl) {
    PinPadPolicy defaults = defaults();
    return new PinPadPolicy(
        algorithm == null ? defaults.algorithm : algorithm,
        layout == null ? defaults.layout : layout,
        shuffle == null ? defaults.shuffle : shuffle,
        textMode == null ? defaults.textMode : textMode,
        ttl == null ? defaults.ttl() : ttl);
  }

  public static PinPadPolicy defaults() {
    return new PinPadPolicy(PinPadAlgorithm.STANDARD, PinPadLayout.PHONE, true, false, DEFAULT_TTL);
  }

  public PinPadAlgorithm algorithm() {
    return algorithm;
  }

  public PinPadLayout layout() {
    return layout;
  }

  public boolean shuffle() {
    return shuffle;
  }

  public boolean textMode() {
    return textMode;
  }

  public Duration ttl() {
    return Duration.ofSeconds(ttlSeconds);
  }
}
