package org.portcullis.handset.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Talks to the handset API of a Portcullis server (SPEC §3.8): enrollment by server OTP or handset
 * OTP, the public key upload, and access requests with the handset's token.
 *
 * <p>Each call is one use case and either returns the server's answer or throws: a {@link
 * ProblemException} when the server refused with problem+json, an {@link IOException} when it could
 * not be reached or answered something the contract does not allow (another status, a body without
 * the promised members). Answers are never quoted in exceptions, since some carry tokens.
 *
 * <p>Redirects are never followed, so a token is only ever sent to the given server.
 *
 * <p>Immutable and thread-safe.
 */
public final class HandsetClient {

  static final String ENROLLMENTS = "api/v1/handsets/enrollments";
  static final String HANDSETS = "api/v1/handsets/";
  static final String ACCESS = "api/v1/tokens/access";

  /** The first pause while the server waits for the customer's SMS. */
  static final Duration FIRST_POLL_DELAY = Duration.ofMillis(250);

  /** The longest pause between polls: an SMS usually arrives within seconds. */
  static final Duration MAX_POLL_DELAY = Duration.ofSeconds(2);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final String JSON = "application/json";
  private static final String PROBLEM_JSON = "application/problem+json";

  private final URI base;
  private final HttpClient http;
  private final SecureRandom random = new SecureRandom();

  /**
   * A client with its own HTTP client (HTTP/1.1, 10 s connect timeout, no redirects, the JDK's
   * default trust store for HTTPS).
   *
   * @param base the server's address, e.g. {@code https://portcullis.example.com/}; the API is
   *     {@code api/v1/} below it
   * @throws IllegalArgumentException when it is not an absolute http or https URI without query
   */
  public HandsetClient(URI base) {
    this(
        base,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());
  }

  /**
   * A client that sends through the given HTTP client, e.g. one that trusts a test certificate. Its
   * redirect policy should be {@code NEVER}, so that tokens stay with the server.
   *
   * @param base the server's address; the API is {@code api/v1/} below it
   * @param http the HTTP client to send with
   * @throws IllegalArgumentException when {@code base} is not an absolute http or https URI without
   *     query
   */
  public HandsetClient(URI base, HttpClient http) {
    this.base = normalise(base);
    this.http = Objects.requireNonNull(http, "http");
  }

  /** The server's address, ending in {@code /}. */
  public URI base() {
    return base;
  }

  /**
   * Server-OTP enrollment, step 1: asks the server to text a 6-digit code to the MSISDN.
   *
   * @param msisdn the customer's mobile number in E.164 form, e.g. {@code +447700900123}
   * @param deviceType the kind of handset, e.g. {@code android}
   * @return the enrollment to confirm with {@link #confirmServerOtp}
   * @throws ProblemException when the server refuses, e.g. a malformed MSISDN or too many attempts
   */
  public PendingEnrollment requestServerOtp(String msisdn, String deviceType)
      throws IOException, InterruptedException, ProblemException {
    HttpRequest request =
        post(
            base.resolve(ENROLLMENTS),
            JsonBodies.serverOtpRequest(
                Objects.requireNonNull(msisdn, "msisdn"),
                Objects.requireNonNull(deviceType, "deviceType")));
    JsonObject answer = exchange(request, 202);
    return new PendingEnrollment(
        JsonBodies.requiredString(answer, "enrollmentId"),
        JsonBodies.requiredInstant(answer, "expiresAt"));
  }

  /**
   * Server-OTP enrollment, step 2: sends back the code the customer received.
   *
   * @param enrollmentId from {@link #requestServerOtp}
   * @param otp the code from the SMS
   * @return the enrolled handset and its token
   * @throws ProblemException {@value ProblemException#OTP_REFUSED} (401) for a wrong code, 410 for
   *     an expired or used enrollment
   */
  public EnrolledHandset confirmServerOtp(String enrollmentId, String otp)
      throws IOException, InterruptedException, ProblemException {
    URI uri =
        base.resolve(
            ENROLLMENTS
                + "/"
                + pathSegment(Objects.requireNonNull(enrollmentId, "enrollmentId"))
                + "/otp");
    return enrolled(exchange(post(uri, JsonBodies.otp(Objects.requireNonNull(otp, "otp"))), 201));
  }

