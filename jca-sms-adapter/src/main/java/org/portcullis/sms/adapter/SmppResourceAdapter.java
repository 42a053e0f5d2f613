package org.portcullis.sms.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.portcullis.sms.inbound.InboundDispatcher;
import org.portcullis.sms.session.InvalidSettingException;
import org.portcullis.sms.session.SmppSessionManager;
import org.portcullis.sms.session.SmppSettings;
import org.portcullis.sms.session.SmsGateway;

/**
 * The resource adapter that bridges Portcullis to an SMS gateway over SMPP 3.4.
 *
 * <p>Its JavaBean properties are the gateway settings, set by the server from its configuration (on
 * Payara: {@code asadmin create-resource-adapter-config}); the host, system id and password have no
 * defaults. {@link #start} validates them all and refuses a bad one with a {@link
 * ResourceAdapterInternalException} naming it, then starts binding one shared SMPP session in the
 * background ({@link SmppSessionManager}): a gateway that is down does not fail the start, sends
 * fail fast until it is bound. Outbound connections from {@link
 * org.portcullis.sms.outbound.SmsManagedConnectionFactory} all send over that session; inbound
 * messages go to message-driven beans through {@link InboundDispatcher}.
 *
 * <p>Thread-safety: the container sets properties and calls {@link #start}/{@link #stop} serially;
 * the running parts are published through volatile fields and are thread-safe themselves.
 */
