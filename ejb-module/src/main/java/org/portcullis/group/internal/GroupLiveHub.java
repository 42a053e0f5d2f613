package org.portcullis.group.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.portcullis.group.GroupLive;
import org.portcullis.group.GroupMessages;
import org.portcullis.group.GroupRuleException;
import org.portcullis.group.LiveFrames;
import org.portcullis.throttle.TokenBucket;
import org.portcullis.time.PortcullisClock;

/**
 * This node's live sockets, by group and member, in memory: a socket lives on one node. Entries
 * stored through another node reach them through {@link GroupRelay}. Thread-safe without locks:
 * concurrent maps, and sinks that never block. Nothing here is stored or logged: signalling passes
 * through, entries were stored before they get here.
 *
 * <p>A member may send {@value #FRAMES_PER_SECOND} frames a second (a burst of {@value
 * #FRAME_BURST}): ICE gathering sends a few dozen candidates at once, a loop sends far more; a
 * socket over the rate is closed ({@link GroupLive#CLOSE_TOO_FAST}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GroupLiveHub implements GroupLive {

  static final double FRAMES_PER_SECOND = 50;
  static final int FRAME_BURST = 200;

  private static final TokenBucket.Rate FRAME_RATE =
      new TokenBucket.Rate(FRAMES_PER_SECOND, FRAME_BURST);

  /** One attached socket. */
  private record Socket(Seat seat, TokenBucket frames) {}

  /** group id → sink → its socket. */
  private final Map<String, Map<Sink, Socket>> groups = new ConcurrentHashMap<>();

  /** group id → what was pushed to its sockets here, while it has any. */
  private final Map<String, Pushed> pushed = new ConcurrentHashMap<>();

  /**
   * The entries of one group pushed on this node: every one up to {@code upTo}, and those above it
   * one by one (pushed by the node that stored them before the relay got there). Each entry is
   * claimed once, by whichever comes first.
   */
  private static final class Pushed {
    private long upTo;
    private final Set<Long> above = new HashSet<>();

    Pushed(long upTo) {
      this.upTo = upTo;
    }

    synchronized boolean claim(long seq) {
      return seq > upTo && above.add(seq);
    }

    synchronized void advance(long seq) {
      if (seq > upTo) {
        upTo = seq;
        above.removeIf(s -> s <= seq);
      }
    }

    synchronized long upTo() {
      return upTo;
    }
  }

  @EJB PortcullisClock clock;

  @Override
  public void attach(Seat seat, Sink sink) {
    Map<Sink, Socket> group =
        groups.computeIfAbsent(seat.groupId(), id -> new ConcurrentHashMap<>());
    boolean first = !online(group).contains(seat.memberId());
    // entries up to the seat's last one are the client's to fetch; the ones after are pushed
    pushed.computeIfAbsent(seat.groupId(), id -> new Pushed(seat.lastSeq()));
    group.put(sink, new Socket(seat, new TokenBucket(FRAME_RATE, clock.now())));
    sink.send(
        LiveFrames.welcome(
            seat.groupId(),
            seat.memberId(),
            seat.rebroadcast(),
            seat.expiresAt(),
            online(group),
            seat.lastSeq()));
    if (first) {
      toOthers(group, seat.memberId(), LiveFrames.presence(seat.memberId(), true));
    }
  }

  @Override
  public void detach(Seat seat, Sink sink) {
    Map<Sink, Socket> group = groups.get(seat.groupId());
    if (group == null || group.remove(sink) == null) {
      return;
    }
    if (!online(group).contains(seat.memberId())) {
      toOthers(group, seat.memberId(), LiveFrames.presence(seat.memberId(), false));
    }
    if (groups.computeIfPresent(seat.groupId(), (id, sinks) -> sinks.isEmpty() ? null : sinks)
        == null) {
      pushed.remove(seat.groupId());
    }
  }

  @Override
  public void receive(Seat seat, Sink sink, String frame) {
    Map<Sink, Socket> group = groups.getOrDefault(seat.groupId(), Map.of());
    Socket socket = group.get(sink);
    if (socket == null) {
      return; // closed meanwhile
    }
    if (socket.frames().tryAcquire(clock.now()).isPresent()) {
      sink.close(CLOSE_TOO_FAST, "too many frames");
      return;
    }
    LiveFrames.Signal signal;
    try {
      signal = LiveFrames.parse(frame);
    } catch (GroupRuleException refused) {
      sink.send(LiveFrames.error(refused.type(), refused.getMessage()));
      return;
    }
    if (signal.isPing()) {
      sink.send(LiveFrames.pong());
      return;
    }
    if (signal.to().equals(seat.memberId())) {
      sink.send(LiveFrames.error("invalid-frame", "a member does not signal itself"));
      return;
    }
    List<Sink> addressee =
        group.entrySet().stream()
            .filter(e -> e.getValue().seat().memberId().equals(signal.to()))
            .map(Map.Entry::getKey)
            .toList();
    if (addressee.isEmpty()) {
      sink.send(
          LiveFrames.error(
              "member-offline", "no member " + signal.to() + " of this group is online here"));
      return;
    }
    String relayed = LiveFrames.relayed(signal, seat.memberId());
    addressee.forEach(target -> target.send(relayed));
  }

  @Override
  public void publishEntry(String groupId, GroupMessages.Entry entry) {
    Pushed seen = pushed.get(groupId);
    if (seen == null || !seen.claim(entry.seq())) {
      return; // no socket here, or pushed already
    }
    String frame = LiveFrames.entry(entry);
    groups.getOrDefault(groupId, Map.of()).keySet().forEach(sink -> sink.send(frame));
  }

  @Override
  public Map<String, Long> pushedUpTo() {
    Map<String, Long> upTo = new HashMap<>();
    pushed.forEach((groupId, seen) -> upTo.put(groupId, seen.upTo()));
    return upTo;
  }

  @Override
  public void pushedUpTo(String groupId, long seq) {
    Pushed seen = pushed.get(groupId);
    if (seen != null) {
      seen.advance(seq);
    }
  }

  @Override
  public void closeGroup(String groupId, int code, String reason) {
    pushed.remove(groupId);
    Map<Sink, Socket> group = groups.remove(groupId);
    if (group != null) {
      group.keySet().forEach(sink -> sink.close(code, reason));
    }
  }

  @Override
  public void closeMember(String groupId, String memberId, int code, String reason) {
    Map<Sink, Socket> group = groups.getOrDefault(groupId, Map.of());
    List<Sink> sinks =
        group.entrySet().stream()
            .filter(e -> e.getValue().seat().memberId().equals(memberId))
            .map(Map.Entry::getKey)
            .toList();
    sinks.forEach(
        sink -> {
          group.remove(sink);
          sink.close(code, reason);
        });
    if (!sinks.isEmpty()) {
      toOthers(group, memberId, LiveFrames.presence(memberId, false));
    }
  }

  @Override
  public Map<String, Set<String>> seats() {
    Map<String, Set<String>> seats = new HashMap<>();
    groups.forEach((groupId, sinks) -> seats.put(groupId, online(sinks)));
    return seats;
  }

  private static Set<String> online(Map<Sink, Socket> group) {
    return group.values().stream().map(s -> s.seat().memberId()).collect(Collectors.toSet());
  }

  private static void toOthers(Map<Sink, Socket> group, String memberId, String frame) {
    group.forEach(
        (sink, socket) -> {
          if (!socket.seat().memberId().equals(memberId)) {
            sink.send(frame);
          }
        });
  }
}
