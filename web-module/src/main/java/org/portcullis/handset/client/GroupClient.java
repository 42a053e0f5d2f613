package org.portcullis.handset.client;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Talks to the private groups' API of a Portcullis server as one member: a customer's app with its
 * access token on one terminal (a handset: its token and its handset id). It moves ciphertext only;
 * {@link GroupCipher} makes and opens it, {@link GroupLiveConnection} is the live socket.
 *
 * <p>Each call returns the server's answer or throws {@link ProblemException} (a problem+json
 * refusal) or {@link IOException} (unreachable, or an answer outside the contract). Redirects are
 * never followed. Immutable and thread-safe.
 */
public final class GroupClient {

  static final String GROUPS = "api/v1/groups";

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final String JSON = "application/json";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String OCTETS = "application/octet-stream";

  /**
   * What a group is opened with; null members are left to the server's defaults.
   *
   * @param validity how long it lives
   * @param accessCount entries per window, with {@code accessPer} the window (null: for life)
   * @param code an own code; null to have the server make one
   */
  public record Options(
      String name,
      Duration validity,
      Integer accessCount,
      Duration accessPer,
      boolean rebroadcast,
      Duration notice,
      List<String> invitees,
      String code) {

    /** A group that lives {@code validity}, forwarding off, no invitees, the server's code. */
    public static Options lasting(Duration validity) {
      return new Options(null, validity, null, null, false, null, List.of(), null);
    }

    public Options named(String newName) {
      return new Options(
          newName, validity, accessCount, accessPer, rebroadcast, notice, invitees, code);
    }

    public Options admitting(Integer count, Duration per) {
      return new Options(name, validity, count, per, rebroadcast, notice, invitees, code);
    }

    public Options rebroadcasting(boolean flag) {
      return new Options(name, validity, accessCount, accessPer, flag, notice, invitees, code);
    }

    public Options noticing(Duration before) {
      return new Options(
          name, validity, accessCount, accessPer, rebroadcast, before, invitees, code);
    }

    public Options inviting(List<String> addresses) {
      return new Options(
          name, validity, accessCount, accessPer, rebroadcast, notice, addresses, code);
    }

    public Options withCode(String ownCode) {
      return new Options(
          name, validity, accessCount, accessPer, rebroadcast, notice, invitees, ownCode);
    }

    @Override
    public String toString() {
      return "Options[validity=" + validity + ", own code=" + (code != null) + "]";
    }
  }

  /**
   * An opened group. {@code code} (only when the server made it) and {@code joinUrl} exist once.
   */
  public record Opened(
      String groupId,
      String memberId,
      String code,
      String joinUrl,
      byte[] qrPng,
      Instant expiresAt,
      String kdfSalt,
      boolean rebroadcast) {
    @Override
    public String toString() {
      return "Opened[" + groupId + ", expiresAt=" + expiresAt + "]";
    }
  }

  public record Member(String memberId, boolean creator) {}

  /** The group as one of its members sees it. */
  public record Info(
      String groupId,
      String name,
      String memberId,
      boolean creator,
      boolean rebroadcast,
      Instant expiresAt,
      String kdfSalt,
      Integer allowanceCount,
      String allowancePer,
      List<Member> members,
      long lastSeq) {}

  public record Challenge(String challengeId, Instant expiresAt) {}

  /** One entry of a group's stream: a message, a file, or what the server said. */
  public record Entry(
      long seq,
      String id,
      String kind,
      String memberId,
      String ciphertext,
      Long size,
      String forwardGroupId,
      String forwardMessageId,
      Instant until,
      Instant at) {

    /** From a fetch's array element or a live {@code entry} frame. */
    static Entry of(JsonObject json) throws IOException {
      JsonObject forward = json.get("forwardOf") instanceof JsonObject o ? o : null;
      return new Entry(
          json.getJsonNumber("seq").longValue(),
          JsonBodies.requiredString(json, "id"),
          JsonBodies.requiredString(json, "kind"),
          optional(json, "memberId"),
          optional(json, "ciphertext"),
          json.get("size") instanceof JsonNumber n ? n.longValue() : null,
          forward == null ? null : optional(forward, "groupId"),
          forward == null ? null : optional(forward, "messageId"),
          json.get("until") instanceof JsonString s ? Instant.parse(s.getString()) : null,
          JsonBodies.requiredInstant(json, "at"));
    }
  }

  public record Posted(String messageId, long seq) {}

  public record StoredFile(String fileId, long seq, long size) {}

  /** A live socket's ticket: single use, short-lived. */
  public record Ticket(String ticket, URI url, Instant expiresAt) {
    @Override
    public String toString() {
      return "Ticket[expiresAt=" + expiresAt + "]";
    }
  }

  private final URI base;
  private final HttpClient http;
  private final String token;
  private final String terminalId;

  /** A member: the access token and the terminal it belongs to. */
  public GroupClient(URI base, String token, String terminalId) {
    this(
        base,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        token,
        terminalId);
  }

