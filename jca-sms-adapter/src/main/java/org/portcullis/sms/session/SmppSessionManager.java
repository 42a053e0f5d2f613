package org.portcullis.sms.session;

import jakarta.resource.ResourceException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.portcullis.sms.api.InboundSms;
import org.portcullis.sms.api.OutboundSms;
import org.portcullis.sms.api.SubmitResult;
import org.portcullis.sms.codec.EncodedSms;
import org.portcullis.sms.codec.SmsEncoder;

/**
 * Owns the adapter's single SMPP session: binds it, keeps it alive, binds again when it drops, and
 * sends every message over it.
 *
 * <p>One session per adapter because gateways license and throttle per bind, and because one
 * session gives one place to pace submissions. {@link #start()} returns at once and binds in the
 * background: a gateway that is down when the server starts must not stop the server, and messages
 * wait in the application's outbox meanwhile. While not bound, {@link #send} fails at once with
 * "gateway not bound: <why>" rather than waiting, so the outbox can retry later. After a bind
 * failure or a lost connection the next attempt waits per {@link Backoff} (settings {@code
 * reconnectMinMillis}..{@code reconnectMaxMillis}, jittered); a successful bind resets it.
 * enquire_link keep-alive is jsmpp's: after {@code enquireLinkSeconds} without traffic it sends one
 * and closes the session if no answer comes within {@code responseTimeoutMillis}, which this class
 * sees as a lost session.
 *
 * <p>Threads: jsmpp runs a PDU reader, an enquire_link sender and a small PDU pool per session;
 * this class adds one scheduler thread for bind attempts. They are plain threads, not container
 * work, because jsmpp creates its own anyway and a bind attempt can block for the connect and
 * response timeouts, which is no job for the container's work pool.
 *
 * <p>Inbound deliver_sm are decoded here ({@link InboundDecoder}) and handed to the {@link
 * InboundHandler} before they are answered: if the handler throws, the answer is ESME_RX_T_APPN and
 * the gateway delivers again later.
 *
 * <p>Thread-safety: thread-safe. Any number of threads may {@link #send} at once; submissions are
 * pipelined on the one session and paced by a shared {@link TokenBucket}.
 */
