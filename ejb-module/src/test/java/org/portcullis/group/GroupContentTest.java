package org.portcullis.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupContentTest {

  @Test
  void acceptsBase64OfUpTo64KiB() {
    byte[] most = new byte[64 * 1024];
    most[0] = 7;
    assertArrayEquals(most, GroupContent.ciphertext(Base64.getEncoder().encodeToString(most)));
    assertArrayEquals(new byte[] {1}, GroupContent.ciphertext("AQ=="));
  }

  @Test
  void refusesOneByteMore() {
    String tooLarge = Base64.getEncoder().encodeToString(new byte[64 * 1024 + 1]);
    GroupRuleException refused =
        assertThrows(GroupRuleException.class, () -> GroupContent.ciphertext(tooLarge));
    assertEquals("ciphertext", refused.field());
    assertEquals("message-too-large", refused.type());
    // and a huge text before decoding it
    assertThrows(GroupRuleException.class, () -> GroupContent.ciphertext("A".repeat(10_000_000)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not base64!", "AQ=", "AQ==AQ=="})
  void refusesWhatIsNoCiphertext(String text) {
    GroupRuleException refused =
        assertThrows(GroupRuleException.class, () -> GroupContent.ciphertext(text));
    assertEquals("ciphertext", refused.field());
  }

  @Test
  void readsWhereAFetchStarts() {
    assertEquals(0, GroupContent.after(null));
    assertEquals(0, GroupContent.after(" "));
    assertEquals(42, GroupContent.after("42"));
    for (String bad : new String[] {"-1", "x", "1.5", "99999999999999999999"}) {
      assertEquals(
          "after", assertThrows(GroupRuleException.class, () -> GroupContent.after(bad)).field());
    }
  }
}
