package org.portcullis.outbox.internal;

import java.nio.charset.StandardCharsets;
import org.portcullis.outbox.WebhookSignature;

/**
 * What a webhook row seals: the signing secret and the JSON body, as {@code <secret>\n<body>} (a
 * secret never holds a line break). {@link #toString()} shows neither.
 */
record WebhookContent(String secret, String body) {

  WebhookContent {
    new WebhookSignature(secret); // refuses anything that is not a secret
    if (body == null) {
      throw new IllegalArgumentException("A webhook push needs a body");
    }
  }

  byte[] encode() {
    return (secret + "\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  static WebhookContent decode(byte[] encoded) {
    String text = new String(encoded, StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    if (newline < 0) {
      throw new IllegalArgumentException("Not a webhook push");
    }
    return new WebhookContent(text.substring(0, newline), text.substring(newline + 1));
  }

  @Override
  public String toString() {
    return "WebhookContent[hidden]";
  }
}
