package org.portcullis.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PortcullisClockTest {

  @Test
  void aFrozenClockStandsStillUntilMovedAndResetRestartsIt() throws InterruptedException {
    PortcullisClock clock = new PortcullisClock();
    clock.freeze();
    Instant frozen = clock.now();
    Thread.sleep(5);
    assertEquals(frozen, clock.now(), "no time passes while frozen");

    clock.advance(Duration.ofSeconds(7));
    assertEquals(frozen.plusSeconds(7), clock.now(), "moved by exactly the offset, still frozen");

    clock.reset();
    Instant running = clock.now();
    Thread.sleep(5);
    assertTrue(clock.now().isAfter(running), "the system clock again");
  }

  @Test
  void nowIsInWholeMicroseconds() {
    PortcullisClock clock = new PortcullisClock();
    assertEquals(0, clock.now().getNano() % 1_000);
  }
}
