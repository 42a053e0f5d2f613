package org.portcullis.mail;

import java.util.Arrays;
import java.util.Set;

/**
 * An image carried inside a mail and shown by its HTML part through {@code <img
 * src="cid:CONTENT-ID">} (RFC 2392), such as a group invitation's QR code.
 *
 * @param contentId the Content-ID without angle brackets, e.g. {@code qr@portcullis}: letters,
 *     digits and {@code . _ - @}, at most 100 characters
 * @param mimeType {@code image/png}, {@code image/jpeg} or {@code image/gif}
 * @param bytes the image, not empty (the array is copied)
 */
public record InlineImage(String contentId, String mimeType, byte[] bytes) {

  static final Set<String> MIME_TYPES = Set.of("image/png", "image/jpeg", "image/gif");
  private static final String CONTENT_ID_PATTERN = "[A-Za-z0-9._@-]{1,100}";

  public InlineImage {
    if (contentId == null || !contentId.matches(CONTENT_ID_PATTERN)) {
      throw new IllegalArgumentException(
          "an inline image's content id must be 1-100 letters, digits, '.', '_', '-' or '@'");
    }
    if (!MIME_TYPES.contains(mimeType)) {
      throw new IllegalArgumentException("an inline image must be one of " + MIME_TYPES);
    }
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("an inline image must not be empty");
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** A file name for mail clients that offer to save the image. */
  public String fileName() {
    String extension =
        switch (mimeType) {
          case "image/jpeg" -> ".jpg";
          case "image/gif" -> ".gif";
          default -> ".png";
        };
    return contentId.replace('@', '-') + extension;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InlineImage image
        && contentId.equals(image.contentId)
        && mimeType.equals(image.mimeType)
        && Arrays.equals(bytes, image.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * contentId.hashCode() + mimeType.hashCode()) + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "InlineImage[" + contentId + ", " + mimeType + ", " + bytes.length + " bytes]";
  }
}