  public GroupClient(URI base, HttpClient http, String token, String terminalId) {
    this.base = HandsetClient.normalise(base);
    this.http = Objects.requireNonNull(http, "http");
    this.token = Objects.requireNonNull(token, "token");
    this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
  }

  /** A handset as a member: its token, its handset id as the terminal. */
  public static GroupClient of(URI base, EnrolledHandset handset) {
    return new GroupClient(base, handset.token(), handset.handsetId());
  }

  public URI base() {
    return base;
  }

  public String terminalId() {
    return terminalId;
  }

  public Opened open(Options options) throws IOException, InterruptedException, ProblemException {
    JsonObjectBuilder body = Json.createObjectBuilder().add("rebroadcast", options.rebroadcast());
    if (options.name() != null) {
      body.add("name", options.name());
    }
    if (options.validity() != null) {
      body.add("validity", options.validity().toString());
    }
    if (options.accessCount() != null) {
      JsonObjectBuilder accesses = Json.createObjectBuilder().add("count", options.accessCount());
      if (options.accessPer() != null) {
        accesses.add("per", options.accessPer().toString());
      }
      body.add("accesses", accesses);
    }
    if (options.notice() != null) {
      body.add("notice", options.notice().toString());
    }
    if (options.invitees() != null && !options.invitees().isEmpty()) {
      JsonArrayBuilder invitees = Json.createArrayBuilder();
      options.invitees().forEach(invitees::add);
      body.add("invitees", invitees);
    }
    if (options.code() != null) {
      body.add("code", options.code());
    }
    JsonObject answer = exchange(post(GROUPS, body.build().toString()), 201);
    return new Opened(
        JsonBodies.requiredString(answer, "groupId"),
        JsonBodies.requiredString(answer, "memberId"),
        optional(answer, "code"),
        JsonBodies.requiredString(answer, "joinUrl"),
        Base64.getDecoder().decode(JsonBodies.requiredString(answer, "qrPng")),
        JsonBodies.requiredInstant(answer, "expiresAt"),
        JsonBodies.requiredString(answer, "kdfSalt"),
        answer.getBoolean("rebroadcast"));
  }

  /** Step 1 of a join: the server's single-use challenge. */
  public Challenge challenge(String groupId)
      throws IOException, InterruptedException, ProblemException {
    JsonObject answer = exchange(post(group(groupId) + "/joins", null), 201);
    return new Challenge(
        JsonBodies.requiredString(answer, "challengeId"),
        JsonBodies.requiredInstant(answer, "expiresAt"));
  }

  /** Step 2 of a join: the code. */
  public Info answer(String groupId, String challengeId, String code)
      throws IOException, InterruptedException, ProblemException {
    String body = Json.createObjectBuilder().add("code", code).build().toString();
    return info(
        exchange(
            post(group(groupId) + "/joins/" + HandsetClient.pathSegment(challengeId), body), 200));
  }

  /** Both steps of a join. */
  public Info join(String groupId, String code)
      throws IOException, InterruptedException, ProblemException {
    return answer(groupId, challenge(groupId).challengeId(), code);
  }

  public Info describe(String groupId) throws IOException, InterruptedException, ProblemException {
    return info(exchange(request(group(groupId)).GET().build(), 200));
  }

  /** Posts a message's ciphertext (base64). */
  public Posted send(String groupId, String ciphertext)
      throws IOException, InterruptedException, ProblemException {
    return send(groupId, ciphertext, null, null);
  }

  /** Posts a forward: the ciphertext (sealed for this group) of a message of another group. */
  public Posted send(String groupId, String ciphertext, String fromGroupId, String fromMessageId)
      throws IOException, InterruptedException, ProblemException {
    JsonObjectBuilder body = Json.createObjectBuilder().add("ciphertext", ciphertext);
    if (fromGroupId != null) {
      body.add(
          "forwardOf",
          Json.createObjectBuilder().add("groupId", fromGroupId).add("messageId", fromMessageId));
    }
    JsonObject answer = exchange(post(group(groupId) + "/messages", body.build().toString()), 201);
    return new Posted(
        JsonBodies.requiredString(answer, "messageId"), answer.getJsonNumber("seq").longValue());
  }

  /** The entries after {@code after}, oldest first (at most 500). */
  public List<Entry> read(String groupId, long after)
      throws IOException, InterruptedException, ProblemException {
    HttpResponse<String> response =
        send(request(group(groupId) + "/messages?after=" + after + "&limit=500").GET().build());
    String body = checked(response, 200);
    List<Entry> entries = new ArrayList<>();
    try (var reader = Json.createReader(new java.io.StringReader(body))) {
      for (JsonValue value : reader.readArray()) {
        entries.add(Entry.of(value.asJsonObject()));
      }
    } catch (jakarta.json.JsonException | ClassCastException e) {
      throw new IOException("the server's answer is not a list of entries", e);
    }
    return entries;
  }

