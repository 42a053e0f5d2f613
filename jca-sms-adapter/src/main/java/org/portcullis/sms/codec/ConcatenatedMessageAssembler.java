package org.portcullis.sms.codec;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts the parts of concatenated messages from handsets back together.
 *
 * <p>Parts are keyed by sender, recipient, reference and part count, and held as raw user data so
 * that the whole message is decoded once: a character that a sender split across parts (which TS
 * 23.040 discourages but does not forbid) still comes out right. A part that arrives again replaces
 * the earlier copy, so a gateway's redelivery does not duplicate text. A completed message stays
 * until {@link #remove} — callers remove it once it has been handed on, so that a failed hand-over
 * followed by a redelivered last part completes it again. Incomplete messages are dropped after
 * {@code maxAge}, and the oldest when more than {@code maxPending} are open, so a stream of lone
 * parts cannot grow memory without bound.
 *
 * <p>Thread-safety: thread-safe (every method synchronises on the assembler).
 */
public final class ConcatenatedMessageAssembler {

  /** Identifies one concatenated message. */
  public record Key(String from, String to, int reference, int total) {
    public Key {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** A complete message: its key and the decoded text. */
  public record Assembled(Key key, String text) {
    @Override
    public String toString() {
      return "Assembled[" + key + "]"; // never the text
    }
  }

  private static final class Pending {
    final Instant started;
    final int dataCoding;
    final TreeMap<Integer, byte[]> parts = new TreeMap<>();

    Pending(Instant started, int dataCoding) {
      this.started = started;
      this.dataCoding = dataCoding;
    }
  }

  private final Clock clock;
  private final Duration maxAge;
  private final int maxPending;
  private final LinkedHashMap<Key, Pending> pending = new LinkedHashMap<>();

  public ConcatenatedMessageAssembler(Clock clock, Duration maxAge, int maxPending) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxAge.isNegative() || maxAge.isZero() || maxPending < 1) {
      throw new IllegalArgumentException("maxAge and maxPending must be positive");
    }
    this.maxAge = maxAge;
    this.maxPending = maxPending;
  }

  /**
   * Adds one part.
   *
   * @param key the message the part belongs to
   * @param sequence the part's number (1..total)
   * @param dataCoding the part's {@code data_coding}; the first part's wins
   * @param userData the part's user data without its header
   * @return the whole message once every part is there
   */
  public synchronized Optional<Assembled> add(
      Key key, int sequence, int dataCoding, byte[] userData) {
    if (sequence < 1 || sequence > key.total()) {
      throw new IllegalArgumentException("part " + sequence + " of " + key.total());
    }
    Instant now = clock.instant();
    evictExpired(now);
    Pending message = pending.get(key);
    if (message == null) {
      while (pending.size() >= maxPending) {
        Iterator<Key> oldest = pending.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
      message = new Pending(now, dataCoding);
      pending.put(key, message);
    }
    message.parts.put(sequence, userData.clone());
    if (message.parts.size() < key.total()) {
      return Optional.empty();
    }
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    message.parts.values().forEach(joined::writeBytes);
    return Optional.of(
        new Assembled(key, SmsDecoder.decode(message.dataCoding, joined.toByteArray())));
  }

  /** Forgets a message, complete or not. */
  public synchronized void remove(Key key) {
    pending.remove(key);
  }

  /** How many messages are waiting for parts (or to be removed). */
  public synchronized int pendingCount() {
    evictExpired(clock.instant());
    return pending.size();
  }

  private void evictExpired(Instant now) {
    Instant cutoff = now.minus(maxAge);
    for (Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      if (it.next().getValue().started.isBefore(cutoff)) {
        it.remove();
      }
    }
  }
}
