package org.portcullis.pinpad;

import java.time.Instant;
import java.util.List;
import org.portcullis.system.RelyingSystem;

/** Scrambled PIN pad sessions (SPEC §3.6): open one, serve its digit images, verify one answer. */
public interface PinPadService {

  /**
   * One key of the pad as the relying system lays it out.
   *
   * @param location 1..10; location 10 stands for 0 in codes
   * @param digit the digit the key shows, only when the system allows text mode; otherwise null
   */
  record Cell(int location, int row, int col, Integer digit) {}

  record OpenedPad(String sessionKey, Instant expiresAt, int rows, int cols, List<Cell> cells) {}

  enum Result {
    OK,
    FAIL,
    EXPIRED,
    LOCKED
  }

  /**
   * Opens a PIN pad for {@code account}. An unknown account gets a pad that looks the same and can
   * never succeed.
   */
  OpenedPad open(RelyingSystem caller, String account);

  /** The PNG image of one key of an open pad. */
  byte[] cellImage(String sessionKey, int location);

  /** Checks the one answer a pad accepts. */
  Result verify(RelyingSystem caller, String sessionKey, String otc);
}
