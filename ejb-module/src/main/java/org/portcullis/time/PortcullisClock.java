package org.portcullis.time;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Every rule about time (expiry, lockout delays, token lifetimes) reads this clock, never {@link
 * Instant#now()} directly, so that in-container tests can move time forward.
 *
 * <p>It is an EJB singleton so that every module of the application sees the same instance. The
 * offset is only ever changed by code running inside the server (tests); no endpoint exposes it.
 * Thread-safe: the clock is a volatile immutable value.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PortcullisClock {

  private volatile Clock clock = Clock.systemUTC();

  /**
   * The current instant in whole microseconds: the precision in which the database (H2 and
   * PostgreSQL {@code TIMESTAMP WITH TIME ZONE}) stores it, so that an instant computed from now
   * and answered to a client is the very instant that was stored.
   */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The current clock, for code that wants a {@link Clock} (it does not follow later moves). */
  public Clock clock() {
    return clock;
  }

  /** Moves the server's time forward (or back) by {@code offset} from where it is now. */
  public void advance(Duration offset) {
    clock = Clock.offset(clock, offset);
  }

  /**
   * Stops the clock at the current instant until {@link #advance} moves it or {@link #reset}
   * restarts it: for a test whose outcome must not depend on how fast the machine answers.
   */
  public void freeze() {
    clock = Clock.fixed(clock.instant(), clock.getZone());
  }

  /** Returns to the system clock. */
  public void reset() {
    clock = Clock.systemUTC();
  }
}
