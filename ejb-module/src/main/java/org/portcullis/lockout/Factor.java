package org.portcullis.lockout;

/** An authentication factor with its own failure counter. */
public enum Factor {
  PATTERN,
  PINPAD,
  PASSWORD,
  OTP
}