@Connector(
    displayName = "Portcullis SMPP adapter",
    description = "Sends and receives SMS through an SMPP 3.4 gateway",
    vendorName = "Portcullis",
    eisType = "SMPP 3.4 SMS gateway",
    version = "1.0",
    transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class SmppResourceAdapter implements ResourceAdapter, Serializable {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(SmppResourceAdapter.class.getName());

  @ConfigProperty(description = "SMPP gateway host name or address (required)")
  private String host;

  @ConfigProperty(defaultValue = "" + SmppSettings.DEFAULT_PORT, description = "SMPP gateway port")
  private Integer port = SmppSettings.DEFAULT_PORT;

  @ConfigProperty(description = "system_id to bind with (required, at most 15 characters)")
  private String systemId;

  @ConfigProperty(
      description = "password to bind with (required, at most 8 characters; use a password alias)",
      confidential = true)
  private String password;

  @ConfigProperty(defaultValue = "", description = "system_type to bind with (often empty)")
  private String systemType = "";

  @ConfigProperty(
      defaultValue = SmppSettings.DEFAULT_BIND_TYPE,
      description = "TRX (transceiver), TX (transmitter only) or RX (receiver only)")
  private String bindType = SmppSettings.DEFAULT_BIND_TYPE;

  @ConfigProperty(
      defaultValue = "",
      description = "Default source address (service number, short code or alphanumeric name)")
  private String sourceAddress = "";

  @ConfigProperty(
      defaultValue = SmppSettings.DEFAULT_SOURCE_TON,
      description = "Type of number of the source address (name or 0-6)")
  private String sourceTon = SmppSettings.DEFAULT_SOURCE_TON;

  @ConfigProperty(
      defaultValue = SmppSettings.DEFAULT_SOURCE_NPI,
      description = "Numbering plan of the source address (name or number)")
  private String sourceNpi = SmppSettings.DEFAULT_SOURCE_NPI;

  @ConfigProperty(
      defaultValue = SmppSettings.DEFAULT_DESTINATION_TON,
      description = "Type of number of recipients (INTERNATIONAL for E.164)")
  private String destinationTon = SmppSettings.DEFAULT_DESTINATION_TON;

  @ConfigProperty(
      defaultValue = SmppSettings.DEFAULT_DESTINATION_NPI,
      description = "Numbering plan of recipients (ISDN for E.164)")
  private String destinationNpi = SmppSettings.DEFAULT_DESTINATION_NPI;

  @ConfigProperty(
      defaultValue = "" + SmppSettings.DEFAULT_RATE_PER_SECOND,
      description = "Most submit_sm per second; 0 for no limit")
  private Integer ratePerSecond = SmppSettings.DEFAULT_RATE_PER_SECOND;

  @ConfigProperty(
      defaultValue = "" + SmppSettings.DEFAULT_ENQUIRE_LINK_SECONDS,
      description = "Idle seconds before an enquire_link checks the link")
  private Integer enquireLinkSeconds = SmppSettings.DEFAULT_ENQUIRE_LINK_SECONDS;

  @ConfigProperty(
      defaultValue = "" + SmppSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS,
      description = "TCP connect timeout in milliseconds")
  private Integer connectTimeoutMillis = SmppSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS;

  @ConfigProperty(
      defaultValue = "" + SmppSettings.DEFAULT_RESPONSE_TIMEOUT_MILLIS,
      description = "How long to wait for a response PDU, in milliseconds")
  private Integer responseTimeoutMillis = SmppSettings.DEFAULT_RESPONSE_TIMEOUT_MILLIS;

  @ConfigProperty(
      defaultValue = "" + SmppSettings.DEFAULT_RECONNECT_MIN_MILLIS,
      description = "First delay before binding again after a failure, in milliseconds")
  private Integer reconnectMinMillis = SmppSettings.DEFAULT_RECONNECT_MIN_MILLIS;

  @ConfigProperty(
      defaultValue = "" + SmppSettings.DEFAULT_RECONNECT_MAX_MILLIS,
      description = "Longest delay between bind attempts, in milliseconds")
  private Integer reconnectMaxMillis = SmppSettings.DEFAULT_RECONNECT_MAX_MILLIS;

  private transient volatile SmppSessionManager sessionManager;
  private transient volatile InboundDispatcher dispatcher;

  /**
   * Validates the settings and starts binding in the background.
   *
   * @throws ResourceAdapterInternalException naming the setting that is missing or wrong
   */
  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    SmppSettings settings;
    try {
      settings = settings();
    } catch (InvalidSettingException e) {
      ResourceAdapterInternalException refused =
          new ResourceAdapterInternalException(
              "Portcullis SMPP adapter not started: " + e.getMessage(), e.property());
      refused.initCause(e);
      throw refused;
    }
    InboundDispatcher newDispatcher = new InboundDispatcher(context.getWorkManager());
    SmppSessionManager manager = new SmppSessionManager(settings, newDispatcher);
    dispatcher = newDispatcher;
    sessionManager = manager;
    manager.start();
    LOG.log(Level.INFO, "Portcullis SMPP resource adapter started with {0}", settings);
  }

  @Override
  public void stop() {
    SmppSessionManager manager = sessionManager;
    sessionManager = null;
    dispatcher = null;
    if (manager != null) {
      manager.close();
    }
    LOG.info("Portcullis SMPP resource adapter stopped");
  }

  /** The settings as configured, validated; what {@link #start} uses. */
  public SmppSettings settings() {
    return SmppSettings.builder()
        .host(host)
        .port(port)
        .systemId(systemId)
        .password(password)
        .systemType(systemType)
        .bindType(bindType)
        .sourceAddress(sourceAddress)
        .sourceTon(sourceTon)
        .sourceNpi(sourceNpi)
        .destinationTon(destinationTon)
        .destinationNpi(destinationNpi)
        .ratePerSecond(ratePerSecond)
        .enquireLinkSeconds(enquireLinkSeconds)
        .connectTimeoutMillis(connectTimeoutMillis)
        .responseTimeoutMillis(responseTimeoutMillis)
        .reconnectMinMillis(reconnectMinMillis)
        .reconnectMaxMillis(reconnectMaxMillis)
        .build();
  }

  /** Whether the container has started this adapter and not yet stopped it. */
  public boolean isStarted() {
    return sessionManager != null;
  }

  /**
   * The shared session the outbound connections send through.
   *
   * @throws ResourceException when the adapter is not started
   */
  public SmsGateway gateway() throws ResourceException {
    SmppSessionManager manager = sessionManager;
    if (manager == null) {
      throw new ResourceException("the Portcullis SMPP adapter is not started", "NOT_STARTED");
    }
    return manager;
  }

  @Override
  public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec)
      throws ResourceException {
    InboundDispatcher current = dispatcher;
    if (current == null) {
      throw new ResourceException("the Portcullis SMPP adapter is not started", "NOT_STARTED");
    }
    current.activate(endpointFactory, spec);
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
    InboundDispatcher current = dispatcher;
    if (current != null) {
      current.deactivate(endpointFactory, spec);
    }
  }

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0]; // SMPP has no transactions
  }

  // -- JavaBean properties ------------------------------------------------------------------------

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getSystemId() {
    return systemId;
  }

  public void setSystemId(String systemId) {
    this.systemId = systemId;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getSystemType() {
    return systemType;
  }

  public void setSystemType(String systemType) {
    this.systemType = systemType;
  }

  public String getBindType() {
    return bindType;
  }

  public void setBindType(String bindType) {
    this.bindType = bindType;
  }

  public String getSourceAddress() {
    return sourceAddress;
  }

  public void setSourceAddress(String sourceAddress) {
    this.sourceAddress = sourceAddress;
  }

  public String getSourceTon() {
    return sourceTon;
  }

  public void setSourceTon(String sourceTon) {
    this.sourceTon = sourceTon;
  }

  public String getSourceNpi() {
    return sourceNpi;
  }

  public void setSourceNpi(String sourceNpi) {
    this.sourceNpi = sourceNpi;
  }

  public String getDestinationTon() {
    return destinationTon;
  }

  public void setDestinationTon(String destinationTon) {
    this.destinationTon = destinationTon;
  }

  public String getDestinationNpi() {
    return destinationNpi;
  }

  public void setDestinationNpi(String destinationNpi) {
    this.destinationNpi = destinationNpi;
  }

  public Integer getRatePerSecond() {
    return ratePerSecond;
  }

  public void setRatePerSecond(Integer ratePerSecond) {
    this.ratePerSecond = ratePerSecond;
  }

  public Integer getEnquireLinkSeconds() {
    return enquireLinkSeconds;
  }

  public void setEnquireLinkSeconds(Integer enquireLinkSeconds) {
    this.enquireLinkSeconds = enquireLinkSeconds;
  }

  public Integer getConnectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  public void setConnectTimeoutMillis(Integer connectTimeoutMillis) {
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  public Integer getResponseTimeoutMillis() {
    return responseTimeoutMillis;
  }

  public void setResponseTimeoutMillis(Integer responseTimeoutMillis) {
    this.responseTimeoutMillis = responseTimeoutMillis;
  }

  public Integer getReconnectMinMillis() {
    return reconnectMinMillis;
  }

  public void setReconnectMinMillis(Integer reconnectMinMillis) {
    this.reconnectMinMillis = reconnectMinMillis;
  }

  public Integer getReconnectMaxMillis() {
    return reconnectMaxMillis;
  }

  public void setReconnectMaxMillis(Integer reconnectMaxMillis) {
    this.reconnectMaxMillis = reconnectMaxMillis;
  }

  // A JCA ResourceAdapter JavaBean must define equals and hashCode (JCA 2.1 §5.3.1). One instance
  // per deployment owns one session, so identity is the only equality that does not merge two.
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
