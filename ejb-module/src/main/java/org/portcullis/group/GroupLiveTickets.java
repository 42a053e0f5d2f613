package org.portcullis.group;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tickets that open a member's WebSocket. A client cannot always set {@code Authorization} on a
 * WebSocket handshake (browsers never can), so it trades its access token for a ticket over HTTPS
 * and opens the socket with the ticket: single use, {@link #TTL} long, only its HMAC stored.
 */
public interface GroupLiveTickets {

  Duration TTL = Duration.ofSeconds(30);

  /**
   * @param ticket the secret to open the socket with (shown once)
   * @param url the socket's URL, the ticket in its query
   */
  record Ticket(String ticket, String url, Instant expiresAt) {
    @Override
    public String toString() {
      return "Ticket[expiresAt=" + expiresAt + "]";
    }
  }

  /**
   * A ticket for the caller's socket of its group.
   *
   * @throws org.portcullis.error.DomainException {@value GroupProblems#UNKNOWN_GROUP} (404),
   *     {@value GroupProblems#GROUP_CLOSED} (410)
   */
  Ticket issue(String groupId, GroupCaller caller);

  /**
   * Uses a ticket: the seat it opens when it is this group's, unused, unexpired, and its member and
   * group still there; empty otherwise. Audited either way.
   */
  Optional<GroupLive.Seat> redeem(String groupId, String ticket);
}
