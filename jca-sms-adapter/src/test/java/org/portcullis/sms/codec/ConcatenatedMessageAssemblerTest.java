package org.portcullis.sms.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConcatenatedMessageAssemblerTest {

  private final MutableClock clock = new MutableClock();
  private final ConcatenatedMessageAssembler assembler =
      new ConcatenatedMessageAssembler(clock, Duration.ofMinutes(10), 3);
  private final ConcatenatedMessageAssembler.Key key =
      new ConcatenatedMessageAssembler.Key("+447700900123", "12345", 7, 3);

  @Test
  void assemblesPartsInAnyOrder() {
    assertTrue(assembler.add(key, 3, 0, Gsm7.encode("!")).isEmpty());
    assertTrue(assembler.add(key, 1, 0, Gsm7.encode("Hello")).isEmpty());
    assertEquals(
        "Hello, world!", assembler.add(key, 2, 0, Gsm7.encode(", world")).orElseThrow().text());
  }

  @Test
  void decodesTheJoinedBytesSoACharacterSplitAcrossPartsSurvives() {
    byte[] bytes = "a😀".getBytes(StandardCharsets.UTF_16BE); // 00 61 D8 3D DE 00
    ConcatenatedMessageAssembler.Key two = new ConcatenatedMessageAssembler.Key("a", "b", 1, 2);
    assembler.add(two, 1, 8, Arrays.copyOfRange(bytes, 0, 4));
    assertEquals(
        "a😀", assembler.add(two, 2, 8, Arrays.copyOfRange(bytes, 4, 6)).orElseThrow().text());
  }

  @Test
  void aRedeliveredPartReplacesTheFirstCopy() {
    assembler.add(key, 1, 0, Gsm7.encode("A"));
    assembler.add(key, 1, 0, Gsm7.encode("A"));
    assembler.add(key, 2, 0, Gsm7.encode("B"));
    assertEquals("ABC", assembler.add(key, 3, 0, Gsm7.encode("C")).orElseThrow().text());
  }

  @Test
  void aCompleteMessageStaysUntilRemovedSoARedeliveredLastPartCompletesItAgain() {
    assembler.add(key, 1, 0, Gsm7.encode("A"));
    assembler.add(key, 2, 0, Gsm7.encode("B"));
    assembler.add(key, 3, 0, Gsm7.encode("C"));
    assertEquals("ABC", assembler.add(key, 3, 0, Gsm7.encode("C")).orElseThrow().text());
    assembler.remove(key);
    assertEquals(0, assembler.pendingCount());
  }

  @Test
  void dropsIncompleteMessagesAfterMaxAge() {
    assembler.add(key, 1, 0, Gsm7.encode("A"));
    clock.advance(Duration.ofMinutes(11));
    assertEquals(0, assembler.pendingCount());
    assertTrue(assembler.add(key, 2, 0, Gsm7.encode("B")).isEmpty());
  }

  @Test
  void dropsTheOldestWhenTooManyArePending() {
    for (int reference = 0; reference < 5; reference++) {
      assembler.add(
          new ConcatenatedMessageAssembler.Key("a", "b", reference, 2), 1, 0, new byte[] {0x41});
    }
    assertEquals(3, assembler.pendingCount());
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2024-01-31T12:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