  /**
   * Handset-OTP enrollment: makes up an {@value HandsetOtp#LENGTH}-digit code, has {@code sms} send
   * {@code <keyword> <code>} from the MSISDN, then offers the code to the server until it has
   * received that SMS.
   *
   * <p>While the server answers {@value ProblemException#ENROLLMENT_SMS_PENDING}, the client asks
   * again after a pause that starts at 250 ms and doubles up to 2 s; any other refusal ends it at
   * once.
   *
   * @param msisdn the customer's mobile number in E.164 form, also the SMS's sender
   * @param deviceType the kind of handset, e.g. {@code android}
   * @param keyword the word the server expects before the code, {@value HandsetOtp#DEFAULT_KEYWORD}
   *     unless configured otherwise
   * @param sms sends the customer's SMS
   * @param timeout how long to keep asking, counted from when {@code sms} returns
   * @return the enrolled handset and its token
   * @throws ProblemException the server's refusal; {@value ProblemException#ENROLLMENT_SMS_PENDING}
   *     when the SMS did not arrive within {@code timeout}
   */
  public EnrolledHandset enrollWithHandsetOtp(
      String msisdn, String deviceType, String keyword, SmsSender sms, Duration timeout)
      throws IOException, InterruptedException, ProblemException {
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(deviceType, "deviceType");
    Objects.requireNonNull(sms, "sms");
    if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
      throw new IllegalArgumentException("the timeout is negative: " + timeout);
    }
    String otp = HandsetOtp.generate(random);
    sms.send(msisdn, HandsetOtp.smsText(keyword, otp));

    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request =
        post(base.resolve(ENROLLMENTS), JsonBodies.handsetOtpEnrollment(msisdn, otp, deviceType));
    Duration delay = FIRST_POLL_DELAY;
    while (true) {
      try {
        return enrolled(exchange(request, 201));
      } catch (ProblemException e) {
        long remaining = deadline - System.nanoTime();
        if (!e.is(ProblemException.ENROLLMENT_SMS_PENDING) || remaining <= 0) {
          throw e;
        }
        // the last poll falls on the deadline rather than after it
        Thread.sleep(Math.max(1, Math.min(delay.toMillis(), remaining / 1_000_000)));
        delay = nextPollDelay(delay);
      }
    }
  }

  /**
   * Uploads the handset's public key, which the server encrypts its messages for.
   *
   * @param handset the enrolled handset, whose token authorises the upload
   * @param key RSA of at least 2048 bits or EC P-256; other keys are refused by the server
   * @throws ProblemException when the server refuses the key or the token
   */
  public void uploadPublicKey(EnrolledHandset handset, PublicKey key)
      throws IOException, InterruptedException, ProblemException {
    URI uri = base.resolve(HANDSETS + pathSegment(handset.handsetId()) + "/public-key");
    HttpRequest request =
        json(uri, handset)
            .PUT(HttpRequest.BodyPublishers.ofString(JsonBodies.publicKey(key)))
            .build();
    exchange(request, 204);
  }

  /**
   * Asks for access with the handset's token, as a bank app does before it acts; approval extends
   * the token (and every other token of the handset).
   *
   * @param handset the enrolled handset; its id is the terminal ID
   * @return the approval, with the token's new expiry
   * @throws ProblemException {@value ProblemException#LOGIN_REQUIRED} (401) for an unknown or
   *     expired token, perhaps with an {@linkplain ProblemException#accountHint() account hint}
   */
  public AccessGrant access(EnrolledHandset handset)
      throws IOException, InterruptedException, ProblemException {
    HttpRequest request =
        json(base.resolve(ACCESS), handset)
            .POST(
                HttpRequest.BodyPublishers.ofString(JsonBodies.accessRequest(handset.handsetId())))
            .build();
    JsonObject answer = exchange(request, 200);
    return new AccessGrant(
        JsonBodies.requiredString(answer, "account"),
        JsonBodies.requiredString(answer, "appId"),
        JsonBodies.requiredInstant(answer, "expiresAt"));
  }

  /**
   * The handset's secure messages that are neither deleted nor expired, newest first. Fetching is
   * the trigger: the server does not push.
   *
   * @throws ProblemException {@value ProblemException#LOGIN_REQUIRED} (401) for a token that is not
   *     this handset's
   */
  public List<InboxMessage> inbox(EnrolledHandset handset)
      throws IOException, InterruptedException, ProblemException {
    HttpRequest request = json(inboxUri(handset, ""), handset).GET().build();
    JsonObject answer = exchange(request, 200);
    if (!(answer.get("messages") instanceof JsonArray messages)) {
      throw new IOException("the server's answer has no 'messages' array");
    }
    List<InboxMessage> inbox = new ArrayList<>(messages.size());
    for (JsonValue value : messages) {
      if (!(value instanceof JsonObject entry)) {
        throw new IOException("the server's 'messages' holds something that is not an object");
      }
      inbox.add(JsonBodies.inboxMessage(entry));
    }
    return inbox;
  }

  /**
   * Acknowledges a message this handset decrypted: from the first acknowledgement on the server
   * cannot read it any more. Until it is acknowledged it stays in the inbox (a crash between
   * fetching and acknowledging loses nothing).
   *
   * @return the message as listed now ({@code DELIVERED})
   * @throws ProblemException 404 {@code unknown-message} when it is not in this inbox
   */
  public InboxMessage acknowledge(EnrolledHandset handset, String messageId)
      throws IOException, InterruptedException, ProblemException {
    HttpRequest request =
        json(inboxUri(handset, "/" + pathSegment(messageId) + "/ack"), handset)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return JsonBodies.inboxMessage(exchange(request, 200));
  }

  /**
   * Deletes a message from this handset at once.
   *
   * @throws ProblemException 404 {@code unknown-message} when it is not in this inbox
   */
  public void delete(EnrolledHandset handset, String messageId)
      throws IOException, InterruptedException, ProblemException {
    HttpRequest request =
        json(inboxUri(handset, "/" + pathSegment(messageId)), handset).DELETE().build();
    exchange(request, 204);
  }

  /**
   * Replies to a message; the sender fetches the reply or has it pushed to its webhook.
   *
   * @return the reply's id
   * @throws ProblemException 404 {@code unknown-message}; 400 for an empty or too long body
   */
  public String reply(EnrolledHandset handset, String messageId, String body)
      throws IOException, InterruptedException, ProblemException {
    HttpRequest request =
        json(inboxUri(handset, "/" + pathSegment(messageId) + "/replies"), handset)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JsonBodies.reply(Objects.requireNonNull(body, "body"))))
            .build();
    return JsonBodies.requiredString(exchange(request, 201), "replyId");
  }

  private URI inboxUri(EnrolledHandset handset, String rest) {
    return base.resolve(HANDSETS + pathSegment(handset.handsetId()) + "/inbox" + rest);
  }

  /** The pause after {@code delay}: twice as long, at most {@link #MAX_POLL_DELAY}. */
  static Duration nextPollDelay(Duration delay) {
    Duration doubled = delay.multipliedBy(2);
    return doubled.compareTo(MAX_POLL_DELAY) > 0 ? MAX_POLL_DELAY : doubled;
  }

  /**
   * Percent-encodes one path segment (RFC 3986 §3.3): the server's ids are opaque, and one holding
   * {@code /} or {@code ?} must not reach another resource.
   *
   * @throws IllegalArgumentException for an empty id or a dot segment ({@code .} or {@code ..}),
   *     which URI resolution would remove
   */
  static String pathSegment(String value) {
    if (value.isEmpty() || value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException("'" + value + "' is not an id");
    }
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format("%02X", c));
      }
    }
    return encoded.toString();
  }

  /** The base with a trailing slash, so that {@code api/v1/...} resolves below any context path. */
  static URI normalise(URI base) {
    Objects.requireNonNull(base, "base");
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (!base.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || base.getHost() == null
        || base.getRawQuery() != null
        || base.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the server address must be an http or https URL without query, not '" + base + "'");
    }
    String text = base.toString();
    return text.endsWith("/") ? base : URI.create(text + "/");
  }

  private EnrolledHandset enrolled(JsonObject answer) throws IOException {
    String handsetId = JsonBodies.requiredString(answer, "handsetId");
    String token = JsonBodies.requiredString(answer, "token");
    try {
      pathSegment(handsetId); // later requests name it in their path
      return new EnrolledHandset(handsetId, token, JsonBodies.requiredInstant(answer, "expiresAt"));
    } catch (IllegalArgumentException e) {
      throw new IOException("the server's answer has an unusable handset: " + e.getMessage(), e);
    }
  }

  private static HttpRequest post(URI uri, String body) {
    return request(uri)
        .header("Content-Type", JSON)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpRequest.Builder json(URI uri, EnrolledHandset handset) {
    return request(uri)
        .header("Content-Type", JSON)
        .header("Authorization", "Bearer " + handset.token());
  }

  private static HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", JSON + ", " + PROBLEM_JSON);
  }

  /**
   * Sends the request and returns the answer's JSON object (empty for 204).
   *
   * @throws ProblemException for a problem+json answer with an error status
   * @throws IOException for anything else but the expected status
   */
  private JsonObject exchange(HttpRequest request, int expectedStatus)
      throws IOException, InterruptedException, ProblemException {
    HttpResponse<String> response =
        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    int status = response.statusCode();
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (status == expectedStatus) {
      if (status == 204) {
        return JsonObject.EMPTY_JSON_OBJECT;
      }
      if (!mediaType.equals(JSON)) {
        throw unexpected(request, status, contentType);
      }
      return JsonBodies.parseObject(response.body());
    }
    if (status >= 400 && mediaType.equals(PROBLEM_JSON)) {
      throw JsonBodies.problem(status, JsonBodies.parseObject(response.body()));
    }
    throw unexpected(request, status, contentType);
  }

  private static IOException unexpected(HttpRequest request, int status, String contentType) {
    return new IOException(
        request.method()
            + " "
            + request.uri().getRawPath()
            + " answered HTTP "
            + status
            + (contentType.isEmpty() ? "" : " " + contentType)
            + ", which the handset API does not promise");
  }
}
