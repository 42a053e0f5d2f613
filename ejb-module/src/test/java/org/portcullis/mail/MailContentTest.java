package org.portcullis.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailContentTest {

  private static final InlineImage QR =
      new InlineImage("qr@portcullis", "image/png", new byte[] {1});

  @Test
  void encodingRoundTrips() {
    MailContent content =
        new MailContent(
            "Grüße ✓",
            "line one\nline two 😀",
            "<p>html</p>",
            List.of(QR, new InlineImage("logo", "image/gif", new byte[] {7, 8, 9})));

    assertEquals(content, MailContent.decode(content.encode()));
  }

  @Test
  void aMissingHtmlIsDerivedFromTheText() {
    MailContent content = new MailContent("s", "a < b & c\r\nd", null, null);

    assertEquals(
        "<!DOCTYPE html><html><body><p>a &lt; b &amp; c<br>d</p></body></html>", content.html());
    assertEquals(List.of(), content.images());
  }

  @Test
  void theLongestTextStillGetsAHtml() {
    MailContent content = new MailContent("s", "&".repeat(MailContent.MAX_TEXT), null, null);

    assertTrue(content.html().length() <= MailContent.MAX_HTML);
    assertEquals(content, MailContent.decode(content.encode()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "two\nlines", "header\r\nBcc: x@example.org"})
  void subjectMustBeOneNonBlankLine(String subject) {
    assertThrows(IllegalArgumentException.class, () -> new MailContent(subject, "t", null, null));
  }

  @Test
  void refusesWhatWouldNotFit() {
    assertThrows(
        IllegalArgumentException.class, () -> new MailContent("s".repeat(201), "t", null, null));
    assertThrows(IllegalArgumentException.class, () -> new MailContent("s", " ", null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MailContent("s", "t".repeat(MailContent.MAX_TEXT + 1), null, null));
    assertThrows(IllegalArgumentException.class, () -> new MailContent("s", "t", "", null));
    assertThrows(
        IllegalArgumentException.class, () -> new MailContent("s", "t", null, List.of(QR, QR)));
    InlineImage big = new InlineImage("big", "image/png", new byte[MailContent.MAX_IMAGE_BYTES]);
    assertThrows(
        IllegalArgumentException.class, () -> new MailContent("s", "t", null, List.of(big, QR)));
    List<InlineImage> eleven =
        java.util.stream.IntStream.range(0, 11)
            .mapToObj(i -> new InlineImage("i" + i, "image/png", new byte[] {1}))
            .toList();
    assertThrows(IllegalArgumentException.class, () -> new MailContent("s", "t", null, eleven));
  }

  @Test
  void decodingRefusesGarbage() {
    byte[] encoded = new MailContent("s", "t", null, List.of(QR)).encode();

    assertThrows(
        IllegalArgumentException.class,
        () -> MailContent.decode(Arrays.copyOf(encoded, encoded.length - 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> MailContent.decode(Arrays.copyOf(encoded, encoded.length + 1)));
    assertThrows(IllegalArgumentException.class, () -> MailContent.decode(new byte[] {0, 0, 0, 9}));
    assertThrows(IllegalArgumentException.class, () -> MailContent.decode(new byte[0]));
  }

  @Test
  void toStringShowsNoContent() {
    String shown = new MailContent("secret subject", "code 123456", null, List.of(QR)).toString();

    assertFalse(shown.contains("secret"));
    assertFalse(shown.contains("123456"));
  }

  @Test
  void inlineImagesAreCheckedAndCopied() {
    byte[] bytes = {1, 2};
    InlineImage image = new InlineImage("qr", "image/png", bytes);
    bytes[0] = 9;

    assertArrayEquals(new byte[] {1, 2}, image.bytes());
    assertThrows(IllegalArgumentException.class, () -> new InlineImage("a b", "image/png", bytes));
    assertThrows(IllegalArgumentException.class, () -> new InlineImage("<qr>", "image/png", bytes));
    assertThrows(IllegalArgumentException.class, () -> new InlineImage("qr", "text/html", bytes));
    assertThrows(IllegalArgumentException.class, () -> new InlineImage("qr", "image/png", null));
    assertThrows(
        IllegalArgumentException.class, () -> new InlineImage("qr", "image/png", new byte[0]));
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice@example.org", "a.b+c@mail.example.co.uk"})
  void acceptsPlainAddresses(String address) {
    assertTrue(MailAddresses.isValid(address));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "alice",
        "alice@localhost",
        "Alice <alice@example.org>",
        "alice@example.org, bob@example.org",
        "alice@example.org\r\nBcc: eve@example.org",
        "al ice@example.org"
      })
  void refusesAnythingElse(String address) {
    assertFalse(MailAddresses.isValid(address));
  }

  @Test
  void theSenderSettingIsOneAddress() {
    assertEquals(
        "portcullis.local",
        MailAddresses.domainOf(MailAddresses.sender("Portcullis <no-reply@portcullis.local>")));
    assertThrows(IllegalArgumentException.class, () -> MailAddresses.sender("a@b.c, d@e.f"));
    assertThrows(IllegalArgumentException.class, () -> MailAddresses.sender("not an address <"));
  }
}
