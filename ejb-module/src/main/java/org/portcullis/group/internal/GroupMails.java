package org.portcullis.group.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.portcullis.group.AccessCode;
import org.portcullis.mail.InlineImage;
import org.portcullis.mail.QrCodes;

/**
 * Every text the private groups send to people, in one place: the invitation, the notice before
 * closing with its extension link, and the alert to a creator whose group's joins were locked. A
 * group's name is the opener's text: it is escaped in HTML and kept to one line.
 */
final class GroupMails {

  /** One mail's parts, ready for the outbox. */
  record Mail(String subject, String text, String html, List<InlineImage> images) {}

  static final String INVITATION = "group-invitation";
  static final String NOTICE = "group-notice";
  static final String JOINS_LOCKED = "group-joins-locked";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private GroupMails() {}

  /** The invitation: the code, the join link (the code in its fragment) and the link as QR. */
  static Mail invitation(String name, AccessCode code, String joinUrl, Instant expiresAt) {
    String group = name == null ? "a private group" : "the private group \"" + name + "\"";
    String text =
        "You are invited to "
            + group
            + ".\n\nOpen this link on your phone with the bank's app, or scan the code in this"
            + " mail:\n"
            + joinUrl
            + "\n\nOr type the group's access code in the app:\n"
            + code.grouped()
            + "\n\nThe group closes at "
            + TIME.format(expiresAt)
            + ". Keep the code to yourself: anyone who has it can join. If you do not expect"
            + " this invitation, ignore it.";
    String html =
        "<p>You are invited to "
            + escape(group)
            + ".</p><p>Open this link on your phone with the bank's app, or scan the code:</p>"
            + "<p><a href=\""
            + escape(joinUrl)
            + "\">Join the group</a></p>"
            + "<p><img src=\"cid:join-qr\" width=\"240\" height=\"240\" alt=\"QR code of the"
            + " join link\"></p><p>Or type the group's access code in the app:</p>"
            + "<p style=\"font-family:monospace;font-size:1.4em\">"
            + code.grouped()
            + "</p><p>The group closes at "
            + TIME.format(expiresAt)
            + ". Keep the code to yourself: anyone who has it can join. If you do not expect"
            + " this invitation, ignore it.</p>";
    return new Mail(
        "Invitation to a private group",
        text,
        html,
        List.of(new InlineImage("join-qr", "image/png", QrCodes.png(joinUrl, 240))));
  }

  /** The notice before closing: the time left and the single-use extension link. */
  static Mail notice(String name, Instant expiresAt, Duration left, String extensionUrl) {
    String group = name == null ? "Your private group" : "Your private group \"" + name + "\"";
    String when = TIME.format(expiresAt) + " (in " + words(left) + ")";
    String text =
        group
            + " closes at "
            + when
            + ". Then every message and file in it is deleted.\n\nTo keep it open longer, use"
            + " this link (once):\n"
            + extensionUrl
            + "\n\nIf nobody extends it, it closes on time.";
    String html =
        "<p>"
            + escape(group)
            + " closes at "
            + escape(when)
            + ". Then every message and file in it is deleted.</p><p><a href=\""
            + escape(extensionUrl)
            + "\">Keep the group open longer</a> (the link works once)</p>"
            + "<p>If nobody extends it, it closes on time.</p>";
    return new Mail("Your private group closes soon", text, html, List.of());
  }

  /** To the creator: too many wrong codes, nobody can join any more. */
  static Mail joinsLocked(String name, int wrongCodes) {
    String group = name == null ? "your private group" : "your private group \"" + name + "\"";
    String text =
        "Someone sent "
            + wrongCodes
            + " wrong access codes for "
            + group
            + ", so it takes no new members any more. The members it has stay. If you did not"
            + " expect this, the code may be guessed at: close the group and open a new one.";
    return new Mail("Your private group takes no new members", text, null, List.of());
  }

  /** e.g. "14 minutes", "2 hours 5 minutes". */
  static String words(Duration left) {
    long minutes = Math.max(0, (left.toSeconds() + 59) / 60);
    long hours = minutes / 60;
    long rest = minutes % 60;
    if (hours == 0) {
      return rest + (rest == 1 ? " minute" : " minutes");
    }
    return hours
        + (hours == 1 ? " hour" : " hours")
        + (rest == 0 ? "" : " " + rest + (rest == 1 ? " minute" : " minutes"));
  }

  static String escape(String text) {
    StringBuilder html = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '&' -> html.append("&amp;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
    }
    return html.toString();
  }
}
