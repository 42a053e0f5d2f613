package org.portcullis.group;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The live side of the groups: members' WebSockets on this node, the entries pushed to them, the
 * signalling relayed between them. Sockets are opened with a single-use ticket ({@link
 * GroupLiveTickets}); the web tier's endpoint attaches each one here as a {@link Sink}.
 *
 * <p><b>Per node.</b> The sockets of a node are known to that node only. Entries reach members on
 * other nodes by fetching ({@link GroupMessages#since}); closing, leaving and membership are
 * checked against the database by every node's sweep, so a socket of a closed group or a departed
 * member closes on every node within one sweep. What two nodes would need beyond that (a fan-out of
 * entries and signalling between nodes) is written down in {@code docs/private-groups.md}.
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

  /** Pushes a frame to every socket of the group on this node. */
  void publish(String groupId, String frame);

  /** Closes every socket of the group on this node. */
  void closeGroup(String groupId, int code, String reason);

  /** Closes every socket of one member on this node. */
  void closeMember(String groupId, String memberId, int code, String reason);

  /** The members with a socket on this node, by group: what the sweep checks. */
  Map<String, Set<String>> seats();
}