public final class SmppSessionManager implements SmsGateway, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SmppSessionManager.class.getName());

  /** ResourceException error code: no bound session. */
  public static final String NOT_BOUND = "NOT_BOUND";

  /** ResourceException error code: no answer within responseTimeoutMillis. */
  public static final String TIMEOUT = "TIMEOUT";

  /** ResourceException error code: the connection failed while sending. */
  public static final String IO_ERROR = "IO_ERROR";

  /** ResourceException error code: the recipient or sender address cannot be sent. */
  public static final String INVALID_ADDRESS = "INVALID_ADDRESS";

  /** ResourceException error code: the text needs more than 255 parts. */
  public static final String MESSAGE_TOO_LONG = "MESSAGE_TOO_LONG";

  private final SmppSettings settings;
  private final InboundHandler inbound;
  private final InboundDecoder decoder;
  private final TokenBucket rateLimiter;
  private final Backoff backoff;
  private final SecureRandom random = new SecureRandom();
  private final ScheduledExecutorService connector;
  private final Object lock = new Object();
  private final SessionStateListener stateListener = this::onStateChange;
  private final MessageReceiverListener receiver = new Receiver();

  private volatile SMPPSession session;
  private volatile String lastError = "not bound yet";

  // guarded by lock
  private boolean running;
  private boolean started;
  private ScheduledFuture<?> pendingConnect;

  /**
   * @param settings validated settings
   * @param inbound where delivered messages go (mobile-originated texts and receipts)
   */
  public SmppSessionManager(SmppSettings settings, InboundHandler inbound) {
    this(settings, inbound, Clock.systemUTC(), TokenBucket.pacer(settings.ratePerSecond()));
  }

  SmppSessionManager(
      SmppSettings settings, InboundHandler inbound, Clock clock, TokenBucket rateLimiter) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.inbound = Objects.requireNonNull(inbound, "inbound");
    this.decoder = new InboundDecoder(clock);
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.backoff =
        new Backoff(
            Duration.ofMillis(settings.reconnectMinMillis()),
            Duration.ofMillis(settings.reconnectMaxMillis()),
            () -> ThreadLocalRandom.current().nextDouble());
    this.connector =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "portcullis-smpp-connector");
              thread.setDaemon(true);
              return thread;
            });
  }

  public SmppSettings settings() {
    return settings;
  }

  /** Starts binding in the background; returns at once. */
  public void start() {
    synchronized (lock) {
      if (started) {
        throw new IllegalStateException("already started");
      }
      started = true;
      running = true;
    }
    LOG.log(
        Level.INFO,
        "Connecting to SMS gateway {0} ({1})",
        new Object[] {settings.address(), settings.bindMode().operation()});
    scheduleConnect(Duration.ZERO);
  }

  @Override
  public boolean isBound() {
    SMPPSession current = session;
    return current != null && current.getSessionState().isBound();
  }

  @Override
  public String lastError() {
    return lastError;
  }

  /**
   * Waits until the session is bound, for tests and for callers that prefer to wait at startup.
   *
   * @return whether it is bound
   */
  public boolean awaitBound(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!isBound()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    return true;
  }

  /** Unbinds and stops binding again. Idempotent. */
  @Override
  public void close() {
    SMPPSession current;
    synchronized (lock) {
      if (!running && !started) {
        connector.shutdownNow();
        return;
      }
      running = false;
      if (pendingConnect != null) {
        pendingConnect.cancel(false);
      }
      current = session;
      session = null;
    }
    connector.shutdown();
    try {
      // a bind in progress finishes (or times out) and then sees running == false
      long wait = (long) settings.connectTimeoutMillis() + settings.responseTimeoutMillis();
      if (!connector.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
        connector.shutdownNow();
      }
    } catch (InterruptedException e) {
      connector.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (current != null) {
      current.removeSessionStateListener(stateListener);
      current.unbindAndClose();
      LOG.log(Level.INFO, "Unbound from SMS gateway {0}", settings.address());
    }
    lastError = "adapter stopped";
  }

  // ----------------------------------------------------------------------------------------------
  // binding

  private void scheduleConnect(Duration delay) {
    synchronized (lock) {
      if (!running || (pendingConnect != null && !pendingConnect.isDone())) {
        return;
      }
      try {
        pendingConnect = connector.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // stopping
      }
    }
  }

  private void connect() {
    synchronized (lock) {
      pendingConnect = null; // this attempt is under way; a failure schedules the next one
      if (!running) {
        return;
      }
    }
    SMPPSession candidate = new SMPPSession(new TimedSocketConnectionFactory());
    candidate.setEnquireLinkTimer((int) TimeUnit.SECONDS.toMillis(settings.enquireLinkSeconds()));
    candidate.setTransactionTimer(settings.responseTimeoutMillis());
    candidate.setMessageReceiverListener(receiver);
    try {
      candidate.connectAndBind(
          settings.host(), settings.port(), bindParameter(), settings.responseTimeoutMillis());
    } catch (IOException e) {
      candidate.close();
      bindFailed(describeBindFailure(e));
      return;
    }
    boolean keep;
    synchronized (lock) {
      keep = running;
      if (keep) {
        session = candidate;
        lastError = null;
      }
    }
    if (!keep) {
      candidate.unbindAndClose(); // stopped while binding
      return;
    }
    backoff.reset();
    candidate.addSessionStateListener(stateListener);
    if (!candidate.getSessionState().isBound()) {
      sessionLost(candidate, "connection to the gateway lost right after binding");
      return;
    }
    LOG.log(
        Level.INFO,
        "Bound to SMS gateway {0} as {1} ({2})",
        new Object[] {settings.address(), settings.systemId(), settings.bindMode().operation()});
  }

  private BindParameter bindParameter() {
    return new BindParameter(
        settings.bindMode().bindType(),
        settings.systemId(),
        settings.password(),
        settings.systemType(),
        TypeOfNumber.UNKNOWN,
        NumberingPlanIndicator.UNKNOWN,
        null,
        InterfaceVersion.IF_34);
  }

  private void bindFailed(String error) {
    String previous = lastError;
    lastError = error;
    Duration delay = backoff.next();
    // the same failure every minute is one event for the operator, not sixty log lines an hour
    Level level = error.equals(previous) ? Level.FINE : Level.WARNING;
    LOG.log(
        level,
        "Cannot bind to SMS gateway {0}: {1}; trying again in {2,number,#} ms",
        new Object[] {settings.address(), error, delay.toMillis()});
    scheduleConnect(delay);
  }

  private void onStateChange(
      org.jsmpp.extra.SessionState newState,
      org.jsmpp.extra.SessionState oldState,
      Session source) {
    if (!newState.isBound() && source instanceof SMPPSession lost) {
      sessionLost(lost, "connection to the gateway lost (session " + newState + ")");
    }
  }

  private void sessionLost(SMPPSession lost, String why) {
    synchronized (lock) {
      if (session != lost) {
        return; // already handled, or an old session closing late
      }
      session = null;
      lastError = why;
    }
    Duration delay = backoff.next();
    LOG.log(
        Level.WARNING,
        "Lost SMS gateway {0}: {1}; binding again in {2,number,#} ms",
        new Object[] {settings.address(), why, delay.toMillis()});
    try {
      // not on jsmpp's thread: close() joins that session's threads
      connector.execute(lost::close);
    } catch (RejectedExecutionException e) {
      // stopping; close() deals with it
    }
    scheduleConnect(delay);
  }

  private String describeBindFailure(IOException e) {
    String operation = settings.bindMode().operation();
    Throwable cause = e.getCause();
    if (cause instanceof NegativeResponseException negative) {
      int status = negative.getCommandStatus();
      String hint =
          status == SMPPConstant.STAT_ESME_RBINDFAIL
                  || status == SMPPConstant.STAT_ESME_RINVPASWD
                  || status == SMPPConstant.STAT_ESME_RINVSYSID
              ? "; check systemId and password"
              : "";
      return operation + " refused by the gateway: " + SmppStatus.describe(status) + hint;
    }
    if (cause instanceof ResponseTimeoutException) {
      return "no answer to " + operation + " within " + settings.responseTimeoutMillis() + " ms";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + settings.host();
    }
    if (e instanceof SocketTimeoutException) {
      return "connecting to "
          + settings.address()
          + " timed out after "
          + settings.connectTimeoutMillis()
          + " ms";
    }
    if (e instanceof ConnectException) {
      return "cannot connect to " + settings.address() + ": " + e.getMessage();
    }
    return "cannot bind to " + settings.address() + ": " + e.getMessage();
  }

  /** jsmpp's socket factory has no connect timeout; this one uses connectTimeoutMillis. */
  private final class TimedSocketConnectionFactory implements ConnectionFactory {
    @Override
    public Connection createConnection(String host, int port) throws IOException {
      Socket socket = new Socket();
      try {
        socket.setTcpNoDelay(true); // PDUs are small and answered one by one
        socket.connect(new InetSocketAddress(host, port), settings.connectTimeoutMillis());
        return new SocketConnection(socket);
      } catch (IOException e) {
        socket.close();
        throw e;
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // sending

  @Override
  public SubmitResult send(OutboundSms sms) throws ResourceException {
    Objects.requireNonNull(sms, "sms");
    if (!settings.bindMode().canSend()) {
      throw error(
          "the adapter is bound as a receiver (bindType RX) and cannot send", "NOT_TRANSMITTER");
    }
    if (!isBound()) {
      throw notBound();
    }
    Address destination = destination(sms.to());
    Address source = source(sms.sender());
    EncodedSms encoded;
    try {
      encoded = SmsEncoder.encode(sms.text(), random.nextInt(256));
    } catch (IllegalArgumentException e) {
      throw error("cannot send the text: " + e.getMessage(), MESSAGE_TOO_LONG, e);
    }
    RegisteredDelivery registeredDelivery = new RegisteredDelivery(sms.requestReceipt() ? 1 : 0);
    ESMClass esmClass = new ESMClass(encoded.esmClass());
    RawDataCoding dataCoding = new RawDataCoding((byte) encoded.dataCoding());
    int parts = encoded.partCount();
    List<String> messageIds = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      String which = parts == 1 ? "" : " (part " + (i + 1) + " of " + parts + ")";
      awaitRate();
      SMPPSession current = session;
      if (current == null) {
        throw notBound();
      }
      try {
        SubmitSmResult result =
            current.submitShortMessage(
                null,
                source.ton(),
                source.npi(),
                source.address(),
                destination.ton(),
                destination.npi(),
                destination.address(),
                esmClass,
                (byte) 0,
                (byte) 0,
                null,
                null,
                registeredDelivery,
                (byte) 0,
                dataCoding,
                (byte) 0,
                encoded.part(i));
        messageIds.add(result.getMessageId());
      } catch (NegativeResponseException e) {
        int status = e.getCommandStatus();
        throw error(
            "the gateway refused the message" + which + ": " + SmppStatus.describe(status),
            SmppStatus.name(status),
            e);
      } catch (ResponseTimeoutException e) {
        throw error(
            "no submit_sm_resp within "
                + settings.responseTimeoutMillis()
                + " ms"
                + which
                + "; the gateway may still deliver it",
            TIMEOUT,
            e);
      } catch (InvalidResponseException e) {
        throw error("invalid answer from the gateway" + which + ": " + e.getMessage(), IO_ERROR, e);
      } catch (PDUException e) {
        throw error("the message cannot be put in a PDU: " + e.getMessage(), "INVALID_PDU", e);
      } catch (IOException e) {
        throw error("lost the gateway while sending" + which + ": " + e.getMessage(), IO_ERROR, e);
      }
    }
    LOG.log(
        Level.FINE,
        "Submitted {0} part(s) in {1} to {2}: {3}",
        new Object[] {parts, encoded.alphabet(), mask(destination.address()), messageIds});
    return new SubmitResult(messageIds);
  }

  private void awaitRate() throws ResourceException {
    try {
      rateLimiter.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw error("interrupted while waiting for the sending rate", "INTERRUPTED", e);
    }
  }

  private ResourceException notBound() {
    String why = lastError;
    return error("gateway not bound: " + (why == null ? "connection lost" : why), NOT_BOUND);
  }

  /** An address with its TON and NPI. */
  record Address(TypeOfNumber ton, NumberingPlanIndicator npi, String address) {}

  Address destination(String to) throws ResourceException {
    String address = to.trim();
    TypeOfNumber ton = settings.destinationTon();
    if (ton == TypeOfNumber.INTERNATIONAL) {
      if (address.startsWith("+")) {
        address = address.substring(1);
      }
      if (!address.matches("[0-9]{1,15}")) {
        throw error("the recipient is not an E.164 number (+ and 1 to 15 digits)", INVALID_ADDRESS);
      }
    } else if (address.isEmpty() || address.length() > SmppSettings.MAX_ADDRESS) {
      throw error("the recipient address must have 1 to 20 characters", INVALID_ADDRESS);
    }
    return new Address(ton, settings.destinationNpi(), address);
  }

  Address source(String sender) throws ResourceException {
    if (sender == null || sender.isBlank()) {
      String address = settings.sourceAddress();
      if (settings.sourceTon() == TypeOfNumber.INTERNATIONAL && address.startsWith("+")) {
        address = address.substring(1);
      }
      return new Address(settings.sourceTon(), settings.sourceNpi(), address);
    }
    String s = sender.trim();
    if (s.startsWith("+")) {
      String digits = s.substring(1);
      if (!digits.matches("[0-9]{1,15}")) {
        throw error("the sender is not an E.164 number", INVALID_ADDRESS);
      }
      return new Address(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, digits);
    }
    if (s.chars().allMatch(Character::isDigit)) {
      if (s.length() > SmppSettings.MAX_ADDRESS) {
        throw error("the sender must have at most 20 digits", INVALID_ADDRESS);
      }
      boolean alpha = settings.sourceTon() == TypeOfNumber.ALPHANUMERIC;
      return new Address(
          alpha ? TypeOfNumber.UNKNOWN : settings.sourceTon(),
          alpha ? NumberingPlanIndicator.ISDN : settings.sourceNpi(),
          s);
    }
    // GSM carries at most 11 characters of an alphanumeric originator (TS 23.040 §9.1.2.5)
    if (s.length() > 11 || !s.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
      throw error("an alphanumeric sender has at most 11 ASCII characters", INVALID_ADDRESS);
    }
    return new Address(TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, s);
  }

  private static String mask(String address) {
    return address.length() <= 4 ? "****" : "****" + address.substring(address.length() - 4);
  }

  private static ResourceException error(String reason, String code) {
    return new ResourceException(reason, code);
  }

  private static ResourceException error(String reason, String code, Throwable cause) {
    ResourceException e = new ResourceException(reason, code);
    e.initCause(cause);
    return e;
  }

  // ----------------------------------------------------------------------------------------------
  // receiving

  /** Answers what the gateway sends on jsmpp's PDU threads. */
  private final class Receiver implements MessageReceiverListener {

    @Override
    public void onAcceptDeliverSm(DeliverSm pdu) throws ProcessRequestException {
      Optional<InboundDecoder.Decoded> decoded;
      try {
        decoded = decoder.decode(pdu);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Refused an undecodable deliver_sm with ESME_RX_P_APPN: {0}",
            e.getMessage());
        throw new ProcessRequestException(
            "cannot decode: " + e.getMessage(), SMPPConstant.STAT_ESME_RX_P_APPN, e);
      }
      if (decoded.isEmpty()) {
        return;
      }
      InboundSms sms = decoded.get().sms();
      try {
        inbound.onInbound(sms);
      } catch (Exception e) {
        LOG.log(
            Level.WARNING,
            "Could not take a {0}; answered ESME_RX_T_APPN so that the gateway retries: {1}",
            new Object[] {sms.kind(), e.toString()});
        throw new ProcessRequestException(
            "cannot take the message now", SMPPConstant.STAT_ESME_RX_T_APPN, e);
      }
      decoder.handedOver(decoded.get());
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
      LOG.fine("alert_notification ignored");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source)
        throws ProcessRequestException {
      throw new ProcessRequestException(
          "data_sm is not supported; deliver with deliver_sm", SMPPConstant.STAT_ESME_RINVCMDID);
    }
  }
}
