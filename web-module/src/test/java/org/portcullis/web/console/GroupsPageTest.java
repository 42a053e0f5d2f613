package org.portcullis.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.portcullis.group.GroupAdmin.GroupRow;
import org.portcullis.group.GroupState;

class GroupsPageTest {

  private static GroupRow row(int entries, int inWindow, Integer count, String per) {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    return new GroupRow(
        "g-abcdefghijkmnpqrstuv",
        null,
        "alice",
        GroupState.OPEN,
        2,
        entries,
        inWindow,
        count,
        per,
        false,
        0,
        0,
        0,
        now,
        now,
        now,
        null,
        null,
        null);
  }

  @Test
  void accessesSayWhatTheAllowanceLetsIn() {
    assertEquals("1 of 2 per PT24H", GroupsPage.accesses(row(5, 1, 2, "PT24H")));
    assertEquals("3 of 3 for life", GroupsPage.accesses(row(3, 3, 3, null)));
    assertEquals("4 entries", GroupsPage.accesses(row(4, 4, null, null)));
    assertEquals("1 entry", GroupsPage.accesses(row(1, 1, null, null)));
  }
}
