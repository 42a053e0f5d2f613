package org.portcullis.group.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.portcullis.group.AccessCode;
import org.portcullis.mail.MailContent;

class GroupMailsTest {

  private static final Instant EXPIRES = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void anInvitationCarriesTheCodeTheLinkAndItsQrCode() {
    AccessCode code = AccessCode.parse("7X9Z-K2M4-T1V8-B6C3");
    String link = "https://bank.example/groups/join.html#group=g-x&code=" + code.grouped();
    GroupMails.Mail mail = GroupMails.invitation("Book <club>", code, link, EXPIRES);

    assertTrue(mail.text().contains(code.grouped()));
    assertTrue(mail.text().contains(link));
    assertTrue(mail.text().contains("2026-03-01 12:00 UTC"));
    assertTrue(mail.html().contains("Book &lt;club&gt;"), "the opener's text is escaped");
    assertFalse(mail.html().contains("<club>"));
    assertTrue(mail.html().contains("cid:join-qr"));
    assertEquals(1, mail.images().size());
    assertEquals("image/png", mail.images().get(0).mimeType());
    // what the outbox will accept
    new MailContent(mail.subject(), mail.text(), mail.html(), mail.images());
  }

  @Test
  void aNoticeSaysHowLongIsLeftAndCarriesTheLink() {
    GroupMails.Mail mail =
        GroupMails.notice(null, EXPIRES, Duration.ofMinutes(14).plusSeconds(30), "https://x/e#t");
    assertTrue(mail.text().contains("in 15 minutes"), mail.text());
    assertTrue(mail.text().contains("https://x/e#t"));
    new MailContent(mail.subject(), mail.text(), mail.html(), mail.images());
  }

  @Test
  void timeLeftInWords() {
    assertEquals("1 minute", GroupMails.words(Duration.ofSeconds(30)));
    assertEquals("2 hours", GroupMails.words(Duration.ofHours(2)));
    assertEquals("1 hour 5 minutes", GroupMails.words(Duration.ofMinutes(65)));
    assertEquals("0 minutes", GroupMails.words(Duration.ofSeconds(-5)));
  }
}