  /** Uploads a file's ciphertext. */
  public StoredFile upload(String groupId, byte[] ciphertext)
      throws IOException, InterruptedException, ProblemException {
    return upload(groupId, HttpRequest.BodyPublishers.ofByteArray(ciphertext));
  }

  /** Uploads whatever {@code body} publishes (a length of -1 is sent chunked). */
  public StoredFile upload(String groupId, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException, ProblemException {
    HttpRequest request =
        request(group(groupId) + "/files").header("Content-Type", OCTETS).POST(body).build();
    JsonObject answer = exchange(request, 201);
    return new StoredFile(
        JsonBodies.requiredString(answer, "fileId"),
        answer.getJsonNumber("seq").longValue(),
        answer.getJsonNumber("size").longValue());
  }

  /** Downloads a file's ciphertext. */
  public byte[] download(String groupId, String fileId)
      throws IOException, InterruptedException, ProblemException {
    HttpRequest request =
        HttpRequest.newBuilder(
                base.resolve(group(groupId) + "/files/" + HandsetClient.pathSegment(fileId)))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Portcullis-Terminal-Id", terminalId)
            .header("Accept", OCTETS + ", " + PROBLEM_JSON)
            .GET()
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 200) {
      return response.body();
    }
    throw failure(
        request,
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        new String(response.body(), StandardCharsets.UTF_8));
  }

  /** A ticket for the live socket. */
  public Ticket ticket(String groupId) throws IOException, InterruptedException, ProblemException {
    JsonObject answer = exchange(post(group(groupId) + "/live-tickets", null), 201);
    return new Ticket(
        JsonBodies.requiredString(answer, "ticket"),
        URI.create(JsonBodies.requiredString(answer, "url")),
        JsonBodies.requiredInstant(answer, "expiresAt"));
  }

  /** Opens the live socket: a ticket, then the WebSocket with it. */
  public GroupLiveConnection live(String groupId)
      throws IOException, InterruptedException, ProblemException {
    return GroupLiveConnection.open(http, ticket(groupId).url());
  }

  /** The creator closes its group. */
  public void close(String groupId) throws IOException, InterruptedException, ProblemException {
    exchange(request(group(groupId)).DELETE().build(), 204);
  }

  /** Leaves the group. */
  public void leave(String groupId) throws IOException, InterruptedException, ProblemException {
    exchange(request(group(groupId) + "/members/me").DELETE().build(), 204);
  }

  private static Info info(JsonObject answer) throws IOException {
    List<Member> members = new ArrayList<>();
    for (JsonValue member : answer.getJsonArray("members")) {
      JsonObject m = member.asJsonObject();
      members.add(new Member(JsonBodies.requiredString(m, "memberId"), m.getBoolean("creator")));
    }
    return new Info(
        JsonBodies.requiredString(answer, "groupId"),
        optional(answer, "name"),
        JsonBodies.requiredString(answer, "memberId"),
        answer.getBoolean("creator"),
        answer.getBoolean("rebroadcast"),
        JsonBodies.requiredInstant(answer, "expiresAt"),
        JsonBodies.requiredString(answer, "kdfSalt"),
        answer.get("allowanceCount") instanceof JsonNumber n ? n.intValue() : null,
        optional(answer, "allowancePer"),
        members,
        answer.getJsonNumber("lastSeq").longValue());
  }

  private static String optional(JsonObject object, String name) {
    return object.get(name) instanceof JsonString s ? s.getString() : null;
  }

  private static String group(String groupId) {
    return GROUPS + "/" + HandsetClient.pathSegment(groupId);
  }

  private HttpRequest post(String path, String json) {
    HttpRequest.Builder builder = request(path);
    if (json == null) {
      return builder.POST(HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder
        .header("Content-Type", JSON)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Portcullis-Terminal-Id", terminalId)
        .header("Accept", JSON + ", " + PROBLEM_JSON);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private JsonObject exchange(HttpRequest request, int expected)
      throws IOException, InterruptedException, ProblemException {
    HttpResponse<String> response = send(request);
    String body = checked(response, expected);
    return expected == 204 ? JsonObject.EMPTY_JSON_OBJECT : JsonBodies.parseObject(body);
  }

  private String checked(HttpResponse<String> response, int expected)
      throws IOException, ProblemException {
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() == expected) {
      if (expected != 204 && !mediaType(contentType).equals(JSON)) {
        throw failure(response.request(), response.statusCode(), contentType, "");
      }
      return response.body();
    }
    throw failure(response.request(), response.statusCode(), contentType, response.body());
  }

  private static ProblemException failure(
      HttpRequest request, int status, String contentType, String body)
      throws IOException, ProblemException {
    if (status >= 400 && mediaType(contentType).equals(PROBLEM_JSON)) {
      return JsonBodies.problem(status, JsonBodies.parseObject(body));
    }
    throw new IOException(
        request.method()
            + " "
            + request.uri().getRawPath()
            + " answered HTTP "
            + status
            + (contentType.isEmpty() ? "" : " " + contentType)
            + ", which the groups API does not promise");
  }

  private static String mediaType(String contentType) {
    return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }
}
