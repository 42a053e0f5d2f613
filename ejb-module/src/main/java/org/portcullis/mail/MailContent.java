package org.portcullis.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a mail says: subject, text, HTML and inline images. The outbox stores it sealed as one value
 * ({@link #encode()}), since links and codes in any part of it are secrets.
 *
 * <p>Limits: subject 200 characters without line breaks (a line break would inject headers), text
 * 50,000, HTML 300,000 characters (a derived HTML of the longest text fits), at most 10 images of
 * 256 KiB together, unique content ids; and the outbox refuses a mail whose {@link #encode()
 * encoding} exceeds {@link #MAX_ENCODED_BYTES}, which keeps it within its column once sealed.
 * Immutable.
 */
public record MailContent(String subject, String text, String html, List<InlineImage> images) {

  public static final int MAX_SUBJECT = 200;
  public static final int MAX_TEXT = 50_000;
  public static final int MAX_HTML = 300_000;
  public static final int MAX_IMAGES = 10;
  public static final int MAX_IMAGE_BYTES = 256 * 1024;

  /** The most an encoded mail may take, so that it still fits its column once sealed. */
  public static final int MAX_ENCODED_BYTES = 720_000;

  private static final int FORMAT = 1;

  /**
   * @param html the HTML alternative; null derives one from the text
   * @param images null for none
   * @throws IllegalArgumentException with a message naming the offending part
   */
  public MailContent {
    if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException("subject must be 1-" + MAX_SUBJECT + " characters");
    }
    if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("subject must be one line");
    }
    if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("text must be 1-" + MAX_TEXT + " characters");
    }
    if (html == null) {
      html = htmlOf(text);
    } else if (html.isBlank() || html.length() > MAX_HTML) {
      throw new IllegalArgumentException("html must be 1-" + MAX_HTML + " characters");
    }
    images = images == null ? List.of() : List.copyOf(images);
    if (images.size() > MAX_IMAGES) {
      throw new IllegalArgumentException("at most " + MAX_IMAGES + " inline images");
    }
    long total = 0;
    Set<String> contentIds = new HashSet<>();
    for (InlineImage image : images) {
      total += image.bytes().length;
      if (!contentIds.add(image.contentId())) {
        throw new IllegalArgumentException("inline image content ids must be unique");
      }
    }
    if (total > MAX_IMAGE_BYTES) {
      throw new IllegalArgumentException("inline images must be at most 256 KiB together");
    }
  }

  /** A plain HTML rendering of a text: escaped, line breaks kept (at most 5 characters each). */
  public static String htmlOf(String text) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><p>");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '&' -> html.append("&amp;");
        case '\r' -> {}
        case '\n' -> html.append("<br>");
        default -> html.append(c);
      }
    }
    return html.append("</p></body></html>").toString();
  }

  /** A compact binary form, the plaintext the outbox seals. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      writeString(out, subject);
      writeString(out, text);
      writeString(out, html);
      out.writeInt(images.size());
      for (InlineImage image : images) {
        writeString(out, image.contentId());
        writeString(out, image.mimeType());
        byte[] data = image.bytes();
        out.writeInt(data.length);
        out.write(data);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * @throws IllegalArgumentException when the bytes are not an encoded mail
   */
  public static MailContent decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      if (in.readInt() != FORMAT) {
        throw new IllegalArgumentException("unknown mail content format");
      }
      String subject = readString(in, MAX_SUBJECT * 4);
      String text = readString(in, MAX_TEXT * 4);
      String html = readString(in, MAX_HTML * 4);
      int count = in.readInt();
      if (count < 0 || count > MAX_IMAGES) {
        throw new IllegalArgumentException("bad image count");
      }
      List<InlineImage> images = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String contentId = readString(in, 400);
        String mimeType = readString(in, 100);
        images.add(new InlineImage(contentId, mimeType, readBytes(in, MAX_IMAGE_BYTES)));
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("trailing bytes after the mail content");
      }
      return new MailContent(subject, text, html, images);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated mail content", e);
    }
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in, int maxBytes) throws IOException {
    return new String(readBytes(in, maxBytes), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(DataInputStream in, int maxBytes) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > maxBytes) {
      throw new IllegalArgumentException("bad length in mail content");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  /** Never the content: it holds secrets. */
  @Override
  public String toString() {
    return "MailContent[" + images.size() + " inline images]";
  }
}
