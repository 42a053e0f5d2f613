package org.portcullis.outbox.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.CommException;
import java.util.List;
import org.portcullis.sms.api.OutboundSms;
import org.portcullis.sms.api.SmsConnection;
import org.portcullis.sms.api.SmsConnectionFactory;

/**
 * Hands one SMS to the SMS resource adapter, outside any transaction (the adapter is not
 * transactional, and a database transaction must not stay open while the gateway answers).
 *
 * <p>Defines the application's connection factory {@value #JNDI_NAME} on the resource adapter
 * module {@code portcullis-sms.rar} of this EAR, so no server configuration is needed for it; the
 * adapter's own settings (host, credentials, rate) come from the server configuration.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ConnectionFactoryDefinition(
    name = SmsGateway.JNDI_NAME,
    interfaceName = "org.portcullis.sms.api.SmsConnectionFactory",
    resourceAdapter = "#portcullis-sms",
    description = "Portcullis SMS gateway (SMPP)")
public class SmsGateway {

  static final String JNDI_NAME = "java:app/portcullis/sms";

  @Resource(lookup = JNDI_NAME)
  SmsConnectionFactory factory;

  /**
   * @return the gateway's message id of each part
   * @throws ResourceException the gateway refused the message or could not be reached; a failure to
   *     get a connection at all is a {@link CommException}, which does not use up an attempt
   */
  public List<String> send(String to, String text) throws ResourceException {
    SmsConnection connection;
    try {
      connection = factory.getConnection();
    } catch (ResourceException e) {
      throw new CommException("No connection to the SMS gateway", e);
    }
    try (connection) {
      return connection.send(OutboundSms.to(to, text)).messageIds();
    }
  }
}
