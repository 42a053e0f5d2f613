package org.portcullis.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.error.DomainException;

class MessageContentTest {

  @Test
  void encodesAndDecodesWithAndWithoutSubject() {
    MessageContent full = new MessageContent("Hello", "Line one\nline \"two\" ✓");
    assertEquals(full, MessageContent.decode(full.encode()));
    MessageContent bare = new MessageContent(null, "just a body");
    assertEquals(bare, MessageContent.decode(bare.encode()));
    assertEquals("{\"body\":\"just a body\"}", new String(bare.encode(), StandardCharsets.UTF_8));
    assertNull(MessageContent.decode(bare.encode()).subject());
  }

  @Test
  void theBodyMayHave64KibOfUtf8AndNoMore() {
    new MessageContent(null, "a".repeat(MessageContent.MAX_BODY_BYTES));
    DomainException tooLarge =
        assertThrows(
            DomainException.class,
            () -> new MessageContent(null, "a".repeat(MessageContent.MAX_BODY_BYTES + 1)));
    assertEquals("body", tooLarge.fields().keySet().iterator().next());
    // counted in bytes: 'é' is two
    assertThrows(
        DomainException.class,
        () -> new MessageContent(null, "é".repeat(MessageContent.MAX_BODY_BYTES / 2 + 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "two\nlines", "cr\rhere"})
  void aBadSubjectIsNamed(String subject) {
    DomainException refused =
        assertThrows(DomainException.class, () -> new MessageContent(subject, "body"));
    assertEquals("subject", refused.fields().keySet().iterator().next());
  }

  @Test
  void theSubjectHasAtMost200Characters() {
    new MessageContent("😀".repeat(200), "body");
    assertThrows(DomainException.class, () -> new MessageContent("x".repeat(201), "body"));
  }

  @Test
  void anEmptyOrMissingBodyIsRefused() {
    assertThrows(DomainException.class, () -> new MessageContent("s", ""));
    assertThrows(DomainException.class, () -> new MessageContent("s", null));
  }

  @Test
  void toStringShowsNoContent() {
    String text = new MessageContent("secret subject", "secret body").toString();
    assertFalse(text.contains("secret"), text);
  }

  @Test
  void decodeRefusesWhatIsNotAMessage() {
    assertThrows(
        IllegalArgumentException.class,
        () -> MessageContent.decode("[1]".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        IllegalArgumentException.class,
        () -> MessageContent.decode("{\"subject\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
  }
}
