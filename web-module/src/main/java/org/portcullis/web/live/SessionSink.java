package org.portcullis.web.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import org.portcullis.group.GroupLive;

/**
 * The hub's handle on one socket. Sending is asynchronous, so a slow client never holds up the
 * thread that publishes to a whole group; sends to one socket are serialised here because not every
 * container allows two asynchronous sends on one session at once.
 */
final class SessionSink implements GroupLive.Sink {

  private final Session session;

  SessionSink(Session session) {
    this.session = session;
  }

  @Override
  public synchronized void send(String json) {
    if (session.isOpen()) {
      session.getAsyncRemote().sendText(json);
    }
  }

  @Override
  public void close(int code, String reason) {
    close(session, code, reason);
  }

  static void close(Session session, int code, String reason) {
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
      }
    } catch (IOException e) {
      // it is closing anyway
    }
  }
}
