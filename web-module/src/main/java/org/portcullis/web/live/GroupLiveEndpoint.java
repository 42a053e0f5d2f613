package org.portcullis.web.live;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.portcullis.group.GroupLive;
import org.portcullis.group.GroupLiveTickets;
import org.portcullis.group.LiveFrames;

/**
 * A member's live socket of a group: {@code /ws/v1/groups/{groupId}?ticket=…}, the ticket from
 * {@code POST /api/v1/groups/{groupId}/live-tickets}. Jakarta WebSocket has no portable way to
 * refuse a handshake, so the ticket is redeemed when the socket opens and a refused one closes it
 * at once with {@link GroupLive#CLOSE_TICKET_REFUSED}, before anything is sent.
 *
 * <p>One instance per socket (the container's default for annotated endpoints); the hub ({@link
 * GroupLive}, an EJB singleton) holds every rule. Frames larger than 64 KiB are refused by the
 * container ({@code maxMessageSize}) and close the socket with 1009.
 */
@ServerEndpoint("/ws/v1/groups/{groupId}")
public class GroupLiveEndpoint {

  private static final Logger LOG = Logger.getLogger(GroupLiveEndpoint.class.getName());

  /** A socket without a frame for this long is closed; clients ping every minute. */
  static final Duration IDLE = Duration.ofMinutes(5);

  @Inject GroupLiveTickets tickets;
  @Inject GroupLive live;

  private GroupLive.Seat seat;
  private SessionSink sink;

  @OnOpen
  public void open(Session session, @PathParam("groupId") String groupId) {
    session.setMaxIdleTimeout(IDLE.toMillis());
    List<String> given = session.getRequestParameterMap().get("ticket");
    Optional<GroupLive.Seat> redeemed =
        tickets.redeem(groupId, given == null || given.size() != 1 ? null : given.get(0));
    if (redeemed.isEmpty()) {
      SessionSink.close(session, GroupLive.CLOSE_TICKET_REFUSED, "ticket refused");
      return;
    }
    seat = redeemed.get();
    sink = new SessionSink(session);
    live.attach(seat, sink);
  }

  @OnMessage(maxMessageSize = LiveFrames.MAX_FRAME_CHARS)
  public void message(String frame) {
    if (seat != null) {
      live.receive(seat, sink, frame);
    }
  }

  @OnClose
  public void closed(Session session, CloseReason reason) {
    if (seat != null) {
      live.detach(seat, sink);
    }
  }

  @OnError
  public void failed(Session session, Throwable failure) {
    // a client that vanished is normal; the socket closes and detaches on its own
    LOG.log(
        failure instanceof IOException ? Level.FINE : Level.INFO,
        "A group socket failed: {0}",
        failure.toString());
  }
}
