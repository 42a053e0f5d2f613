package org.portcullis.launcher.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A demo SMS gateway: an SMSC on loopback that accepts one system id and password, answers {@code
 * submit_sm} with a message id, shows the text on the console, and shortly after sends the delivery
 * receipt a real gateway would ({@code deliver_sm} with esm_class 0x04, the text of SMPP 3.4
 * Appendix B and the {@code receipted_message_id} and {@code message_state} TLVs). {@code
 * enquire_link} is answered by jsmpp. Every message is "delivered": it is a stand-in for a real
 * gateway in demos, not a simulator of its failures.
 *
 * <p>Thread-safe; {@link #close()} stops it.
 */
public final class DemoSmsc implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DemoSmsc.class.getName());

  /** The system_id this gateway gives in its bind responses. */
  static final String SMSC_SYSTEM_ID = "DEMOSMSC";

  /** How long after the submit_sm_resp the delivery receipt follows: "shortly", as on a handset. */
  static final Duration RECEIPT_DELAY = Duration.ofMillis(500);

  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REFUSED_GRACE = Duration.ofSeconds(2);
  private static final int KEPT = 50;
  private static final long MESSAGE_IDS = 10_000_000_000L; // ten digits, as Appendix B's "id:"

  private final byte[] systemId;
  private final byte[] password;
  private final Consumer<String> console;
  private final LoopbackServerSocket connections;
  private final SMPPServerSessionListener listener;
  private final ExecutorService binds = Executors.newCachedThreadPool(daemon("demo-smsc-bind"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("demo-smsc-timer"));
  private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicLong nextMessageId =
      new AtomicLong(new SecureRandom().nextInt(1_000_000_000));
  private final Map<String, Parts> partial = new PartialMessages();
  private final Recent<ReceivedSms> received = new Recent<>(KEPT);
  private volatile boolean closed;

  /**
   * A message as it reached the gateway, all its parts joined.
   *
   * @param receivedAt when its last part arrived
   * @param from the source address
   * @param to the destination address ({@code +} added for an international number)
   * @param text the whole text
   * @param messageIds the message id given to each part, in order
   */
  public record ReceivedSms(
      Instant receivedAt, String from, String to, String text, List<String> messageIds) {}

  private DemoSmsc(
      InetSocketAddress address, String systemId, String password, Consumer<String> console)
      throws IOException {
    this.systemId = systemId.getBytes(StandardCharsets.US_ASCII);
    this.password = password.getBytes(StandardCharsets.US_ASCII);
    this.console = console;
    this.connections = new LoopbackServerSocket(address);
    this.listener = new SMPPServerSessionListener(address.getPort(), 0, connections);
    listener.setMessageReceiverListener(new Receiver());
    listener.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {});
    listener.setSessionStateListener(this::sessionStateChanged);
  }

  /**
   * Starts the gateway.
   *
   * @param address where to listen, normally 127.0.0.1 and port 0 (any free port)
   * @param systemId the only system_id accepted
   * @param password the only password accepted
   * @param console where received messages are shown, one block of lines per message
   */
  public static DemoSmsc start(
      InetSocketAddress address, String systemId, String password, Consumer<String> console)
      throws IOException {
    DemoSmsc smsc = new DemoSmsc(address, systemId, password, console);
    Thread acceptor = daemon("demo-smsc-accept").newThread(smsc::acceptSessions);
    acceptor.start();
    LOG.log(Level.INFO, "Demo SMS gateway listening on {0}", smsc.address());
    return smsc;
  }

  /** Where it listens. */
  public InetSocketAddress address() {
    return (InetSocketAddress) connections.socket.getLocalSocketAddress();
  }

  /** The last messages received, oldest first. */
  public List<ReceivedSms> received() {
    return received.list();
  }

  /** Unbinds every session and stops listening. */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the demo SMS gateway's socket", e);
    }
    timer.shutdownNow();
    for (SMPPServerSession session : sessions) {
      session.unbindAndClose();
    }
    binds.shutdownNow();
  }

  private void acceptSessions() {
    while (!closed) {
      try {
        SMPPServerSession session = listener.accept();
        sessions.add(session);
        binds.execute(() -> awaitBind(session));
      } catch (IOException e) {
        if (!closed) {
          LOG.log(Level.WARNING, "Demo SMS gateway stopped accepting connections", e);
        }
        return;
      }
    }
  }

  private void awaitBind(SMPPServerSession session) {
    String peer = session.getInetAddress().getHostAddress() + ":" + session.getPort();
    try {
      BindRequest bind = session.waitForBind(BIND_TIMEOUT.toMillis());
      byte[] givenId = bind.getSystemId().getBytes(StandardCharsets.US_ASCII);
      byte[] givenPassword = bind.getPassword().getBytes(StandardCharsets.US_ASCII);
      // constant-time, as a real gateway should; the launcher generated the password
      boolean idMatches = MessageDigest.isEqual(systemId, givenId);
      boolean passwordMatches = MessageDigest.isEqual(password, givenPassword);
      if (idMatches && passwordMatches) {
        bind.accept(SMSC_SYSTEM_ID, InterfaceVersion.IF_34);
        LOG.log(
            Level.INFO,
            "Demo SMS gateway: {0} bound as {1} from {2}",
            new Object[] {bind.getBindType(), bind.getSystemId(), peer});
        return;
      }
      LOG.log(
          Level.WARNING,
          "Demo SMS gateway refused a bind as ''{0}'' from {1}: wrong {2}",
          new Object[] {bind.getSystemId(), peer, idMatches ? "password" : "system id"});
      bind.reject(idMatches ? SMPPConstant.STAT_ESME_RINVPASWD : SMPPConstant.STAT_ESME_RINVSYSID);
      // the client closes on a refusal; closing at once could reset the connection before it
      // read why (unread bytes on a closed socket make TCP send RST)
      timer.schedule(session::close, REFUSED_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      return;
    } catch (TimeoutException e) {
      LOG.log(Level.INFO, "Demo SMS gateway: no bind from {0} in time", peer);
    } catch (IOException | PDUStringException | IllegalStateException e) {
      LOG.log(Level.INFO, "Demo SMS gateway: bind from " + peer + " failed", e);
    }
    session.close();
  }

  private void sessionStateChanged(SessionState now, SessionState before, Session session) {
    if (now == SessionState.CLOSED && session instanceof SMPPServerSession server) {
      sessions.remove(server);
      LOG.log(Level.INFO, "Demo SMS gateway: session {0} closed", session.getSessionId());
    }
  }

  private SubmitSmResult submitted(SubmitSm submit, SMPPServerSession session)
      throws ProcessRequestException {
    byte[] userData = submit.getShortMessage();
    if ((userData == null || userData.length == 0)
        && submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD)
            instanceof OptionalParameter.OctetString payload) {
      userData = payload.getValue(); // long texts may come in message_payload instead
    }
    ShortMessage part =
        ShortMessage.decode(
            userData == null ? new byte[0] : userData,
            submit.getEsmClass(),
            submit.getDataCoding());
    MessageId messageId;
    try {
      messageId = new MessageId("%010d".formatted(nextMessageId.getAndIncrement() % MESSAGE_IDS));
    } catch (PDUStringException e) {
      throw new ProcessRequestException("no message id", SMPPConstant.STAT_ESME_RSYSERR);
    }
    String to = address(submit.getDestAddrTon(), submit.getDestAddress());
    String from = address(submit.getSourceAddrTon(), submit.getSourceAddr());
    collect(from, to, part, messageId.getValue());
    // bits 1-0 of registered_delivery: 01 asks for a receipt on success and failure, 10 only on
    // failure (SMPP 3.4 §5.2.17); these are all delivered
    if ((submit.getRegisteredDelivery() & 0x03) == 0x01) {
      Date submitted = new Date();
      timer.schedule(
          () -> sendReceipt(session, submit, messageId.getValue(), submitted),
          RECEIPT_DELAY.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    return new SubmitSmResult(messageId, new OptionalParameter[0]);
  }

  /** Shows a message once all its parts are in. */
  private void collect(String from, String to, ShortMessage part, String messageId) {
    List<String> ids;
    String text;
    if (!part.concatenated()) {
      ids = List.of(messageId);
      text = part.text();
    } else {
      String key = from + "|" + to + "|" + part.reference() + "|" + part.total();
      synchronized (partial) {
        Parts parts = partial.computeIfAbsent(key, k -> new Parts(part.total()));
        parts.add(part.sequence(), part.text(), messageId);
        if (!parts.complete()) {
          return;
        }
        partial.remove(key);
        ids = parts.ids();
        text = parts.text();
      }
    }
    received.add(new ReceivedSms(Instant.now(), from, to, text, ids));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("To", to);
    fields.put("From", from);
    fields.put(
        ids.size() == 1 ? "Message id" : "Message ids",
        String.join(", ", ids) + (ids.size() > 1 ? " (" + ids.size() + " parts)" : ""));
    console.accept(ConsoleBlock.render("demo SMS gateway received an SMS", fields, text));
  }

  private void sendReceipt(SMPPServerSession session, SubmitSm submit, String id, Date submitted) {
    if (!session.getSessionState().isReceivable()) {
      LOG.log(Level.INFO, "Demo SMS gateway: no receipt for {0}, the session is gone", id);
      return;
    }
    // the text field stays empty: Appendix B makes it optional, and it would repeat the code
    String text =
        new DeliveryReceipt(
                id, 1, 1, submitted, new Date(), DeliveryReceiptState.DELIVRD, "000", "")
            .toString();
    try {
      session.deliverShortMessage(
          "",
          TypeOfNumber.valueOf(submit.getDestAddrTon()),
          NumberingPlanIndicator.valueOf(submit.getDestAddrNpi()),
          submit.getDestAddress(),
          TypeOfNumber.valueOf(submit.getSourceAddrTon()),
          NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()),
          submit.getSourceAddr(),
          new ESMClass(
              MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
          (byte) 0,
          (byte) 0,
          new RegisteredDelivery(0),
          DataCodings.ZERO,
          text.getBytes(StandardCharsets.US_ASCII),
          new OptionalParameter.Receipted_message_id(id),
          new OptionalParameter.Message_state(
              OptionalParameter.Message_state.Message_state_enum.DELIVERED.byteValue()));
    } catch (Exception e) { // jsmpp declares five exception types; any means "not delivered"
      LOG.log(Level.INFO, "Demo SMS gateway: the delivery receipt for " + id + " failed", e);
    }
  }

  /** An address as a person reads it: international numbers with their {@code +}. */
  private static String address(byte ton, String address) {
    String value = address == null ? "" : address;
    return ton == TypeOfNumber.INTERNATIONAL.value() && !value.startsWith("+")
        ? "+" + value
        : value;
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      // jsmpp and its callbacks run with this gateway's class loader, never the launcher's
      thread.setContextClassLoader(DemoSmsc.class.getClassLoader());
      return thread;
    };
  }

  /** The parts of one concatenated message received so far. */
  private static final class Parts {
    private final String[] texts;
    private final String[] ids;
    private int count;

    Parts(int total) {
      texts = new String[total];
      ids = new String[total];
    }

    void add(int sequence, String text, String id) {
      if (sequence >= 1 && sequence <= texts.length && texts[sequence - 1] == null) {
        texts[sequence - 1] = text;
        ids[sequence - 1] = id;
        count++;
      }
    }

    boolean complete() {
      return count == texts.length;
    }

    String text() {
      return String.join("", texts);
    }

    List<String> ids() {
      return new ArrayList<>(List.of(ids));
    }
  }

  /** Incomplete messages, the oldest forgotten beyond a few dozen (a part that never came). */
  private static final class PartialMessages extends LinkedHashMap<String, Parts> {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Parts> eldest) {
      return size() > KEPT;
    }
  }

  /** jsmpp's server socket, bound to the given address (jsmpp's own binds every interface). */
  private static final class LoopbackServerSocket implements ServerConnectionFactory {
    private final InetSocketAddress address;
    private ServerSocket socket;

    LoopbackServerSocket(InetSocketAddress address) {
      this.address = address;
    }

    @Override
    public ServerConnection listen(int port) throws IOException {
      return listen(port, 0);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
      return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
      ServerSocket server = new ServerSocket();
      server.bind(address, backlog);
      server.setSoTimeout(timeout);
      socket = server;
      return new ServerSocketConnection(server);
    }
  }

  /** Answers what a gateway is asked; only submit_sm is supported. */
  private final class Receiver implements ServerMessageReceiverListener {

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source)
        throws ProcessRequestException {
      return submitted(submit, source);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submit, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm query, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replace, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancel, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcast, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancel, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
        QueryBroadcastSm query, SMPPServerSession source) throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm data, Session source) throws ProcessRequestException {
      throw unsupported();
    }

    private ProcessRequestException unsupported() {
      return new ProcessRequestException(
          "not supported by the demo SMS gateway", SMPPConstant.STAT_ESME_RINVCMDID);
    }
  }
}
