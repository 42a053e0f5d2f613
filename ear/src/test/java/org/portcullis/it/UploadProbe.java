package org.portcullis.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upload over a raw socket, to see when the server answers: a body declared longer than it is,
 * or a chunked body that is never finished. A server that reads whole bodies before answering would
 * never answer either; one that enforces its limit while reading answers at once.
 */
final class UploadProbe {

  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");

  private final int status;
  private final String body;
  private final boolean beforeTheEnd;

  private UploadProbe(int status, String body, boolean beforeTheEnd) {
    this.status = status;
    this.body = body;
    this.beforeTheEnd = beforeTheEnd;
  }

  /** Declares {@code declared} bytes, sends {@code send} of them, and waits for the answer. */
  static UploadProbe declaring(String groupId, GroupFixtures.Person person, long declared, int send)
      throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(head(groupId, person, "Content-Length: " + declared));
      out.write(new byte[send]);
      out.flush();
      String answer = read(socket.getInputStream());
      return parse(answer, true);
    }
  }

  /**
   * Sends {@code total} bytes in chunks without the last chunk that would end the body, and waits
   * for the answer.
   */
  static UploadProbe chunked(String groupId, GroupFixtures.Person person, long total)
      throws IOException, InterruptedException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(head(groupId, person, "Transfer-Encoding: chunked"));
      out.flush();
      Thread writer =
          new Thread(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                  for (long sent = 0; sent < total; sent += chunk.length) {
                    out.write(
                        (Integer.toHexString(chunk.length) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.flush();
                  // the terminating "0\r\n\r\n" is never sent: the body never ends
                } catch (IOException closedByTheServer) {
                  // the server stopped reading and closed: as it should
                }
              });
      writer.setDaemon(true);
      writer.start();
      String answer = read(socket.getInputStream());
      writer.join(10_000);
      // any answer at all came before the end: the body never ends
      return parse(answer, true);
    }
  }

  int status() {
    return status;
  }

  String body() {
    return body;
  }

  /** Whether the answer came although the body had not ended. */
  boolean answeredBeforeTheEnd() {
    return beforeTheEnd;
  }

  @Override
  public String toString() {
    return status + " " + body;
  }

  private static Socket connect() throws IOException {
    URI base = URI.create(Api.BASE);
    Socket socket = new Socket(base.getHost(), base.getPort());
    socket.setSoTimeout(30_000);
    return socket;
  }

  private static byte[] head(String groupId, GroupFixtures.Person person, String length) {
    URI base = URI.create(Api.BASE);
    return ("POST /api/v1/groups/"
            + groupId
            + "/files HTTP/1.1\r\nHost: "
            + base.getHost()
            + ":"
            + base.getPort()
            + "\r\nAuthorization: Bearer "
            + person.token()
            + "\r\nPortcullis-Terminal-Id: "
            + person.terminal()
            + "\r\nContent-Type: application/octet-stream\r\n"
            + length
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads the answer's head and, by its Content-Length, its body (or what comes until EOF). */
  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int contentLength = -1;
    int headEnd = -1;
    try {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        answer.write(buffer, 0, read);
        String text = answer.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
          Matcher length =
              Pattern.compile("(?i)\r\ncontent-length:\\s*(\\d+)")
                  .matcher(text.substring(0, headEnd));
          contentLength = length.find() ? Integer.parseInt(length.group(1)) : -1;
        }
        if (headEnd >= 0 && contentLength >= 0 && answer.size() >= headEnd + 4 + contentLength) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      if (answer.size() == 0) {
        throw new IOException("the server did not answer within 30 s", e);
      }
    }
    return answer.toString(StandardCharsets.UTF_8);
  }

  private static UploadProbe parse(String answer, boolean beforeTheEnd) throws IOException {
    Matcher status = STATUS.matcher(answer);
    if (!status.lookingAt()) {
      throw new IOException("not an HTTP answer: " + answer);
    }
    int headEnd = answer.indexOf("\r\n\r\n");
    return new UploadProbe(
        Integer.parseInt(status.group(1)),
        headEnd < 0 ? "" : answer.substring(headEnd + 4),
        beforeTheEnd);
  }
}
