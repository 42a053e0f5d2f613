package org.portcullis.group;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The live side of the groups: members' WebSockets on this node, the entries pushed to them, the
 * signalling relayed between them. Sockets are opened with a single-use ticket ({@link
 * GroupLiveTickets}); the web tier's endpoint attaches each one here as a {@link Sink}.
 *
 * <p><b>Per node.</b> The sockets of a node are known to that node only. An entry is pushed at once
 * to the sockets of the node that stored it, and within about a second to those of every other
 * node, whose relay reads the database for entries after what it pushed ({@link #pushedUpTo}); each
 * socket gets each entry once. Closing, leaving and membership are checked against the database by
 * every node's sweep, so a socket of a closed group or a departed member closes on every node
 * within one sweep. Signalling and presence stay per node ({@code docs/private-groups.md}).
 */
public interface GroupLive {

  /** The group closed (expiry, creator or staff). */
  int CLOSE_GROUP_CLOSED = 4000;

  /** The member left the group. */
  int CLOSE_LEFT = 4001;

  /** The handshake's ticket was refused (unknown, used, expired, or not this group's). */
  int CLOSE_TICKET_REFUSED = 4401;

  /** The member sent frames faster than allowed. */
  int CLOSE_TOO_FAST = 4429;

  /**
   * One member's place on a socket, as the ticket said when it was redeemed.
   *
   * @param lastSeq the stream's newest entry then, so the client can fetch what it missed
   */
  record Seat(
      String groupId, String memberId, boolean rebroadcast, Instant expiresAt, long lastSeq) {}

  /** One socket, as the web tier writes to it. Implementations must not block. */
  interface Sink {
    /** Queues one text frame. */
    void send(String json);

    /** Closes the socket with an application close code. */
    void close(int code, String reason);
  }

  /** Attaches a socket: it gets the welcome, the others see the member online. */
  void attach(Seat seat, Sink sink);

  /** Detaches a closed socket: when it was the member's last, the others see it offline. */
  void detach(Seat seat, Sink sink);

  /**
   * Handles a frame a member sent: relays a signal to every socket of its addressee on this node,
   * answers a ping; anything else, or an addressee not online here, is answered with an {@code
   * error} frame to the sender alone.
   */
  void receive(Seat seat, Sink sink, String frame);

  /**
   * Pushes a stored entry to every socket of the group on this node, unless it was pushed already
   * (by the node that stored it, or by the relay).
   */
  void publishEntry(String groupId, GroupMessages.Entry entry);

  /**
   * The groups with a socket on this node, each with the sequence number up to which every stored
   * entry has been pushed here: the relay pushes what comes after.
   */
  Map<String, Long> pushedUpTo();

  /** The relay pushed every entry of the group up to {@code seq}. */
  void pushedUpTo(String groupId, long seq);

  /** Closes every socket of the group on this node. */
  void closeGroup(String groupId, int code, String reason);

  /** Closes every socket of one member on this node. */
  void closeMember(String groupId, String memberId, int code, String reason);

  /** The members with a socket on this node, by group: what the sweep checks. */
  Map<String, Set<String>> seats();
}
