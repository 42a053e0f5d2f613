package org.portcullis.group.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portcullis.group.GroupLive;
import org.portcullis.group.GroupMessages;
import org.portcullis.time.PortcullisClock;

/**
 * Each socket gets each entry once, whether the node that stored it pushes it or the relay brings
 * it from another node, in either order.
 */
class GroupLiveHubTest {

  private static final String GROUP = "g-test";

  private final GroupLiveHub hub = new GroupLiveHub();
  private final Frames socket = new Frames();

  GroupLiveHubTest() {
    hub.clock = new PortcullisClock();
    hub.attach(new GroupLive.Seat(GROUP, "m-1", false, Instant.now().plusSeconds(3600), 5), socket);
  }

  @Test
  void anEntryIsPushedOnceWhoeverPushesItFirst() {
    hub.publishEntry(GROUP, entry(5)); // the client fetches up to its seat's last entry
    hub.publishEntry(GROUP, entry(6)); // stored here
    hub.publishEntry(GROUP, entry(6)); // and read again by the relay
    assertEquals(Map.of(GROUP, 5L), hub.pushedUpTo(), "the relay still reads after 5");
    hub.publishEntry(GROUP, entry(7)); // stored on another node, brought by the relay
    hub.pushedUpTo(GROUP, 7);
    hub.publishEntry(GROUP, entry(7)); // the storing node's push of 7 never comes here; nor twice
    hub.publishEntry(GROUP, entry(6));

    assertEquals(List.of(6L, 7L), socket.entrySeqs());
    assertEquals(Map.of(GROUP, 7L), hub.pushedUpTo());
  }

  @Test
  void aGroupWithoutSocketsHereIsNotRelayed() {
    hub.detach(new GroupLive.Seat(GROUP, "m-1", false, Instant.now(), 5), socket);

    hub.publishEntry(GROUP, entry(6));

    assertTrue(hub.pushedUpTo().isEmpty(), hub.pushedUpTo()::toString);
    assertEquals(List.of(), socket.entrySeqs());
  }

  private static GroupMessages.Entry entry(long seq) {
    return new GroupMessages.Entry(
        seq,
        "e-" + seq,
        GroupMessages.Kind.MESSAGE,
        "m-2",
        "AAAA",
        null,
        null,
        null,
        Instant.now());
  }

  /** A socket that keeps what it was sent. */
  private static final class Frames implements GroupLive.Sink {
    private final List<String> sent = new ArrayList<>();

    @Override
    public void send(String json) {
      sent.add(json);
    }

    @Override
    public void close(int code, String reason) {}

    List<Long> entrySeqs() {
      return sent.stream()
          .filter(f -> f.contains("\"type\":\"entry\""))
          .map(f -> Long.parseLong(f.replaceFirst(".*\"seq\":(\\d+).*", "$1")))
          .toList();
    }
  }
}
