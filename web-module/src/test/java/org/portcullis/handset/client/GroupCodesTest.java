package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GroupCodesTest {

  @Test
  void canonicalIsTheServersReading() {
    assertEquals("7X9ZK2M4T1V8B6C3", GroupCodes.canonical("7x9z-k2m4 t1v8-b6c3"));
    assertEquals("0011", GroupCodes.canonical("oOiL"));
    assertThrows(IllegalArgumentException.class, () -> GroupCodes.canonical("ABCU"));
    assertThrows(IllegalArgumentException.class, () -> GroupCodes.canonical("--"));
  }

  @Test
  void readsTheGroupAndCodeFromAJoinLinksFragment() {
    GroupCodes.Invitation invitation =
        GroupCodes.fromLink(
                "https://bank.example/groups/join.html#group=g-abcdefghijkmnpqrstuv&code=7X9Z-K2M4-T1V8-B6C3")
            .orElseThrow();
    assertEquals("g-abcdefghijkmnpqrstuv", invitation.groupId());
    assertEquals("7X9Z-K2M4-T1V8-B6C3", invitation.code());
    assertTrue(GroupCodes.fromLink("https://bank.example/groups/join.html").isEmpty());
    assertTrue(GroupCodes.fromLink("https://bank.example/j#group=g-x").isEmpty());
    assertEquals(
        "g-abcdefghijkmnpqrstuv",
        GroupCodes.fromLink("bankapp://join#code=7X9Z&group=g-abcdefghijkmnpqrstuv")
            .orElseThrow()
            .groupId());
  }
}
